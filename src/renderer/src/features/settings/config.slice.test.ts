import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { invalidInput } from '../../../../shared/api/result';
import { source } from '../../test/fixtures';
import type { ExportFile } from '../../../../shared/domain/export';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];
const file: ExportFile = { format: 'inlet.config', version: 1, exportedAt: 0, environments: [], sources: [], workflows: [] };
const report = { created: [{ key: 'stripe', id: 'src_9' }], skipped: [{ key: 'clerk', reason: 'a source with this key exists' }], awaitingApproval: [{ sourceId: 'src_9', key: 'stripe', environment: 'development' }], warnings: [] };

function setup(extra: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({ 'environments.list': () => envs, 'sources.list': () => [source({ id: 'src_9', key: 'stripe' })], 'events.list': () => ({ items: [], nextCursor: null }), ...extra });
  return { ...fake, store: createAppStore(fake.api) };
}

describe('config slice', () => {
  it('exports with the chosen sources and secrets flag', async () => {
    const { store, calls } = setup({ 'config.export': () => file });
    expect(await store.getState().exportConfig({ sourceIds: ['src_1'], includeSecrets: true })).toEqual({ ok: true, value: file });
    expect(calls.at(-1)).toEqual(['config.export', { sourceIds: ['src_1'], includeSecrets: true }]);
  });

  it('imports with the chosen conflict handling, keeps the report and lists the new sources', async () => {
    const { store, calls } = setup({ 'config.import': () => report });
    await store.getState().importConfig(file, 'rename');
    expect(calls.find(([m]) => m === 'config.import')?.[1]).toEqual({ file, onConflict: 'rename' });
    expect(store.getState().configImport).toEqual({ state: 'done', report });
    expect(store.getState().sources.map((s) => s.key)).toEqual(['stripe']);
  });

  it('keeps an import refusal with its code and the fields it names', async () => {
    const { store } = setup({
      'config.import': () => {
        throw invalidInput([{ path: ['file', 'sources', 0, 'templateId'], message: 'no template "nope"' }]);
      },
    });
    await store.getState().importConfig(file, 'skip');
    expect(store.getState().configImport).toEqual({
      state: 'failed',
      error: { code: 'invalid_input', message: 'file.sources.0.templateId: no template "nope"', issues: [{ path: ['file', 'sources', 0, 'templateId'], message: 'no template "nope"' }] },
    });
  });

  it('opens a source’s Settings tab in the environment whose script awaits approval', async () => {
    const { store } = setup();
    await store.getState().loadEnvironments();
    store.getState().openSourceSettings('src_9', 'development');
    expect(store.getState()).toMatchObject({ view: 'sources', selectedSourceId: 'src_9', sourceTab: 'settings', currentEnv: 'development' });
  });
});
