/**
 * Refusals travel as data: the dispatcher and handlers name each field at fault in `issues`, and
 * both bridges hand them to the client unchanged, so no caller parses a message to find a field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import type { ApiResult } from '../../shared/api/result';
import { silentLogger } from '../core/ports';
import { startTestCore, type TestCore } from '../core/testing/test-core';
import { createInvokeHandler } from '../shell/ipc-bridge';
import { createUrlPolicy } from '../shell/url-policy';
import { createControlServer, type ControlServer } from './http-bridge';

const TOKEN = 'structured-errors-token-0123';
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

/** A client over the HTTP bridge, passing the JSON it answers through untouched, as the renderer's transport does. */
const httpClient = () =>
  createApiClient({
    async invoke(method, input) {
      const res = await fetch(`${bridge.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as ApiResult<unknown>;
    },
    subscribe: () => () => {},
  });
const mapping = (sourceId: string, params: Record<string, string>) => ({ sourceId, eventType: 'user.created', actionType: 'users_identify' as const, params, activeIn: ['development'] });

describe('structured errors', () => {
  it('the dispatcher names each field zod refused, with a short summary', async () => {
    const bad = { sourceId: 5, eventType: 'a', actionType: 'users_identify', params: { id: 'body.id' }, activeIn: ['development', 7] };
    expect(await t.core.dispatch('mappings.create', bad, { transport: 'internal' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: '2 fields are invalid: sourceId, activeIn.1',
        issues: [
          { path: ['sourceId'], message: 'Invalid input: expected string, received number' },
          { path: ['activeIn', 1], message: 'Invalid input: expected string, received number' },
        ],
      },
    });
  });

  it("a handler's refusal reaches an HTTP client with its code and issues", async () => {
    const { id } = await t.source('app');
    const result = await httpClient().result('mappings.create', { ...mapping(id, { email: 'body.email' }), activeIn: ['development', 'nope'] });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: '2 fields are invalid: params.id, activeIn.1',
        issues: [
          { path: ['params', 'id'], message: 'users_identify needs "id" (User ID); map it to a path or a value' },
          { path: ['activeIn', 1], message: 'no environment "nope"; there are "development", "production"' },
        ],
      },
    });
  });

  it('the IPC bridge answers the same error, issues included, as a structured clone', async () => {
    const appUrl = 'file:///opt/inlet/out/renderer/index.html';
    const handle = createInvokeHandler(t.core.dispatch.bind(t.core), createUrlPolicy({ rendererFileUrl: appUrl }), silentLogger);
    const result = structuredClone(await handle({ senderFrame: { url: appUrl, parent: null } }, 'events.get', { id: 'x' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['id'], message: expect.any(String) }] } });
  });
});
