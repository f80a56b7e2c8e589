import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { detail, summary } from '../../test/fixtures';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];

function setup(total: number, extra: Record<string, (input: unknown) => unknown> = {}) {
  const ids = Array.from({ length: total }, (_, i) => total - i);
  const fake = fakeApi({
    'environments.list': () => envs,
    'events.list': (i) => {
      const { cursor, limit } = i as { cursor?: number; limit: number };
      const rest = ids.filter((id) => cursor === undefined || id < cursor).slice(0, limit);
      return { items: rest.map((id) => summary({ id })), nextCursor: rest.length === limit && rest.at(-1)! > 1 ? rest.at(-1)! : null };
    },
    'events.get': (i) => detail({ id: (i as { id: number }).id, bodyText: `{"id":${(i as { id: number }).id}}`, bodyBase64: btoa(`{"id":${(i as { id: number }).id}}`) }),
    ...extra,
  });
  const store = createAppStore(fake.api);
  return { ...fake, store };
}

describe('export slice', () => {
  it('pages through the filtered log up to the limit and returns captures oldest first', async () => {
    const { store, calls } = setup(1_200);
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    const before = calls.length;
    const captures = await store.getState().exportMatching(700);
    expect(calls.slice(before).filter(([m]) => m === 'events.list').map(([, i]) => i)).toEqual([
      { environment: 'development', verification: 'failed', limit: 500 },
      { environment: 'development', verification: 'failed', limit: 200, cursor: 701 },
    ]);
    expect(captures).toHaveLength(700);
    expect(captures?.[0]?.body).toBe('{"id":501}');
    expect(captures?.at(-1)?.body).toBe('{"id":1200}');
    expect(store.getState().exportJob).toEqual({ state: 'done', done: 700, total: 700 });
  });

  it('stops when cancelled and returns nothing', async () => {
    const { store } = setup(50, {
      'events.get': (i) => {
        store.getState().cancelExport();
        return detail({ id: (i as { id: number }).id });
      },
    });
    await store.getState().loadEnvironments();
    expect(await store.getState().exportMatching(100)).toBeNull();
    expect(store.getState().exportJob?.state).toBe('cancelled');
  });
});
