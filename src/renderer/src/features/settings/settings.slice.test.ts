import { describe, expect, it } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { invalidInput } from '../../../../shared/api/result';

const defaults = {
  tunnel: { serverUrl: 'https://localtunnel.me', subdomain: null, startOnLaunch: false, connectAddress: null },
  retention: { maxAgeDays: 30, maxEvents: 1_000_000 },
  notifications: { enabled: true },
};

function setup(handlers: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({ 'settings.get': () => defaults, ...handlers });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  return { ...fake, store };
}

describe('settings slice', () => {
  it('loads the settings and keeps what the host saved', async () => {
    const { store, calls } = setup({ 'settings.update': (i) => ({ ...defaults, ...(i as object), tunnel: { ...defaults.tunnel, subdomain: 'ada' } }) });
    await store.getState().loadSettings();
    expect(store.getState().settings?.tunnel.serverUrl).toBe('https://localtunnel.me');
    expect(await store.getState().updateSettings({ tunnel: { subdomain: 'ada' } })).toEqual({ ok: true, value: null });
    expect(calls.at(-1)).toEqual(['settings.update', { tunnel: { subdomain: 'ada' } }]);
    expect(store.getState().settings?.tunnel.subdomain).toBe('ada');
  });

  it('returns the host’s refusal with the field it names and keeps the old settings', async () => {
    const { store } = setup({
      'settings.update': () => {
        throw invalidInput([{ path: ['tunnel', 'connectAddress'], message: 'use host:port' }]);
      },
    });
    await store.getState().loadSettings();
    const result = await store.getState().updateSettings({ tunnel: { connectAddress: 'nope' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'tunnel.connectAddress: use host:port', issues: [{ path: ['tunnel', 'connectAddress'], message: 'use host:port' }] },
    });
    expect(store.getState().settings?.tunnel.connectAddress).toBeNull();
  });

  it('shows a prune’s progress against its total as it deletes, then the total', async () => {
    let finish: (v: unknown) => void = () => {};
    const { store, push } = setup({ 'retention.prune': () => new Promise((r) => (finish = r)) });
    const pruning = store.getState().pruneNow();
    push({ name: 'retention.progress', payload: { deleted: 500, total: 1200, state: 'running' } });
    expect(store.getState().prune).toEqual({ state: 'running', deleted: 500, total: 1200 });
    finish({ deleted: 1200 });
    await pruning;
    expect(store.getState().prune).toEqual({ state: 'finished', deleted: 1200, total: 1200 });
  });

  it('ignores background pruning nobody asked to watch', () => {
    const { store, push } = setup();
    push({ name: 'retention.progress', payload: { deleted: 10, total: 10, state: 'finished' } });
    expect(store.getState().prune).toBeNull();
  });
});
