import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { ApiFailure } from '../../../../shared/api/result';
import { source } from '../../test/fixtures';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];
const file = { format: 'inlet.bundle', version: 2, exportedAt: 0 };
const preview = { exportedAt: 0, inletVersion: '1', redacted: false, secrets: 'sealed', scripts: [], items: [{ ref: 'source:stripe', kind: 'source', label: 'Stripe', exists: true, actions: ['rename', 'replace', 'skip'], action: 'skip', note: null }] };
const report = {
  created: [{ key: 'stripe', id: 'src_9' }], replaced: [], skipped: [], awaitingApproval: [{ sourceId: 'src_9', key: 'stripe', environment: 'development' }], warnings: [],
  counts: { mappings: 1, workflows: 0, fixtures: 1, destinations: 0, events: 0 }, eventIds: [],
};

function setup(extra: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({ 'environments.list': () => envs, 'sources.list': () => [source({ id: 'src_9', key: 'stripe' })], 'events.list': () => ({ items: [], nextCursor: null }), ...extra });
  return { ...fake, store: createAppStore(fake.api) };
}

describe('bundle import in the settings', () => {
  it('previews a file, then imports it with the choices and passphrase, keeps the report and lists the new sources', async () => {
    const { store, calls } = setup({ 'bundles.preview': () => preview, 'bundles.import': () => report });
    await store.getState().previewBundle(file, 'demo.json');
    expect(store.getState().configImport).toMatchObject({ state: 'previewed', preview });
    await store.getState().importBundle({ passphrase: 'secret words', choices: { 'source:stripe': 'replace' } });
    expect(calls.find(([m]) => m === 'bundles.import')?.[1]).toEqual({ file, choices: { 'source:stripe': 'replace' }, passphrase: 'secret words' });
    expect(store.getState().configImport).toEqual({ state: 'done', report });
    expect(store.getState().sources.map((s) => s.key)).toEqual(['stripe']);
  });

  it('keeps the preview after a refused import, with the error to show', async () => {
    const { store } = setup({
      'bundles.preview': () => preview,
      'bundles.import': () => {
        throw new ApiFailure('invalid_input', 'The passphrase does not open this bundle', [{ path: ['passphrase'], message: 'wrong passphrase' }]);
      },
    });
    await store.getState().previewBundle(file, 'demo.json');
    await store.getState().importBundle({ passphrase: 'wrong', choices: {} });
    expect(store.getState().configImport).toMatchObject({ state: 'previewed', preview, error: { code: 'invalid_input', message: 'The passphrase does not open this bundle' } });
  });

  it('opens a source’s Settings tab in the environment whose script awaits approval', async () => {
    const { store } = setup();
    await store.getState().loadEnvironments();
    store.getState().openSourceSettings('src_9', 'development');
    expect(store.getState()).toMatchObject({ view: 'sources', selectedSourceId: 'src_9', sourceTab: 'settings', currentEnv: 'development' });
  });

  it('counts what “Include the workspace” carries over every environment', async () => {
    const two = [...envs, { key: 'production', name: 'Production', position: 1, createdAt: 0 }];
    const page = (dev: number, prod: number) => (input: unknown) => ({ items: [], total: (input as { environment: string }).environment === 'development' ? dev : prod });
    const { store } = setup({
      'environments.list': () => two, 'workspace.users': page(3, 2), 'workspace.objects': page(1, 0), 'workspace.tenants': page(1, 1),
      'workspace.subscriptions': page(4, 0), 'workspace.audienceMembers': page(0, 2),
    });
    await store.getState().loadEnvironments();
    expect(await store.getState().countWorkspace()).toEqual({ users: 5, objects: 1, tenants: 2, subscriptions: 4, audienceMembers: 2 });
  });
});
