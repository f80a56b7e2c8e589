/**
 * Mappings per environment (issue #10, item 4). Knock keeps a separate configuration, mappings
 * included, per environment ("Incoming webhooks" page, How it works: "a unique webhook URL for each
 * environment"; Custom source page: a trigger mapping is tied to a workflow you select). Inlet keeps
 * one shared mapping with per-environment overrides; receiving, replay and both rehearsals run the
 * environment's effective mapping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../shared/api/result';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const event = { type: 'user.created', user: { id: 'u_1', name: 'Ada', nickname: 'ada-l' } };

async function sourceWithUrls() {
  const created = await t.call('sources.create', { key: 'app' });
  const url = (env: string) => `${t.core.receiverUrl}/in/${created.settings.find((s) => s.environment === env)!.endpointToken}`;
  return { id: created.id, url };
}

const identify = (sourceId: string, overrides?: Record<string, Record<string, string>>) =>
  t.call('mappings.create', {
    sourceId, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development', 'production'],
    params: { id: 'body.user.id', name: 'body.user.name' }, ...(overrides ? { overrides } : {}),
  });

const post = async (url: string, body: unknown): Promise<number> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { event_id: number }).event_id;
};

const processed = async (id: number) => {
  for (;;) {
    const detail = await t.call('events.get', { id });
    if (detail.processing !== 'pending') return detail;
    await new Promise((r) => setTimeout(r, 5));
  }
};

const userName = async (environment: string) => (await t.call('workspace.users', { environment })).items.find((u) => u.id === 'u_1')?.name;

describe('a mapping overridden in one environment', () => {
  it('identifies with the shared parameter in development and the overridden one in production', async () => {
    const { id, url } = await sourceWithUrls();
    await identify(id, { production: { name: 'body.user.nickname' } });
    await processed(await post(url('development'), event));
    await processed(await post(url('production'), event));
    expect(await userName('development')).toBe('Ada');
    expect(await userName('production')).toBe('ada-l');
  });

  it('rehearses a payload with each environment\'s effective parameters', async () => {
    const { id } = await sourceWithUrls();
    await identify(id, { production: { name: 'body.user.nickname' } });
    const payload = { headers: { 'content-type': 'application/json' }, body: JSON.stringify(event), query: '' };
    const dev = await t.call('events.rehearse', { sourceId: id, environment: 'development', payload });
    const prod = await t.call('events.rehearse', { sourceId: id, environment: 'production', payload });
    expect(dev.outcomes[0]!.plan.params).toMatchObject({ name: 'Ada' });
    expect(prod.outcomes[0]!.plan.params).toMatchObject({ name: 'ada-l' });
  });

  it('tests a draft\'s overrides against the environment\'s logged events (mappings.rehearse)', async () => {
    const { id, url } = await sourceWithUrls();
    await processed(await post(url('production'), event));
    const draft = {
      sourceId: id, eventType: 'user.created', actionType: 'users_identify' as const, activeIn: ['production'],
      params: { id: 'body.user.id', name: 'body.user.name' }, overrides: { production: { name: 'body.user.missing_field ?? "none"' } },
    };
    const r = await t.call('mappings.rehearse', { draft, environment: 'production', lastN: 5 });
    expect(r.results.map((x) => x.outcome.plan.params.name)).toEqual(['none']);
  });

  it('replays a production event through the production override changed since', async () => {
    const { id, url } = await sourceWithUrls();
    const m = await identify(id);
    const first = await processed(await post(url('production'), event));
    expect(await userName('production')).toBe('Ada');
    await t.call('mappings.update', { id: m.id, overrides: { production: { name: '"{{body.user.name}} (prod)"' } } });
    const replay = await t.call('events.replay', { id: first.id });
    await processed(replay.id);
    expect(await userName('production')).toBe('Ada (prod)');
  });

  it('runs only where it is active, whatever it overrides', async () => {
    const { id, url } = await sourceWithUrls();
    const m = await identify(id, { production: { name: 'body.user.nickname' } });
    await t.call('mappings.update', { id: m.id, activeIn: ['development'] });
    const prod = await processed(await post(url('production'), event));
    expect(prod.actionStatus).toBe('no_mapping');
    expect(await userName('production')).toBeUndefined();
  });
});

describe('saving overrides', () => {
  it('keeps overrides through an update that does not name them, and clears them with {}', async () => {
    const { id } = await sourceWithUrls();
    const m = await identify(id, { production: { name: 'body.user.nickname' } });
    expect(m.overrides).toEqual({ production: { name: 'body.user.nickname' } });
    const renamed = await t.call('mappings.update', { id: m.id, params: { id: 'body.user.id', name: 'body.user.name ?? "?"' } });
    expect(renamed.overrides).toEqual({ production: { name: 'body.user.nickname' } });
    const cleared = await t.call('mappings.update', { id: m.id, overrides: {} });
    expect(cleared.overrides).toBeUndefined();
    expect((await t.call('mappings.list', { sourceId: id }))[0]!.overrides).toBeUndefined();
  });

  it('drops an override equal to the shared value, so the parameter follows the shared one', async () => {
    const { id } = await sourceWithUrls();
    const m = await identify(id, { production: { name: 'body.user.name', id: 'body.user.id ' } });
    expect(m.overrides).toBeUndefined();
  });

  it.each<[string, Record<string, Record<string, string>>, string, string]>([
    ['an environment that does not exist', { staging: { name: 'body.x' } }, 'overrides.staging', 'no environment "staging"'],
    ['a parameter the action does not have', { production: { key: '"x"' } }, 'overrides.production.key', 'users_identify has no parameter "key"'],
    ['an expression that does not parse', { production: { name: 'body.user[' } }, 'overrides.production.name', 'at 10'],
    ['a required parameter unmapped in one environment', { production: { id: '' } }, 'overrides.production.id', 'needs "id" (User ID) in production too'],
  ])('refuses %s, naming the override', async (_what, overrides, path, message) => {
    const { id } = await sourceWithUrls();
    const error = await identify(id, overrides).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    const issues = (error as ApiCallError).error.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, expect.stringContaining(message)]);
  });
});

describe('an event whose type the source cannot read', () => {
  // Custom source page, "Debugging": "Invalid paths. The key path for event type identification
  // does not resolve to a value." Knock names it so; it is not "no mapping".
  it.each<[string, unknown, string]>([
    ['the path stops short', { kind: 'user.created' }, 'Invalid path: the event type path body.type does not resolve (resolved up to body, an object)'],
    ['the path holds an object', { type: { name: 'user.created' } }, 'Invalid path: the event type path body.type holds an object, not an event type'],
  ])('is reported as an invalid path on each active mapping when %s', async (_what, body, message) => {
    const { id, url } = await sourceWithUrls();
    const m = await identify(id);
    const detail = await processed(await post(url('development'), body));
    expect(detail.eventType).toBeNull();
    expect(detail.actionStatus).toBe('error');
    expect(detail.actionRuns).toEqual([expect.objectContaining({ mappingId: m.id, status: 'error' })]);
    expect(detail.actionRuns[0]!.errors).toEqual([expect.objectContaining({ code: 'invalid_path', param: 'eventType', path: 'body.type' })]);
    expect(detail.actionRuns[0]!.errors[0]!.message).toContain(message);
  });

  it('rehearses as an invalid path too', async () => {
    const { id } = await sourceWithUrls();
    await identify(id);
    const r = await t.call('events.rehearse', { sourceId: id, environment: 'development', payload: { headers: {}, body: '{"event":"x"}', query: '' } });
    expect(r.outcomes.map((o) => o.plan.errors[0]?.code)).toEqual(['invalid_path']);
  });

  it('is still "no mapping" where no mapping is active', async () => {
    const { url } = await sourceWithUrls();
    const detail = await processed(await post(url('development'), { kind: 'x' }));
    expect(detail.actionStatus).toBe('no_mapping');
  });
});
