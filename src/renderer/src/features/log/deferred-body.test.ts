import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowOffThreadCalls } from '../../api/off-thread';
import { createAppStore } from '../../app/store';
import { detail, summary } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];
const bigJson = JSON.stringify({ type: 'export.large', items: Array.from({ length: 3000 }, (_, i) => ({ id: `item_${i}`, note: 'x'.repeat(40) })) });

/** A log listing one event of `size` bytes, over an HTTP host whose events.get a worker would fetch. */
async function openOverHttp(size: number, answer: () => Response | Promise<Response> = () => new Response(JSON.stringify({ ok: true, value: detail({ id: 1, bodySize: size, bodyText: bigJson, bodyBase64: '' }) }))) {
  const fake = fakeApi({
    'environments.list': () => envs,
    'events.list': () => ({ items: [summary({ id: 2, bodySize: 5 }), summary({ id: 1, bodySize: size })], nextCursor: null }),
    'events.get': (input) => {
      const { id, body } = input as { id: number; body: string };
      return detail({ id, bodySize: id === 1 ? size : 5, bodyText: body === 'none' ? '' : 'small', bodyBase64: '' });
    },
  });
  const fetched: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    fetched.push({ url, init });
    return answer();
  });
  allowOffThreadCalls({ url: (method) => `http://127.0.0.1:1/api/${method}`, token: 'tok' });
  const store = createAppStore(fake.api);
  await store.getState().loadEnvironments();
  await store.getState().loadEvents();
  await store.getState().openEvent(1);
  return { store, calls: fake.calls.filter(([m]) => m === 'events.get').map(([, i]) => i), fetched };
}

afterEach(() => {
  allowOffThreadCalls(null);
  vi.unstubAllGlobals();
});

describe('a large body over HTTP', () => {
  it('shows the detail without the body, then its rows from the body fetched apart, then the whole text', async () => {
    const { store, calls, fetched } = await openOverHttp(bigJson.length);
    expect(calls).toEqual([{ id: 1, parsed: false, body: 'none' }]);
    expect(store.getState().detail?.id).toBe(1);
    await expect.poll(() => store.getState().detailBody?.complete).toBe(true);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]!.url).toBe('http://127.0.0.1:1/api/events.get');
    expect(fetched[0]!.init.headers).toMatchObject({ authorization: 'Bearer tok' });
    expect(JSON.parse(fetched[0]!.init.body as string)).toEqual({ id: 1, parsed: false, body: 'text' });
    expect(store.getState().detail?.bodyText).toBe(bigJson);
    expect(store.getState().detailBody?.body?.pretty?.starts.length).toBeGreaterThan(3000);
  });

  it('asks for a small body with the detail, once, without a worker', async () => {
    const { store, calls, fetched } = await openOverHttp(500);
    expect(calls).toEqual([{ id: 1, parsed: false, body: 'text' }]);
    expect(fetched).toHaveLength(0);
    expect(store.getState().detailBody).toBeNull();
    expect(store.getState().detail?.bodyText).toBe('small');
  });

  it('never shows a large body on the event opened after it', async () => {
    const { store, fetched } = await openOverHttp(bigJson.length);
    await store.getState().openEvent(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fetched).toHaveLength(1);
    expect(store.getState().detail).toMatchObject({ id: 2, bodyText: 'small' });
    expect(store.getState().detailBody).toBeNull();
  });
});

describe('a large body the host will not give', () => {
  const refused = () => new Response(JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } }), { status: 401 });

  it('says the body could not be loaded (not that it could not be parsed), and loads it on retry', async () => {
    let answer: () => Response = refused;
    const { store, fetched } = await openOverHttp(bigJson.length, () => answer());
    await expect.poll(() => store.getState().detailBody?.status).toBe('error');
    expect(store.getState().detailBody).toMatchObject({ failure: 'load', error: 'missing or wrong token (HTTP 401)', body: null, complete: false });
    expect(store.getState().detail?.id).toBe(1);

    answer = () => new Response(JSON.stringify({ ok: true, value: detail({ id: 1, bodySize: bigJson.length, bodyText: bigJson, bodyBase64: '' }) }));
    store.getState().detailBody?.retry?.();
    await expect.poll(() => store.getState().detailBody?.complete).toBe(true);
    expect(fetched).toHaveLength(2);
    expect(store.getState().detailBody).toMatchObject({ status: 'ready', failure: null, error: null });
    expect(store.getState().detail?.bodyText).toBe(bigJson);
  });

  it('names an HTTP error without a JSON answer, and a host that cannot be reached', async () => {
    const gateway = await openOverHttp(bigJson.length, () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect.poll(() => gateway.store.getState().detailBody?.status).toBe('error');
    expect(gateway.store.getState().detailBody).toMatchObject({ failure: 'load', error: 'the host answered HTTP 502 without the body' });

    const offline = await openOverHttp(bigJson.length, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect.poll(() => offline.store.getState().detailBody?.status).toBe('error');
    expect(offline.store.getState().detailBody).toMatchObject({ failure: 'load', error: 'the host could not be reached (Failed to fetch)' });
    expect(offline.store.getState().detailBody?.retry).toBeTypeOf('function');
  });
});
