import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { createControlServer, type ControlServer } from './http-bridge';
import { startTestCore, type TestCore } from '../core/testing/test-core';

const DEPTH = 5000;
const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const TOO_DEEP = /nested deeper than 512 levels/;

const TOKEN = 'deep-payloads-token-0123456789';

let t: TestCore;
let bridge: ControlServer;
beforeEach(async () => {
  t = await startTestCore();
  bridge = await createControlServer({ core: t.core, token: TOKEN, port: 0 });
});
afterEach(async () => {
  await bridge.close();
  await t.close();
});

/** A call over the headless host's HTTP bridge, as the UI makes it: the answer must be serialisable. */
async function api<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const res = await fetch(`${bridge.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as ApiResult<ApiOutput<M>>;
  expect({ status: res.status, error: result.ok ? null : result.error }).toEqual({ status: 200, error: null });
  return (result as { ok: true; value: ApiOutput<M> }).value;
}

/** A source without a script whose event type comes from a header, so a body that is never parsed still has one. */
async function deepSource() {
  const { id, url } = await t.source('deep');
  await t.call('sources.update', { id, settings: { development: { eventTypePath: 'headers.x-kind' } } });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'deep.sent', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.a', custom_properties: 'body' },
  });
  return { id, url };
}

async function send(url: string, body: string, contentType = 'application/json'): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, 'x-kind': 'deep.sent' }, body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { event_id: number }).event_id;
}

async function processed(id: number) {
  let detail = await api('events.get', { id });
  while (detail.processing === 'pending') {
    await new Promise((r) => setTimeout(r, 5));
    detail = await api('events.get', { id });
  }
  return detail;
}

describe('a body nested 5000 levels deep', () => {
  it('is logged byte for byte with a parse error and no parsed value', async () => {
    const { url } = await deepSource();
    for (const [body, type] of [[deepObject, 'application/json'], [deepArray, 'application/json'], [deepArray, 'text/plain']] as const) {
      const detail = await api('events.get', { id: await send(url, body, type) });
      expect(detail.bodyText).toBe(body);
      expect(Buffer.from(detail.bodyBase64, 'base64').equals(Buffer.from(body))).toBe(true);
      expect(detail.parseError).toMatch(TOO_DEEP);
      expect(detail.parsedBody).toBeNull();
    }
  });

  it('gives the mapping a failure reason on the event instead of a crash', async () => {
    const { url } = await deepSource();
    const detail = await processed(await send(url, deepObject));
    expect(detail.actionStatus).toBe('error');
    expect(detail.actionRuns[0]).toMatchObject({ status: 'error', errors: [expect.objectContaining({ code: 'invalid_path', param: 'id', path: 'body.a', missingAt: 'null' })] });
  });

  it('is rehearsed from the log and as a pasted payload, the mapping saying why it fails', async () => {
    const { id, url } = await deepSource();
    const eventId = await send(url, deepObject);
    for (const payload of [{ eventId }, { headers: { 'content-type': 'application/json', 'x-kind': 'deep.sent' }, body: deepArray }]) {
      const result = await api('events.rehearse', { sourceId: id, environment: 'development', payload });
      expect(result.eventType).toBe('deep.sent');
      expect(result.outcomes).toEqual([expect.objectContaining({ run: expect.objectContaining({ status: 'error' }) })]);
    }
  });

  it('reaches a tested script as its raw text, with no structure', async () => {
    const { id, url } = await deepSource();
    const eventId = await send(url, deepObject);
    const script = 'function main(ctx) { return { bodyIsNull: ctx.body === null, rawLength: ctx.rawBody.length }; }';
    for (const payload of [{ eventId }, { headers: { 'content-type': 'application/json' }, body: deepArray }]) {
      const report = await api('sources.testScript', { id, environment: 'development', script, payload });
      expect(report.output).toMatchObject({ ok: true, extra: { bodyIsNull: true, rawLength: 'eventId' in payload ? deepObject.length : deepArray.length } });
    }
  });

  it('counts as a failure when a mapping draft is tested against the last events', async () => {
    const { id, url } = await deepSource();
    await send(url, deepObject);
    const report = await api('mappings.rehearse', {
      environment: 'development',
      draft: { sourceId: id, eventType: 'deep.sent', actionType: 'users_identify', activeIn: [], params: { id: 'body.a' } },
    });
    expect(report).toMatchObject({ total: 1, passed: 0, failed: 1 });
    expect(report.results[0]!.outcome.run.errors[0]).toMatchObject({ code: 'invalid_path', param: 'id', path: 'body.a' });
  });
});

describe('a body nested exactly 512 levels deep', () => {
  it('is still parsed for mapping', async () => {
    const { url } = await deepSource();
    const body = `${'['.repeat(511)}{"a":"x"}${']'.repeat(511)}`;
    const detail = await api('events.get', { id: await send(url, body) });
    expect(detail.parseError).toBeNull();
    expect(Array.isArray(detail.parsedBody)).toBe(true);
  });
});

describe('a source with a preprocess script', () => {
  async function scriptedSource(script: string) {
    const { id, url } = await t.source('scripted');
    await t.call('sources.update', { id, settings: { development: { preprocess: { script, enabled: true }, eventTypePath: 'preprocess.event' } } });
    return url;
  }

  it('logs a 5000-deep body with its parse error, the script seeing only the raw text', async () => {
    const url = await scriptedSource('function main(ctx) { return { event: "deep.sent", bodyIsNull: ctx.body === null, rawLength: ctx.rawBody.length }; }');
    for (const body of [deepObject, deepArray]) {
      const detail = await api('events.get', { id: await send(url, body) });
      expect(detail).toMatchObject({ bodyText: body, parsedBody: null, eventType: 'deep.sent' });
      expect(detail.parseError).toMatch(TOO_DEEP);
      expect(detail.preprocessOutput).toMatchObject({ ok: true, extra: { bodyIsNull: true, rawLength: body.length } });
    }
  });

  it('hands a body nested 512 levels deep to the script as a structure', async () => {
    const url = await scriptedSource('function main(ctx) { let d = 0; for (let v = ctx.body; Array.isArray(v); v = v[0]) d++; return { event: "deep.sent", depth: d }; }');
    const detail = await api('events.get', { id: await send(url, `${'['.repeat(512)}${']'.repeat(512)}`) });
    expect(detail.preprocessOutput).toMatchObject({ ok: true, extra: { depth: 512 } });
  });
});

describe('a source that verifies signatures', () => {
  async function stripeSource() {
    return t.call('sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: 'whsec_deep_payloads_0123456789abcdef' } });
  }

  it('refuses a wrongly signed 5000-deep body as it would any other, and logs it', async () => {
    const source = await stripeSource();
    const url = `${t.core.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: deepObject,
    });
    const answer = (await res.json()) as { event_id: number };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const detail = await api('events.get', { id: answer.event_id });
    expect(detail).toMatchObject({ bodyText: deepObject, verification: 'failed' });
    expect(detail.parseError).toMatch(TOO_DEEP);
  });

  it('re-sends a logged 5000-deep body as a test event, unchanged', async () => {
    const source = await stripeSource();
    const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
    const res = await fetch(`${t.core.receiverUrl}/in/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deepArray });
    const { event_id: eventId } = (await res.json()) as { event_id: number };
    const sent = await api('events.sendTest', { sourceId: source.id, environment: 'development', sample: { eventId } });
    expect(sent.status).toBe(200);
    expect((await api('events.get', { id: sent.event.id })).bodyText).toBe(deepArray);
  });
});

describe('a control call nested 5000 levels deep', () => {
  it('is refused by the HTTP bridge before it is parsed, naming the depth', async () => {
    const { id } = await deepSource();
    const res = await fetch(`${bridge.url}/api/mappings.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: `{"sourceId":"${id}","eventType":"deep.sent","actionType":"users_identify","activeIn":["development"],"params":{"id":"body.a","custom_properties":${deepObject}}}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(TOO_DEEP) } });
  });
});
