import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { source } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';
import { ApiFailure } from '../../../../shared/api/result';

describe('sources slice', () => {
  it('adds a created source to the list and selects it', async () => {
    const created = source({ id: 'src_new', key: 'stripe-test' });
    const { api, calls } = fakeApi({ 'sources.list': () => [], 'sources.create': () => created });
    const store = createAppStore(api);
    await store.getState().loadSources();
    const result = await store.getState().createSource({ key: 'stripe-test' });
    expect(result.ok).toBe(true);
    expect(calls.filter(([m]) => m === 'sources.create')).toEqual([['sources.create', { key: 'stripe-test' }]]);
    expect(store.getState().sources).toEqual([created]);
    expect(store.getState().selectedSourceId).toBe('src_new');
  });

  it('sends a settings patch for one environment and replaces the source with the answer', async () => {
    const before = source();
    const after = source({ name: 'changed' });
    const { api, calls } = fakeApi({ 'sources.list': () => [before], 'sources.update': () => after });
    const store = createAppStore(api);
    await store.getState().loadSources();
    await store.getState().patchEnvSettings('src_1', 'development', { enforceVerification: true });
    expect(calls.at(-1)).toEqual(['sources.update', { id: 'src_1', settings: { development: { enforceVerification: true } } }]);
    expect(store.getState().sources).toEqual([after]);
  });

  it('drops a list that was requested before a change was saved', async () => {
    let answerList: (v: unknown) => void = () => {};
    const saved = source({ name: 'saved' });
    const { api } = fakeApi({ 'sources.list': () => new Promise((r) => (answerList = r)), 'sources.update': () => saved });
    const store = createAppStore(api);
    const loading = store.getState().loadSources();
    await store.getState().patchEnvSettings('src_1', 'development', { enabled: false });
    answerList([source({ name: 'stale' })]);
    await loading;
    expect(store.getState().sources).toEqual([saved]);
  });

  it('returns the API error with its code and leaves the list alone', async () => {
    const { api } = fakeApi({
      'sources.create': () => {
        throw new ApiFailure('conflict', 'a source with key "stripe-test" exists');
      },
    });
    const store = createAppStore(api);
    const result = await store.getState().createSource({ key: 'stripe-test' });
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'a source with key "stripe-test" exists' } });
    expect(store.getState().sources).toEqual([]);
  });

  it('approves an imported script in one environment and shows the source with it approved', async () => {
    const script = 'function main() { return { verified: true }; }';
    const pending = source({ settings: source().settings.map((x) => ({ ...x, preprocess: { script, enabled: false, approved: false } })) });
    const approved = source({ settings: source().settings.map((x) => ({ ...x, preprocess: { script, enabled: true, approved: true } })) });
    const { api, calls } = fakeApi({ 'sources.list': () => [pending], 'sources.approveScript': () => approved });
    const store = createAppStore(api);
    await store.getState().loadSources();
    expect(await store.getState().approveScript({ id: 'src_1', environment: 'development' })).toEqual({ ok: true, value: approved });
    expect(calls.at(-1)).toEqual(['sources.approveScript', { id: 'src_1', environment: 'development' }]);
    expect(store.getState().sources[0]?.settings[0]?.preprocess).toEqual({ script, enabled: true, approved: true });
  });
});
