/**
 * Inputs the control API refuses with `invalid_input` and a message naming the field, where it
 * used to accept them and fail later (a silent null, a mapping that can never run, a polluted
 * object, a source nothing can show).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, type ApiError } from '../../../../shared/api/result';
import type { ApiInput } from '../../../../shared/api/contract';
import { startTestCore, type TestCore } from '../../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiCallError);
  return (error as ApiCallError).error;
}

const identify = (sourceId: string): ApiInput<'mappings.create'> => ({
  sourceId, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.id' },
});

describe('mappings.create and mappings.update', () => {
  it('refuse a mapping that leaves a required parameter of its action unmapped', async () => {
    const { id } = await t.source('app');
    const created = await refusal(t.call('mappings.create', { ...identify(id), params: { email: 'body.email' } }));
    expect(created).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^params\.id: users_identify needs "id"/) });
    const saved = await t.call('mappings.create', identify(id));
    const updated = await refusal(t.call('mappings.update', { id: saved.id, params: { id: '  ' } }));
    expect(updated).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^params\.id: /) });
  });

  it('refuse an environment that does not exist', async () => {
    const { id } = await t.source('app');
    const created = await refusal(t.call('mappings.create', { ...identify(id), activeIn: ['development', 'nope'] }));
    expect(created).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^activeIn\.1: no environment "nope"/) });
    const saved = await t.call('mappings.create', identify(id));
    expect((await refusal(t.call('mappings.update', { id: saved.id, activeIn: ['nope'] }))).message).toMatch(/^activeIn\.0: no environment "nope"/);
  });

  it('still rehearse a draft that misses a required parameter (it reports it instead)', async () => {
    const { id } = await t.source('app');
    const draft = { ...identify(id), params: {} };
    await expect(t.call('mappings.rehearse', { draft, environment: 'development' })).resolves.toMatchObject({ total: 0 });
  });
});

describe('sources.update', () => {
  it('refuses an event type path that does not parse, naming the field and the position', async () => {
    const { id } = await t.source('app');
    const error = await refusal(t.call('sources.update', { id, settings: { development: { eventTypePath: '((((' } } }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^settings\.development\.eventTypePath: .* at \d+$/);
    expect((await refusal(t.call('sources.update', { id, settings: { development: { idempotencyKeyPath: 'body.[' } } }))).message).toMatch(/idempotencyKeyPath: .* at \d+/);
  });
});

describe('sources.setVar', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses a variable named %s', async (name) => {
    const { id } = await t.source('app');
    const error = await refusal(t.call('sources.setVar', { id, environment: 'development', name, value: 'x' }));
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^name: this name is reserved/) });
  });
});

describe('sources.addSecret', () => {
  it('refuses surrounding whitespace, as sources.connect does, instead of trimming it silently', async () => {
    const { id } = await t.source('app');
    for (const secret of ['whsec_abc ', '\twhsec_abc', '   ']) {
      const error = await refusal(t.call('sources.addSecret', { id, environment: 'development', secret }));
      expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^secret: the development secret was not saved: The secret (begins or ends with whitespace|is empty)/) });
      expect(error.issues?.map((i) => i.path)).toEqual([['secret']]);
    }
    const connect = await refusal(t.call('sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: 'whsec_abc ' } }));
    expect(connect.message).toMatch(/begins or ends with whitespace/);
    expect(connect.issues).toEqual([{ path: ['secrets', 'development'], message: expect.stringMatching(/begins or ends with whitespace/) }]);
  });
});

describe('sources.connect', () => {
  // svix src/webhook.test.ts "verification works with and without signature prefix"
  it.each(['clerk', 'resend', 'standard-webhooks'])('takes a %s secret without its whsec_ prefix, as the libraries do', async (templateId) => {
    const bare = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const source = await t.call('sources.connect', { templateId, key: `${templateId}-bare`, mappingIds: [], secrets: { development: bare } });
    expect(source.settings.find((s) => s.environment === 'development')!.secrets).toHaveLength(1);
  });
});

describe('config.import', () => {
  it('refuses a source whose template does not exist', async () => {
    const file = await t.call('config.export', {});
    const source = { key: 'ghost', name: 'Ghost', templateId: 'nope', templateVersion: '1', settings: [], mappings: [] };
    const error = await refusal(t.call('config.import', { file: { ...file, sources: [source] } }));
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^file\.sources\.0\.templateId: no template "nope"/) });
    expect(error.issues).toEqual([{ path: ['file', 'sources', 0, 'templateId'], message: expect.stringMatching(/^no template "nope"/) }]);
    expect(await t.call('sources.list', {})).toEqual([]);
  });
});

describe('events.import', () => {
  it('refuses a body marked base64 that is not base64, and takes one that is', async () => {
    const { id } = await t.source('app');
    const item = (body: string) => ({ sourceId: id, environment: 'development', items: [{ body, bodyEncoding: 'base64' as const }] });
    const error = await refusal(t.call('events.import', item('!!!notbase64')));
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^items\.0\.body: not valid base64/) });
    for (const bad of ['a', 'ab=c', 'YWJj\n']) expect((await refusal(t.call('events.import', item(bad)))).code).toBe('invalid_input');
    const { ids } = await t.call('events.import', item(Buffer.from('{"type":"x"}').toString('base64')));
    expect((await t.call('events.get', { id: ids[0]! })).bodyText).toBe('{"type":"x"}');
  });
});
