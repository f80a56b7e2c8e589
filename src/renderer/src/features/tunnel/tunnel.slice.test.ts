import { describe, expect, it } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { publicEndpointUrl } from './public-url';

function setup(handlers: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({ 'tunnel.status': () => ({ state: 'stopped' }), ...handlers });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  return { ...fake, store };
}

describe('tunnel slice', () => {
  it('follows a start through the pushed states to up', async () => {
    const { store, push } = setup({ 'tunnel.start': () => ({ state: 'starting', serverUrl: 'http://lt' }) });
    await store.getState().startTunnel();
    expect(store.getState().tunnel).toEqual({ state: 'starting', serverUrl: 'http://lt' });
    push({ name: 'tunnel.statusChanged', payload: { state: 'up', url: 'http://abc.lt.test', since: 1 } });
    expect(store.getState().tunnel.state).toBe('up');
    expect(store.getState().tunnelUrlChange).toBeNull();
  });

  it('does not let a late answer to start overwrite a newer pushed state', async () => {
    let answer: (v: unknown) => void = () => {};
    const { store, push } = setup({ 'tunnel.start': () => new Promise((r) => (answer = r)) });
    const starting = store.getState().startTunnel();
    push({ name: 'tunnel.statusChanged', payload: { state: 'up', url: 'http://abc.lt.test', since: 1 } });
    answer({ state: 'starting', serverUrl: 'http://lt' });
    await starting;
    expect(store.getState().tunnel.state).toBe('up');
  });

  it('announces a moved public URL with the old and new one until dismissed', () => {
    const { store, push } = setup();
    push({ name: 'tunnel.statusChanged', payload: { state: 'up', url: 'http://new.lt.test', previousUrl: 'http://old.lt.test', since: 2 } });
    expect(store.getState().tunnelUrlChange).toEqual({ previousUrl: 'http://old.lt.test', url: 'http://new.lt.test' });
    push({ name: 'tunnel.statusChanged', payload: { state: 'reconnecting', attempt: 1, nextTryAt: 5, reason: 'socket closed' } });
    expect(store.getState().tunnelUrlChange).not.toBeNull();
    store.getState().dismissUrlChange();
    expect(store.getState().tunnelUrlChange).toBeNull();
  });

  it('says why the tunnel could not be started', async () => {
    const { store } = setup({
      'tunnel.start': () => {
        throw new Error('serverUrl: Invalid URL');
      },
    });
    await store.getState().startTunnel();
    expect(store.getState().tunnelError).toContain('Invalid URL');
    expect(store.getState().tunnelBusy).toBe(false);
  });

  it('gives an endpoint’s public URL only while the tunnel is up', () => {
    expect(publicEndpointUrl({ state: 'up', url: 'https://abc.loca.lt/', since: 1 }, 'tok')).toBe('https://abc.loca.lt/in/tok');
    expect(publicEndpointUrl({ state: 'reconnecting', attempt: 1, nextTryAt: 1, reason: 'x', lastUrl: 'https://abc.loca.lt' }, 'tok')).toBeNull();
    expect(publicEndpointUrl({ state: 'stopped' }, 'tok')).toBeNull();
  });
});
