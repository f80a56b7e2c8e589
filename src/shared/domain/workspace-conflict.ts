import type { WorkspaceConflict } from './bundle-preview';

// Its own module without zod: the `inlet` command prints it and loads no zod until a command needs it.
const CONFLICT_NOUNS: Record<WorkspaceConflict['kind'], [string, string]> = {
  users: ['user', 'users'], objects: ['object', 'objects'], tenants: ['tenant', 'tenants'], subscriptions: ['subscription', 'subscriptions'],
};

/** `3 users already existed: cus_a, cus_b, cus_c — replaced with the file's`, as the app and the CLI say it. */
export function describeWorkspaceConflict(c: WorkspaceConflict): string {
  const [one, many] = CONFLICT_NOUNS[c.kind];
  const more = c.count > c.ids.length ? ` and ${(c.count - c.ids.length).toLocaleString('en-US')} more` : '';
  const what = c.action === 'replaced' ? "replaced with the file's" : 'kept as they were here';
  return `${c.count.toLocaleString('en-US')} ${c.count === 1 ? `${one} already existed` : `${many} already existed`}: ${c.ids.join(', ')}${more} — ${what}`;
}
