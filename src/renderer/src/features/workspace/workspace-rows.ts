import type { ApiOutput } from '../../../../shared/api/contract';
import type { Workflow } from '../../../../shared/domain/workspace';
import { formatDateTime } from '../../lib/format';

/** The workspace browser's tabs; all but `workflows` are pages of `workspace.*`. */
export type WorkspaceTab = 'users' | 'objects' | 'tenants' | 'subscriptions' | 'audiences' | 'workflows' | 'runs';
export type PagedTab = Exclude<WorkspaceTab, 'workflows'>;

export const PAGED_METHOD = {
  users: 'workspace.users',
  objects: 'workspace.objects',
  tenants: 'workspace.tenants',
  subscriptions: 'workspace.subscriptions',
  audiences: 'workspace.audienceMembers',
  runs: 'workspace.workflowRuns',
} as const satisfies Record<PagedTab, string>;

export type PagedItem<T extends PagedTab> = ApiOutput<(typeof PAGED_METHOD)[T]>['items'][number];

export const TAB_LABEL: Record<WorkspaceTab, string> = {
  users: 'Users',
  objects: 'Objects',
  tenants: 'Tenants',
  subscriptions: 'Subscriptions',
  audiences: 'Audiences',
  workflows: 'Workflows',
  runs: 'Workflow runs',
};

/** Column headings per tab; each row's `cells` follow them. */
export const COLUMNS: Record<WorkspaceTab, readonly string[]> = {
  users: ['ID', 'Name', 'Email', 'Phone', 'Updated'],
  objects: ['Collection', 'ID', 'Name', 'Updated'],
  tenants: ['ID', 'Name', 'Updated'],
  subscriptions: ['Collection', 'Object', 'Recipient', 'Since'],
  audiences: ['Audience', 'User', 'Tenant', 'Since'],
  workflows: ['Key', 'Name', 'Status', 'Pauses', 'Created'],
  runs: ['Workflow', 'Recipient', 'Via', 'Status', 'Tenant', 'Trigger call', 'Created'],
};

/** One table row, whatever the tab: what the table shows and what the drawer details. */
export interface WorkspaceRow {
  key: string;
  title: string;
  cells: string[];
  /** The record as the host returned it, for the drawer's JSON view. */
  record: unknown;
  /** The logged event that made it (workflow runs). */
  eventId: number | null;
  status?: string;
}

const dash = (v: string | null): string => v ?? '—';
const recipient = (collection: string, id: string) => (collection === '$users' || collection === 'users' ? id : `${collection}/${id}`);

type ToRows = { [T in PagedTab]: (item: PagedItem<T>) => WorkspaceRow };

const PAGED_ROWS: ToRows = {
  users: (u) => ({ key: u.id, title: u.name ?? u.id, cells: [u.id, dash(u.name), dash(u.email), dash(u.phoneNumber), formatDateTime(u.updatedAt)], record: u, eventId: null }),
  objects: (o) => ({ key: `${o.collection}/${o.id}`, title: `${o.collection}/${o.id}`, cells: [o.collection, o.id, dash(o.name), formatDateTime(o.updatedAt)], record: o, eventId: null }),
  tenants: (t) => ({ key: t.id, title: t.name ?? t.id, cells: [t.id, dash(t.name), formatDateTime(t.updatedAt)], record: t, eventId: null }),
  subscriptions: (s) => ({
    key: `${s.collection}/${s.objectId}/${s.recipientCollection}/${s.recipientId}`,
    title: `${recipient(s.recipientCollection, s.recipientId)} → ${s.collection}/${s.objectId}`,
    cells: [s.collection, s.objectId, recipient(s.recipientCollection, s.recipientId), formatDateTime(s.createdAt)],
    record: s,
    eventId: null,
  }),
  audiences: (m) => ({
    key: `${m.audienceKey}/${m.userId}/${m.tenant ?? ''}`,
    title: `${m.userId} in ${m.audienceKey}`,
    cells: [m.audienceKey, m.userId, dash(m.tenant), formatDateTime(m.createdAt)],
    record: m,
    eventId: null,
  }),
  runs: (r) => ({
    key: r.id,
    title: `${r.workflowKey} → ${recipient(r.recipientCollection, r.recipientId)}`,
    cells: [
      r.workflowKey, recipient(r.recipientCollection, r.recipientId),
      // An object or tenant recipient fans out: each subscriber's run names the object it came through.
      r.subscription ? recipient(r.subscription.collection, r.subscription.id) : '—',
      runStatus(r), dash(r.tenant), dash(r.triggerId), formatDateTime(r.createdAt),
    ],
    record: r,
    eventId: r.eventId,
    status: r.status,
  }),
};

export function toRows<T extends PagedTab>(tab: T, items: ReadonlyArray<PagedItem<T>>): WorkspaceRow[] {
  const convert = PAGED_ROWS[tab] as (item: PagedItem<T>) => WorkspaceRow;
  return items.map(convert);
}

const pauses = (w: Workflow): string => (w.steps.length === 0 ? 'none: runs complete at once' : w.steps.map((s) => `${s.type} ${s.seconds}s`).join(', '));

export const workflowRow = (w: Workflow): WorkspaceRow => ({
  key: w.key, title: w.name, cells: [w.key, w.name, w.active ? 'active' : 'inactive', pauses(w), formatDateTime(w.createdAt)], record: w, eventId: null,
});

type Run = PagedItem<'runs'>;

/** A run's status in a word, with the time that matters for it. */
export function runStatus(r: Run): string {
  if (r.status === 'paused') return r.resumeAt === null ? 'paused' : `paused until ${formatDateTime(r.resumeAt)}`;
  if (r.status === 'cancelled') return 'cancelled';
  return 'completed';
}

/** A run's status over time, oldest first, for the drawer. */
export function runTimeline(r: Run): Array<{ label: string; at: number }> {
  const steps = [{ label: r.resumeAt === null ? 'started' : 'started, paused', at: r.createdAt }];
  if (r.status === 'cancelled' && r.cancelledAt !== null) steps.push({ label: 'cancelled while paused', at: r.cancelledAt });
  if (r.status === 'completed' && r.completedAt !== null) steps.push({ label: 'completed', at: r.completedAt });
  if (r.status === 'paused' && r.resumeAt !== null) steps.push({ label: 'due to complete', at: r.resumeAt });
  return steps;
}

/** Workflows come in one list; the search filters it here (the host does it for the other tabs). */
export function filterWorkflows(workflows: readonly Workflow[], search: string): Workflow[] {
  const q = search.trim().toLowerCase();
  return q === '' ? [...workflows] : workflows.filter((w) => w.key.includes(q) || w.name.toLowerCase().includes(q));
}
