import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { syncRoute } from './route-sync';
import { createAppStore } from './store';

/** A history with the browser's semantics: push drops the forward entries, back fires popstate. */
function fakeWindow(hash: string) {
  const entries = [hash];
  let at = 0;
  const listeners = new Set<() => void>();
  const win = {
    location: { hash },
    history: {
      pushState: (_: unknown, __: string, url?: string | URL | null) => {
        entries.splice(at + 1, entries.length, String(url));
        at = entries.length - 1;
        win.location.hash = String(url);
      },
      replaceState: (_: unknown, __: string, url?: string | URL | null) => {
        entries[at] = String(url);
        win.location.hash = String(url);
      },
    },
    addEventListener: (_: 'popstate', l: () => void) => listeners.add(l),
    removeEventListener: (_: 'popstate', l: () => void) => listeners.delete(l),
    go(delta: number) {
      at += delta;
      win.location.hash = entries[at] ?? '';
      listeners.forEach((l) => l());
    },
    entries,
  };
  return win;
}

describe('route sync', () => {
  it('opens where a reloaded or pasted link points', () => {
    const store = createAppStore(fakeApi({}).api);
    syncRoute(store, fakeWindow('#/sources/src_1/logs'));
    expect(store.getState()).toMatchObject({ view: 'sources', selectedSourceId: 'src_1', sourceTab: 'logs' });
  });

  it('adds a history entry per navigation, and back/forward return to each', () => {
    const store = createAppStore(fakeApi({}).api);
    const win = fakeWindow('');
    syncRoute(store, win);
    store.getState().setView('log');
    store.getState().setView('settings');
    expect(win.entries).toEqual(['#/sources', '#/log', '#/settings']);
    win.go(-1);
    expect(store.getState().view).toBe('log');
    win.go(-1);
    expect(store.getState().view).toBe('sources');
    win.go(1);
    expect(store.getState().view).toBe('log');
    expect(win.entries).toHaveLength(3);
  });

  it('does not add an entry when the app picks the first source for the user', () => {
    const store = createAppStore(fakeApi({}).api);
    const win = fakeWindow('#/sources');
    syncRoute(store, win);
    store.setState({ selectedSourceId: 'src_1' });
    expect(win.entries).toEqual(['#/sources/src_1/mappings']);
  });
});
