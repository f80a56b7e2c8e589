import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUPABASE_DATABASE_SCRIPT } from '../script-sandbox';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const insert = {
  type: 'INSERT',
  table: 'users',
  schema: 'auth',
  record: { id: 'a1b2', email: 'ada@example.com', updated_at: '2026-11-26T10:00:00Z', raw_user_meta_data: { full_name: 'Ada Lovelace' } },
  old_record: null,
};

async function supabaseSource() {
  const { id, url } = await t.source('supabase');
  await t.call('sources.update', {
    id,
    settings: {
      development: {
        preprocess: { script: SUPABASE_DATABASE_SCRIPT.source, enabled: true },
        eventTypePath: 'preprocess.event',
        idempotencyKeyPath: 'preprocess.idempotency_key',
        enforceVerification: true,
      },
    },
  });
  await t.call('sources.setVar', { id, environment: 'development', name: 'SUPABASE_WEBHOOK_SECRET', value: 'db-hook-secret-123', secret: true });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'auth.users:INSERT', actionType: 'users_identify', activeIn: ['development'],
    params: { id: 'body.record.id', email: 'body.record.email', name: 'body.record.raw_user_meta_data.full_name' },
  });
  return { id, url };
}

const settled = async () => {
  while ((await t.call('events.list', { limit: 100 })).items.some((e) => e.processing === 'pending')) await new Promise((r) => setTimeout(r, 5));
};

describe('preprocess scripts in the pipeline', () => {
  it('let the script verify, name the event type and feed preprocess.* to mappings', async () => {
    const { url } = await supabaseSource();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': 'db-hook-secret-123' },
      body: JSON.stringify(insert),
    });
    expect(res.status).toBe(200);
    await settled();
    const { items } = await t.call('events.list', {});
    const event = await t.call('events.get', { id: items[0]!.id });
    expect(event).toMatchObject({ verification: 'verified', eventType: 'auth.users:INSERT', actionStatus: 'success' });
    expect(event.verificationResult.scheme).toBe('script');
    expect(event.idempotencyKey).toContain('users');
    expect(event.preprocessOutput).toMatchObject({ ok: true, verified: true, extra: { event: 'auth.users:INSERT' } });
    expect((await t.call('workspace.users', { environment: 'development' })).items[0]).toMatchObject({ id: 'a1b2', name: 'Ada Lovelace' });
  });

  it('rejects with 401 when the enforced script says verified: false, and never shows the secret', async () => {
    const { url } = await supabaseSource();
    const res = await fetch(url, { method: 'POST', headers: { 'x-webhook-secret': 'wrong' }, body: JSON.stringify(insert) });
    expect(res.status).toBe(401);
    const source = (await t.call('sources.list', {}))[0]!;
    expect(JSON.stringify(source)).not.toContain('db-hook-secret-123');
  });

  it('tests a draft script on a payload and points at the failing line', async () => {
    const { id } = await supabaseSource();
    const report = await t.call('sources.testScript', {
      id,
      environment: 'development',
      script: 'function main(ctx) {\n  const x = 1;\n  return ctx.body.nope.deeper;\n}',
      payload: { body: JSON.stringify(insert) },
    });
    expect(report.output).toMatchObject({ ok: false, error: { kind: 'runtime', line: 3 } });
    expect(report.pretty).toMatch(/line 3/);
  });
});
