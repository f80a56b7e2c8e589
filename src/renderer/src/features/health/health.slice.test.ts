import { describe, expect, it } from 'vitest';
import type { DatabaseHealth } from '../../../../shared/api/contract-health';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { shownDamage, waysOutCommands } from './health.slice';

const damaged: DatabaseHealth = {
  state: 'damaged',
  file: '/home/me/.config/Inlet/inlet.db',
  summary: "The database /home/me/.config/Inlet/inlet.db is damaged: Inlet keeps running, but events on the damaged pages can't be read.",
  problems: ['*** in database main ***\nPage 2048: btreeInitPage() returns error code 11'],
  waysOut: 'Your options:\n  --export-readable <file>  …\n  --start-fresh             …',
};

function setup(handlers: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({ 'health.get': () => ({ database: { state: 'checking' } }), ...handlers });
  const store = createAppStore(fake.api);
  wirePushEvents(fake.api, store);
  return { ...fake, store };
}

describe('health slice', () => {
  it('shows nothing while the background check runs, then the damage it pushes', async () => {
    const { store, push } = setup();
    await store.getState().loadHealth();
    expect(store.getState().databaseHealth).toEqual({ state: 'checking' });
    expect(shownDamage(store.getState())).toBeNull();
    push({ name: 'health.changed', payload: { database: damaged } });
    expect(shownDamage(store.getState())).toEqual(damaged);
  });

  it('shows damage the host already knew when the app opened', async () => {
    const { store } = setup({ 'health.get': () => ({ database: damaged }) });
    await store.getState().loadHealth();
    expect(shownDamage(store.getState())).toEqual(damaged);
  });

  it('stays closed for the rest of the session once dismissed', async () => {
    const { store, push } = setup({ 'health.get': () => ({ database: damaged }) });
    await store.getState().loadHealth();
    store.getState().dismissHealth();
    expect(shownDamage(store.getState())).toBeNull();
    await store.getState().loadHealth();
    push({ name: 'health.changed', payload: { database: damaged } });
    expect(shownDamage(store.getState())).toBeNull();
  });

  it('does not let a late "checking" answer hide damage pushed after the call', async () => {
    let answer: (v: unknown) => void = () => {};
    const { store, push } = setup({ 'health.get': () => new Promise((r) => (answer = r)) });
    const loading = store.getState().loadHealth();
    push({ name: 'health.changed', payload: { database: damaged } });
    answer({ database: { state: 'checking' } });
    await loading;
    expect(shownDamage(store.getState())).toEqual(damaged);
  });

  it('keeps what it knew when the host cannot be asked', async () => {
    const { store } = setup({
      'health.get': () => {
        throw new Error('connection lost');
      },
    });
    await store.getState().loadHealth();
    expect(store.getState().databaseHealth).toBeNull();
  });

  it('names the data dir in the commands, quoted, on POSIX and Windows paths', () => {
    expect(waysOutCommands('/home/me/My Inlet/inlet.db')).toEqual([
      'inlet serve --data-dir "/home/me/My Inlet" --export-readable <file>',
      'inlet serve --data-dir "/home/me/My Inlet" --start-fresh',
    ]);
    expect(waysOutCommands('C:\\Users\\me\\AppData\\Roaming\\Inlet\\inlet.db')[1]).toBe('inlet serve --data-dir "C:\\Users\\me\\AppData\\Roaming\\Inlet" --start-fresh');
  });
});
