import type { ApiClient } from '../../shared/api/client';
import type { EventDetail } from '../../shared/domain/event';
import { formatPath, type Path } from './load';
import type { StepExpect } from './schema';

/** One expectation that did not hold: where it is in the file, and expected vs actual. */
export interface Mismatch {
  /** `expect.users[0].email` */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** `a.b[0].c` read from a value; undefined when any part is missing. */
export function readPath(value: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  let current = value;
  for (const part of parts) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Whether `actual` holds what `expected` names: objects compared key by key (extra keys allowed), the rest exactly. */
export function holds(expected: unknown, actual: unknown): boolean {
  if (typeof expected !== 'object' || expected === null) return Object.is(expected, actual) || (expected === null && actual === undefined);
  if (typeof actual !== 'object' || actual === null) return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => holds(e, actual[i]));
  }
  return Object.entries(expected).every(([k, v]) => holds(v, (actual as Record<string, unknown>)[k]));
}

/** Each named path of `expected` read from `actual` (`data.object.amount_paid: 500`). */
function byPath(expected: Record<string, unknown>, actual: unknown, at: string): Mismatch[] {
  return Object.entries(expected).flatMap(([path, want]) => {
    const got = readPath(actual, path);
    return holds(want, got) ? [] : [{ path: `${at}.${path}`, message: `expected ${show(want)}, got ${show(got)}`, expected: want, actual: got }];
  });
}

export function field(path: Path, expected: unknown, actual: unknown): Mismatch[] {
  if (expected === undefined || holds(expected, actual)) return [];
  return [{ path: formatPath(path), message: `expected ${show(expected)}, got ${show(actual)}`, expected, actual }];
}

/** What the event itself shows once processed: the answer, verification, type and action runs. */
export function checkEvent(expect: StepExpect, status: number, event: EventDetail): Mismatch[] {
  const found: Mismatch[] = [
    ...field(['expect', 'status'], expect.status, status),
    ...field(['expect', 'verification'], expect.verification, event.verification),
    ...field(['expect', 'eventType'], expect.eventType, event.eventType),
    ...field(['expect', 'origin'], expect.origin, event.origin),
    ...field(['expect', 'actions'], expect.actions, event.actionStatus ?? event.processing),
  ];
  const summary = event.actionRuns.map((r) => `${r.actionType} ${r.status}${r.errors.length ? ` (${r.errors.map((e) => e.message).join('; ')})` : ''}`);
  (expect.actionRuns ?? []).forEach((want, i) => {
    const candidates = event.actionRuns.filter((r) => (want.action === undefined || r.actionType === want.action) && (want.status === undefined || r.status === want.status));
    if (candidates.length === 0) {
      found.push({
        path: `expect.actionRuns[${i}]`,
        message: `no action run ${[want.action, want.status].filter(Boolean).join(' ')}; the event's runs: ${summary.join(', ') || 'none'}`,
        expected: want,
        actual: summary,
      });
      return;
    }
    if (!want.params) return;
    // The closest run (fewest differing parameters) explains the difference best.
    const diffs = candidates.map((r) => byPath(want.params!, r.params, `expect.actionRuns[${i}].params`)).sort((a, b) => a.length - b.length);
    found.push(...(diffs[0] ?? []));
  });
  return found;
}

const PAGE = { limit: 500, offset: 0 } as const;

/** Workspace and delivery state: it may come true a moment after the event, so the runner asks again until `within`. */
export async function checkState(client: ApiClient, expect: StepExpect, environment: string, eventId: number | null): Promise<Mismatch[]> {
  const found: Mismatch[] = [];
  for (const [i, want] of (expect.users ?? []).entries()) {
    const users = (await client.call('workspace.users', { environment, search: want.id, ...PAGE })).items;
    const user = users.find((u) => u.id === want.id);
    const at = `expect.users[${i}]`;
    if (want.absent) {
      if (user) found.push({ path: at, message: `expected no user ${want.id}, but there is one`, expected: null, actual: user });
      continue;
    }
    if (!user) {
      found.push({ path: at, message: `no user ${want.id} in ${environment}`, expected: want, actual: null });
      continue;
    }
    found.push(...field([...at.split('.'), 'name'], want.name, user.name), ...field([...at.split('.'), 'email'], want.email, user.email));
    if (want.properties) found.push(...byPath(want.properties, user.properties, `${at}.properties`));
  }
  for (const [i, want] of (expect.tenants ?? []).entries()) {
    const tenant = (await client.call('workspace.tenants', { environment, search: want.id, ...PAGE })).items.find((t) => t.id === want.id);
    const at = `expect.tenants[${i}]`;
    if (want.absent !== Boolean(!tenant)) {
      found.push({ path: at, message: want.absent ? `expected no tenant ${want.id}, but there is one` : `no tenant ${want.id} in ${environment}`, expected: want, actual: tenant ?? null });
      continue;
    }
    if (tenant) found.push(...field([...at.split('.'), 'name'], want.name, tenant.name));
    if (tenant && want.properties) found.push(...byPath(want.properties, tenant.properties, `${at}.properties`));
  }
  for (const [i, want] of (expect.workflowRuns ?? []).entries()) {
    const runs = (await client.call('workspace.workflowRuns', { environment, search: want.workflow, ...PAGE })).items.filter((r) => r.workflowKey === want.workflow);
    const matching = runs.filter(
      (r) => (want.recipient === undefined || r.recipientId === want.recipient) && (want.status === undefined || r.status === want.status) && (!want.data || byPath(want.data, r.data, '').length === 0),
    );
    const ok = want.count === undefined ? matching.length > 0 : matching.length === want.count;
    if (ok) continue;
    const described = runs.map((r) => `${r.recipientId} ${r.status}`);
    // A run that differs only in its data explains the failure best: show those values.
    const near = want.data ? runs.find((r) => (want.recipient === undefined || r.recipientId === want.recipient) && (want.status === undefined || r.status === want.status)) : undefined;
    const dataDiff = near && want.data ? byPath(want.data, near.data, 'data').map((m) => `${m.path} ${m.message}`) : [];
    found.push({
      path: `expect.workflowRuns[${i}]`,
      message:
        `expected ${want.count === undefined ? 'a' : want.count} run${want.count === 1 || want.count === undefined ? '' : 's'} of ${want.workflow}` +
        `${want.recipient ? ` for ${want.recipient}` : ''}${want.status ? ` ${want.status}` : ''}, found ${matching.length}` +
        `; its runs: ${described.join(', ') || 'none'}${dataDiff.length ? `; in ${near!.recipientId}'s run: ${dataDiff.join(', ')}` : ''}`,
      expected: want,
      actual: runs.map((r) => ({ recipient: r.recipientId, status: r.status, data: r.data })),
    });
  }
  if (expect.deliveries) {
    const deliveries = eventId === null ? [] : await client.call('deliveries.list', { eventId });
    expect.deliveries.forEach((want, i) => {
      const got = deliveries[i];
      const actual = got ? { status: got.status, responseStatus: got.lastStatus ?? undefined } : undefined;
      if (!holds(want, actual)) found.push({ path: `expect.deliveries[${i}]`, message: `expected ${show(want)}, got ${show(actual)}`, expected: want, actual });
    });
  }
  return found;
}
