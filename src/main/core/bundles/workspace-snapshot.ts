import type { Bundle } from '../../../shared/domain/bundle';
import { SNAPSHOT_CONFLICT_KINDS, snapshotCounts, type BundleWorkspace, type SnapshotConflictKind } from '../../../shared/domain/bundle-workspace';
import type { BundleAction, BundleImportReport, BundlePreviewItem } from '../../../shared/domain/bundle-preview';
import type { CoreContext } from '../context';
import { columnsOf, keyOf, workspaceSnapshotRepo } from './workspace-snapshot.repo';

/** Ids named per kind in an import's report; the count says how many more. */
const MAX_CONFLICT_IDS = 50;

/**
 * What the file's redactor does to one value (a workspace row without its times), `where` naming
 * the row for the review. The same redactor as the log slice's, so an email gets the same
 * placeholder in a user's properties as in the events that identified them.
 */
export type RedactValue = <T extends Record<string, unknown>>(value: T, where: string) => T;

export const workspaceRefs = {
  environment: (env: string) => `workspace:${env}`,
  conflicts: (env: string, kind: SnapshotConflictKind) => `workspace:${env}/${kind}`,
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const NOUNS: Record<SnapshotConflictKind, [string, string]> = {
  users: ['user', 'users'], objects: ['object', 'objects'], tenants: ['tenant', 'tenants'], subscriptions: ['subscription', 'subscriptions'],
};

/** Counts in words: `2 users, 1 object, 0 tenants, 3 subscriptions, 1 audience member`. */
export function describeCounts(c: ReturnType<typeof snapshotCounts>): string {
  return [plural(c.users, 'user'), plural(c.objects, 'object'), plural(c.tenants, 'tenant'), plural(c.subscriptions, 'subscription'), plural(c.audienceMembers, 'audience member')].join(', ');
}

/** Each chosen environment's workspace, redacted (times and all) through the file's redactor when it has one. */
export function exportWorkspace(ctx: Pick<CoreContext, 'db'>, environments: readonly string[], redact: RedactValue | undefined): BundleWorkspace[] {
  const repo = workspaceSnapshotRepo(ctx.db);
  return environments.map((environment) => {
    const w = repo.read(environment);
    if (!redact) return { environment, ...w };
    const at = (what: string) => `workspace ${environment} ${what}`;
    return {
      environment,
      users: w.users.map(({ createdAt, updatedAt, ...u }) => ({ ...redact(u, at(`user ${u.id}`)), createdAt, updatedAt })),
      objects: w.objects.map(({ createdAt, updatedAt, ...o }) => ({ ...redact(o, at(`object ${o.collection}/${o.id}`)), createdAt, updatedAt })),
      tenants: w.tenants.map(({ createdAt, updatedAt, ...t }) => ({ ...redact(t, at(`tenant ${t.id}`)), createdAt, updatedAt })),
      subscriptions: w.subscriptions.map(({ createdAt, ...s }) => ({ ...redact(s, at(`subscription ${s.collection}/${s.objectId}`)), createdAt })),
      audiences: w.audiences.map((a) => {
        const r = redact({ key: a.key, members: a.members.map(({ userId, tenant }) => ({ userId, tenant })) }, at(`audience ${a.key}`));
        return { key: r.key, createdAt: a.createdAt, members: r.members.map((m, i) => ({ ...m, createdAt: a.members[i]!.createdAt })) };
      }),
    };
  });
}

/** How a row is named to the user: by the id the rest of the workspace refers to it by. */
const labelOf = {
  users: (u: BundleWorkspace['users'][number]) => u.id,
  objects: (o: BundleWorkspace['objects'][number]) => `${o.collection}/${o.id}`,
  tenants: (t: BundleWorkspace['tenants'][number]) => t.id,
  subscriptions: (s: BundleWorkspace['subscriptions'][number]) => `${s.recipientId} → ${s.collection}/${s.objectId}`,
};

/** The snapshot's rows of one kind whose key is taken here. */
function conflicts(ctx: CoreContext, w: BundleWorkspace, kind: SnapshotConflictKind): string[] {
  if (!ctx.environments.get(w.environment)) return [];
  const here = workspaceSnapshotRepo(ctx.db).keys(kind, w.environment);
  const rows: Array<{ key: string; label: string }> = kind === 'users' ? w.users.map((u) => ({ key: keyOf.users(u), label: labelOf.users(u) }))
    : kind === 'objects' ? w.objects.map((o) => ({ key: keyOf.objects(o), label: labelOf.objects(o) }))
      : kind === 'tenants' ? w.tenants.map((t) => ({ key: keyOf.tenants(t), label: labelOf.tenants(t) }))
        : w.subscriptions.map((s) => ({ key: keyOf.subscriptions(s), label: labelOf.subscriptions(s) }));
  return rows.filter((r) => here.has(r.key)).map((r) => r.label);
}

const WHY_NOT_RENAME: Record<SnapshotConflictKind, string> = {
  users: 'Rename is not offered: a user is its id (events, subscriptions and runs name users by it), so a renamed user would be a different user.',
  objects: 'Rename is not offered: an object is its collection and id, which subscriptions and triggers name it by.',
  tenants: 'Rename is not offered: a tenant is its id, which triggers and subscriptions name it by.',
  subscriptions: 'Rename is not offered: a subscription is the pair it joins.',
};

/**
 * Preview items for the snapshot: one per environment (import it or not, with its counts), and one
 * per kind whose keys are taken here (replace them with the file's rows, or keep these).
 */
export function workspaceItems(ctx: CoreContext, bundle: Bundle): Array<Omit<BundlePreviewItem, 'action'>> {
  const inFile = new Set(bundle.environments.map((e) => e.key));
  return (bundle.workspace ?? []).flatMap((w) => {
    const reachable = ctx.environments.get(w.environment) !== undefined || inFile.has(w.environment);
    const head: Omit<BundlePreviewItem, 'action'> = {
      ref: workspaceRefs.environment(w.environment), kind: 'workspace', label: `Workspace of ${w.environment}: ${describeCounts(snapshotCounts(w))}`,
      exists: false, actions: reachable ? ['create', 'skip'] : ['skip'],
      note: reachable ? 'added as it was exported; workflow runs are not carried (replay the events to make them)' : `the environment "${w.environment}" is neither here nor in the file`,
    };
    if (!reachable) return [head];
    const clashes = SNAPSHOT_CONFLICT_KINDS.flatMap((kind) => {
      const taken = conflicts(ctx, w, kind);
      if (taken.length === 0) return [];
      const [one, many] = NOUNS[kind];
      const named = taken.slice(0, 5).join(', ') + (taken.length > 5 ? ', …' : '');
      return [{
        ref: workspaceRefs.conflicts(w.environment, kind), kind: 'workspace' as const, label: `${plural(taken.length, one, many)} already in ${w.environment}: ${named}`,
        exists: true, actions: ['replace', 'skip'] as BundleAction[],
        note: `Replace takes the file's ${many} in place of these; skip keeps these. ${WHY_NOT_RENAME[kind]}`,
      }];
    });
    return [head, ...clashes];
  });
}

/**
 * Writes the chosen snapshots, inside the import's transaction: new rows are added with their own
 * times; a row whose key is taken is replaced whole or kept, as chosen for its kind.
 */
export function applyWorkspace(ctx: CoreContext, bundle: Bundle, choice: (ref: string) => BundleAction, report: BundleImportReport): void {
  if (!bundle.workspace?.length) return;
  const repo = workspaceSnapshotRepo(ctx.db);
  const done: NonNullable<BundleImportReport['workspace']> = [];
  for (const w of bundle.workspace) {
    if (choice(workspaceRefs.environment(w.environment)) === 'skip') continue;
    if (!ctx.environments.get(w.environment)) {
      report.warnings.push(`The workspace of ${w.environment} was left out: there is no environment "${w.environment}" here.`);
      continue;
    }
    const entry: NonNullable<BundleImportReport['workspace']>[number] = {
      environment: w.environment, created: { users: 0, objects: 0, tenants: 0, subscriptions: 0, audienceMembers: 0 }, replaced: 0, skipped: 0, conflicts: [],
    };
    const put = <K extends SnapshotConflictKind>(kind: K, rows: ReadonlyArray<Parameters<(typeof columnsOf)[K]>[0]>) => {
      const here = repo.keys(kind, w.environment);
      const replace = choice(workspaceRefs.conflicts(w.environment, kind)) === 'replace';
      type R = Parameters<(typeof columnsOf)[K]>[0];
      const toColumns = columnsOf[kind] as (row: R) => Record<string, unknown>;
      const toKey = keyOf[kind] as (row: R) => string;
      const toLabel = labelOf[kind] as (row: R) => string;
      // Which rows clashed, by id, so the report can say which ones were replaced or kept.
      const clash = { kind, action: replace ? ('replaced' as const) : ('kept' as const), count: 0, ids: [] as string[] };
      for (const row of rows) {
        const taken = here.has(toKey(row));
        if (taken) {
          clash.count++;
          if (clash.ids.length < MAX_CONFLICT_IDS) clash.ids.push(toLabel(row));
        }
        if (taken && !replace) entry.skipped++;
        else {
          repo.write(kind, w.environment, toColumns(row), replace);
          if (taken) entry.replaced++;
          else entry.created[kind]++;
        }
      }
      if (clash.count > 0) entry.conflicts.push(clash);
    };
    put('users', w.users);
    put('objects', w.objects);
    put('tenants', w.tenants);
    put('subscriptions', w.subscriptions);
    for (const audience of w.audiences) entry.created.audienceMembers += repo.addAudience(w.environment, audience);
    done.push(entry);
  }
  report.workspace = done;
}
