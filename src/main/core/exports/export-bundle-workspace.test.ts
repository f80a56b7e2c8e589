import { describe, expect, it, vi } from 'vitest';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import { exportedLog } from '../testing/exported-log';
import type { TestCore } from '../testing/test-core';

const core = coresClosedAfterEach();
const ENV = 'development';
const PEOPLE = [
  { id: 'cus_ada', email: 'ada.lovelace@analytical.example' },
  { id: 'cus_grace', email: 'grace.hopper@cobol.example' },
];

/** A source whose `signup` events identify a user; both people sent and identified. */
async function seedUsers(t: TestCore): Promise<string> {
  const source = await t.source('crm');
  await t.call('mappings.create', { sourceId: source.id, eventType: 'signup', actionType: 'users_identify', activeIn: [ENV], params: { id: 'body.user.id', email: 'body.user.email' } });
  for (const user of PEOPLE) {
    const res = await fetch(source.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'signup', user }) });
    expect(res.status).toBeLessThan(300);
  }
  await vi.waitFor(async () => expect((await t.call('workspace.users', { environment: ENV })).items).toHaveLength(PEOPLE.length), { timeout: 20_000, interval: 50 });
  return source.id;
}

interface SliceFile {
  events: Array<{ body: string }>;
  workspace?: Array<{ environment: string; users: Array<{ id: string; email: string | null }> }>;
}

describe('a log slice exported as a bundle with the workspace', () => {
  it('carries the environment\'s users, redacted with the same placeholders as the events, and imports them into an empty Inlet', async () => {
    const from = await core();
    const sourceId = await seedUsers(from);
    const filter = { sourceId, environment: ENV };

    const plain = JSON.parse((await exportedLog(from, { format: 'bundle', filter })).text) as SliceFile;
    expect(plain.workspace).toBeUndefined();

    const { text, summary } = await exportedLog(from, { format: 'bundle', filter, redaction: {}, workspace: true });
    for (const p of PEOPLE) expect(text).not.toContain(p.email);
    const file = JSON.parse(text) as SliceFile;
    expect(file.workspace?.map((w) => w.environment)).toEqual([ENV]);
    const users = file.workspace![0]!.users;
    expect(users.map((u) => u.id)).toEqual(['cus_ada', 'cus_grace']);
    const eventEmails = file.events.map((e) => (JSON.parse(e.body) as { user: { id: string; email: string } }).user);
    for (const u of users) expect(u.email).toBe(eventEmails.find((e) => e.id === u.id)?.email);
    // The workspace's replacements count with the events'.
    expect(summary.changes).toBeGreaterThanOrEqual(PEOPLE.length * 2);

    const to = await core();
    await to.source('crm');
    const report = await to.call('bundles.import', { file });
    expect(report.workspace?.find((w) => w.environment === ENV)?.created.users).toBe(PEOPLE.length);
    expect((await to.call('workspace.users', { environment: ENV })).items.map((u) => u.email).sort()).toEqual(users.map((u) => u.email).sort());
  });

  it('is still read as captures by the import dialog: the workspace after the events is not an entry', async () => {
    const t = await core();
    const sourceId = await seedUsers(t);
    const { text } = await exportedLog(t, { format: 'bundle', filter: { sourceId, environment: ENV }, workspace: true });
    const preview = await t.call('captures.preview', { sourceId, environment: ENV, text });
    expect(preview).toMatchObject({ format: 'inlet', counts: { requests: PEOPLE.length, errors: 0 } });
  });

  it('is left out of the other formats', async () => {
    const t = await core();
    const sourceId = await seedUsers(t);
    const { text } = await exportedLog(t, { format: 'jsonl', filter: { sourceId, environment: ENV }, workspace: true });
    expect(text.trimEnd().split('\n')).toHaveLength(1 + PEOPLE.length);
    expect(text).not.toContain('"workspace"');
  });
});
