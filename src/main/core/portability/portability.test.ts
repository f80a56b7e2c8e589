import { describe, expect, it } from 'vitest';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import type { TestCore } from '../testing/test-core';

const core = coresClosedAfterEach();
const SCRIPT = 'function main(ctx) { return { verified: ctx.headers["x-key"] === ctx.vars.KEY, kind: ctx.body.kind }; }';

async function configured(t: TestCore) {
  const { id } = await t.source('orders');
  await t.call('environments.create', { key: 'staging' });
  await t.call('sources.update', { id, settings: { development: { preprocess: { script: SCRIPT, enabled: true }, eventTypePath: 'preprocess.kind' } } });
  await t.call('sources.setVar', { id, environment: 'development', name: 'KEY', value: 'k-123-secret', secret: true });
  await t.call('sources.addSecret', { id, environment: 'development', secret: 'whsec_exported_secret_value' });
  await t.call('workflows.create', { environment: 'development', key: 'order-placed' });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'placed', actionType: 'workflows_trigger', activeIn: ['development', 'staging'],
    params: { key: '"order-placed"', recipients: 'body.user', data: 'body' },
  });
  return id;
}

describe('configuration export and import', () => {
  it('carries sources, mappings, environments and workflows to another Inlet with fresh URLs and no secrets by default', async () => {
    const a = await core();
    await configured(a);
    const file = await a.call('config.export', {});
    expect(JSON.stringify(file)).not.toContain('k-123-secret');
    expect(JSON.stringify(file)).not.toContain('whsec_exported');

    const b = await core();
    const report = await b.call('config.import', { file });
    expect(report.created.map((c) => c.key)).toEqual(['orders']);
    expect(report.awaitingApproval).toEqual([expect.objectContaining({ key: 'orders', environment: 'development' })]);
    expect(report.warnings.join()).toMatch(/KEY came without a value/);
    const imported = (await b.call('sources.list', {}))[0]!;
    const original = (await a.call('sources.list', {}))[0]!;
    expect(imported.settings.map((s) => s.endpointToken)).not.toContain(original.settings[0]!.endpointToken);
    expect(imported.settings.map((s) => s.environment)).toEqual(['development', 'production', 'staging']);
    expect(await b.call('mappings.list', { sourceId: imported.id })).toEqual([
      expect.objectContaining({ eventType: 'placed', activeIn: ['development', 'staging'] }),
    ]);
    expect((await b.call('workflows.list', { environment: 'development' })).map((w) => w.key)).toEqual(['order-placed']);
  });

  it('keeps an imported script off until it is approved', async () => {
    const a = await core();
    await configured(a);
    const file = await a.call('config.export', { passphrase: 'demo passphrase' });
    expect(JSON.stringify(file)).not.toContain('k-123-secret');
    const b = await core();
    const { created } = await b.call('config.import', { file, passphrase: 'demo passphrase' });
    const id = created[0]!.id;
    const url = `${b.core.receiverUrl}/in/${(await b.call('sources.get', { id })).settings[0]!.endpointToken}`;
    const send = async () => {
      const { event_id } = (await (await fetch(url, { method: 'POST', headers: { 'x-key': 'k-123-secret' }, body: '{"kind":"placed","user":"u1"}' })).json()) as { event_id: number };
      return b.call('events.get', { id: event_id });
    };
    expect((await send()).preprocessOutput).toBeNull();
    await b.call('sources.approveScript', { id, environment: 'development' });
    const after = await send();
    expect(after.preprocessOutput).toMatchObject({ ok: true, verified: true });
    expect(after.eventType).toBe('placed');
  });

  it('skips or renames a source whose key is taken', async () => {
    const a = await core();
    await configured(a);
    const file = await a.call('config.export', {});
    expect((await a.call('config.import', { file })).skipped).toEqual([expect.objectContaining({ key: 'orders' })]);
    expect((await a.call('config.import', { file, onConflict: 'rename' })).created.map((c) => c.key)).toEqual(['orders-2']);
  });
});

describe('events.import', () => {
  it('puts captured payloads in the log unmapped, ready to replay through the current mappings', async () => {
    const t = await core();
    const { id } = await t.source('support');
    await t.call('mappings.create', { sourceId: id, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.id' } });
    const { ids } = await t.call('events.import', {
      sourceId: id, environment: 'development',
      items: [{ headers: { 'Content-Type': 'application/json' }, body: '{"type":"user.created","id":"cust_9"}' }],
    });
    const imported = await t.call('events.get', { id: ids[0]! });
    expect(imported).toMatchObject({ origin: 'import', processing: 'none', eventType: 'user.created', actionRuns: [] });
    const replay = await t.call('events.replay', { id: ids[0]!, mode: 'ignore_verification' });
    while ((await t.call('events.get', { id: replay.id })).processing === 'pending') await new Promise((r) => setTimeout(r, 5));
    expect((await t.call('workspace.users', { environment: 'development' })).items[0]?.id).toBe('cust_9');
  });
});

describe('approving imported scripts', () => {
  it('keeps an imported script unapproved when another setting is saved with it unchanged, and approves an edited one', async () => {
    const a = await core();
    await configured(a);
    const b = await core();
    const { created } = await b.call('config.import', { file: await a.call('config.export', {}) });
    const id = created[0]!.id;
    const script = (await b.call('sources.get', { id })).settings[0]!.preprocess!;
    const saved = await b.call('sources.update', {
      id,
      settings: { development: { eventTypePath: 'preprocess.kind', preprocess: { script: script.script, enabled: true } } },
    });
    expect(saved.settings[0]!.preprocess).toMatchObject({ approved: false });
    const edited = await b.call('sources.update', {
      id,
      settings: { development: { preprocess: { script: `${script.script}\n// reviewed`, enabled: true } } },
    });
    expect(edited.settings[0]!.preprocess).toMatchObject({ approved: true });
  });
});

describe('replaying imported events', () => {
  it('replays exactly the ids given', async () => {
    const t = await core();
    const { id } = await t.source('ids');
    const { ids } = await t.call('events.import', {
      sourceId: id, environment: 'development',
      items: [{ body: '{"type":"a"}' }, { body: '{"type":"b"}' }, { body: '{"type":"c"}' }],
    });
    const done = new Promise<void>((resolve) => t.core.subscribe((m) => m.name === 'replay.progress' && m.payload.state === 'finished' && resolve()));
    const job = await t.call('events.replayMany', { ids: [ids[0]!, ids[2]!], mode: 'ignore_verification' });
    expect(job.total).toBe(2);
    await done;
    const replays = await t.call('events.list', { origin: 'replay' });
    expect(replays.items.map((e) => e.replayOf).sort()).toEqual([ids[0], ids[2]].sort());
  });
});
