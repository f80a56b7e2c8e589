import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { ApiFailure } from '../../../../shared/api/result';

type Env = { key: string; name: string; position: number; createdAt: number };

function setup(initial: Env[]) {
  let envs = [...initial];
  const fake = fakeApi({
    'environments.list': () => envs,
    'sources.list': () => [],
    'events.list': () => ({ items: [], nextCursor: null }),
    'environments.create': (i) => {
      const { key, name } = i as { key: string; name?: string };
      if (envs.some((e) => e.key === key)) throw new ApiFailure('conflict', `environment "${key}" already exists`);
      const env = { key, name: name ?? key, position: envs.length, createdAt: 0 };
      envs = [...envs, env];
      return env;
    },
    'environments.rename': (i) => {
      const { key, name } = i as { key: string; name: string };
      envs = envs.map((e) => (e.key === key ? { ...e, name } : e));
      return envs.find((e) => e.key === key);
    },
    'environments.delete': (i) => {
      envs = envs.filter((e) => e.key !== (i as { key: string }).key);
      return { deleted: true };
    },
  });
  return { ...fake, store: createAppStore(fake.api) };
}

const env = (key: string, name: string, position = 0): Env => ({ key, name, position, createdAt: 0 });

describe('environments slice', () => {
  it('creates, renames and deletes an environment and shows the list the host keeps', async () => {
    const { store } = setup([env('development', 'Development'), env('production', 'Production', 1)]);
    await store.getState().loadEnvironments();
    expect(await store.getState().createEnvironment('staging', ' Staging ')).toEqual({ ok: true, value: null });
    expect(store.getState().environments.map((e) => e.name)).toEqual(['Development', 'Production', 'Staging']);
    await store.getState().renameEnvironment('staging', 'Pre-production');
    expect(store.getState().environments.at(-1)?.name).toBe('Pre-production');
    await store.getState().deleteEnvironment('staging');
    expect(store.getState().environments.map((e) => e.key)).toEqual(['development', 'production']);
  });

  it('sends a trimmed name, and none when it is blank, so the host names it after its key', async () => {
    const { store, calls } = setup([env('development', 'Development')]);
    await store.getState().createEnvironment('staging', ' Staging ');
    await store.getState().createEnvironment('qa', '   ');
    expect(calls.filter(([m]) => m === 'environments.create').map(([, i]) => i)).toEqual([{ key: 'staging', name: 'Staging' }, { key: 'qa' }]);
  });

  it('returns a duplicate key as a conflict', async () => {
    const { store } = setup([env('development', 'Development')]);
    await store.getState().loadEnvironments();
    const result = await store.getState().createEnvironment('development', '');
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'environment "development" already exists' } });
  });

  it('never deletes the last environment', async () => {
    const { store, calls } = setup([env('development', 'Development')]);
    await store.getState().loadEnvironments();
    const result = await store.getState().deleteEnvironment('development');
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringContaining('last environment') } });
    expect(calls.some(([m]) => m === 'environments.delete')).toBe(false);
  });

  it('moves to another environment when the shown one is deleted', async () => {
    const { store } = setup([env('development', 'Development'), env('staging', 'Staging', 1)]);
    await store.getState().loadEnvironments();
    store.getState().selectEnvironment('staging');
    await store.getState().deleteEnvironment('staging');
    expect(store.getState().currentEnv).toBe('development');
  });
});
