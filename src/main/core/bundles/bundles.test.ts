import { describe, expect, it } from 'vitest';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import type { TestCore } from '../testing/test-core';

const core = coresClosedAfterEach();
const ENV = 'development';

async function withSource(t: TestCore, key: string) {
  const { id } = await t.source(key);
  await t.call('workflows.create', { environment: ENV, key: `welcome-${key}` });
  await t.call('mappings.create', { sourceId: id, eventType: 'user.created', actionType: 'users_identify', activeIn: [ENV], params: { id: 'body.id', email: 'body.email' } });
  await t.call('fixtures.create', { name: 'New user', sourceId: id, request: { headers: { 'content-type': 'application/json' }, body: '{"type":"user.created","id":"u1","email":"ada@example.com"}' } });
  return id;
}

describe('bundle files', () => {
  it('refuse a malformed bundle naming the field as the file reads', async () => {
    const t = await core();
    await withSource(t, 'app');
    const { bundle } = await t.call('bundles.export', {});
    const broken = { ...bundle, sources: [bundle.sources[0], { ...bundle.sources[0]!, mappings: [{ ...bundle.sources[0]!.mappings[0]!, actionType: undefined }] }] };
    await expect(t.call('bundles.preview', { file: broken })).rejects.toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('sources[1].mappings[0].actionType: '), issues: [expect.objectContaining({ path: ['file', 'sources', 1, 'mappings', 0, 'actionType'] })] },
    });
    await expect(t.call('bundles.import', { file: { format: 'something else' } })).rejects.toMatchObject({ error: { message: expect.stringContaining('format: not an Inlet bundle') } });
  });

  it('still import a version-1 configuration file, secrets written in clear included', async () => {
    const t = await core();
    const v1 = {
      format: 'inlet.config', version: 1, exportedAt: 1, environments: [{ key: ENV, name: 'Development' }],
      sources: [{
        key: 'legacy', name: 'Legacy', templateId: 'custom', templateVersion: '1',
        settings: [{ environment: ENV, enabled: true, verification: { scheme: 'none' }, eventTypePath: 'body.type', timestampPath: null, idempotencyKeyPath: null, enforceVerification: false, preprocess: null, vars: [{ name: 'TOKEN', secret: true, value: 'tok-1' }], secrets: [{ label: 'Current', value: 'plain-secret-value' }] }],
        mappings: [{ eventType: 'user.created', actionType: 'users_identify', params: { id: 'body.id' }, activeIn: [ENV], position: 0 }],
      }],
      workflows: [],
    };
    expect((await t.call('bundles.preview', { file: v1 })).secrets).toBe('plain');
    const report = await t.call('bundles.import', { file: v1 });
    expect(report).toMatchObject({ created: [{ key: 'legacy' }], counts: { mappings: 1 } });
    const id = report.created[0]!.id;
    const secret = (await t.call('sources.get', { id })).settings[0]!.secrets[0]!;
    expect(await t.call('sources.revealSecret', { id, environment: ENV, secretId: secret.id })).toMatchObject({ secret: 'plain-secret-value' });
  });

  it('resolve each conflict as chosen: rename, replace (keeping the URL and log) or skip', async () => {
    const a = await core();
    await withSource(a, 'app');
    await withSource(a, 'billing');
    const { bundle } = await a.call('bundles.export', {});

    const b = await core();
    const appId = await withSource(b, 'app');
    const billingId = await withSource(b, 'billing');
    const token = (await b.call('sources.get', { id: appId })).settings[0]!.endpointToken;
    await b.call('fixtures.create', { name: 'Only here', sourceId: appId, request: { body: '{}' } });
    const preview = await b.call('bundles.preview', { file: bundle });
    expect(preview.items.find((i) => i.ref === 'source:app')).toMatchObject({ exists: true, actions: ['rename', 'replace', 'skip'], action: 'skip' });
    expect(preview.items.find((i) => i.ref === 'fixture:app/New user')).toMatchObject({ exists: true, actions: ['rename', 'replace', 'skip'] });

    const report = await b.call('bundles.import', { file: bundle, choices: { 'source:app': 'replace', 'fixture:app/New user': 'rename', 'source:billing': 'skip', 'workflow:development/welcome-app': 'skip' } });
    expect(report.replaced).toEqual([{ key: 'app', id: appId }]);
    expect(report.skipped).toEqual([expect.objectContaining({ key: 'billing' })]);
    expect((await b.call('sources.get', { id: appId })).settings[0]!.endpointToken).toBe(token);
    expect((await b.call('mappings.list', { sourceId: appId })).map((m) => m.eventType)).toEqual(['user.created']);
    expect((await b.call('fixtures.list', { sourceId: appId })).map((f) => f.name)).toEqual(['New user', 'New user (2)', 'Only here']);
    expect(await b.call('fixtures.list', { sourceId: billingId })).toHaveLength(1);

    const renamed = await b.call('bundles.import', { file: bundle, onConflict: 'rename' });
    expect(renamed.created.map((c) => c.key)).toEqual(['app-2', 'billing-2']);
  });

  it('leave no configured pattern in the exported bytes, and give the same value the same placeholder everywhere', async () => {
    const t = await core();
    const id = await withSource(t, 'people');
    const items = ['ada@example.com', 'bob@example.com', 'ada@example.com'].map((email, n) => ({
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk_live_abcdefghijklmnop1234' },
      body: JSON.stringify({ type: 'user.created', id: `u${n}`, email, note: `customer ACME-${n}77` }),
    }));
    await t.call('events.import', { sourceId: id, environment: ENV, items });
    const { bundle, redactions } = await t.call('bundles.export', {
      events: { max: 100 }, redaction: { rules: [{ kind: 'regex', pattern: 'ACME-\\d+' }] },
    });
    const bytes = JSON.stringify(bundle);
    for (const secret of ['ada@example.com', 'bob@example.com', 'sk_live_abcdefghijklmnop1234', 'ACME-']) expect(bytes).not.toContain(secret);
    expect(bundle.redacted).toBe(true);
    expect(redactions.count).toBeGreaterThan(0);
    const emails = bundle.events.map((e) => (JSON.parse(e.body) as { email: string }).email);
    expect(emails[0]).toBe(emails[2]);
    expect(emails[0]).not.toBe(emails[1]);
    expect((JSON.parse(bundle.fixtures[0]!.body) as { email: string }).email).toBe(emails[0]);
  });
});
