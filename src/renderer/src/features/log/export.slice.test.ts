import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';

const envs = [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }];
const preview = { header: '{"inlet":{}}\n', items: [{ id: 1, eventType: 'a', text: '{}\n', changes: [] }], total: 1200, capped: false };

function setup(extra: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({
    'environments.list': () => envs,
    'events.list': () => ({ items: [], nextCursor: null }),
    'exports.preview': () => preview,
    ...extra,
  });
  return { ...fake, store: createAppStore(fake.api) };
}

afterEach(() => vi.unstubAllGlobals());

describe('export slice', () => {
  it('previews the log as filtered, with the detectors and the rules that have a value', async () => {
    const { store, calls } = setup();
    await store.getState().loadEnvironments();
    store.getState().setLogFilter({ verification: 'failed' });
    store.getState().setExportSettings({ format: 'har', rules: [{ kind: 'header', name: 'x-tenant' }, { kind: 'path', path: '  ' }] });
    await store.getState().loadExportPreview();
    const [, input] = calls.find(([m]) => m === 'exports.preview')!;
    expect(input).toMatchObject({
      format: 'har',
      filter: { environment: 'development', verification: 'failed' },
      redaction: { detectors: { emails: true, cards: true }, rules: [{ kind: 'header', name: 'x-tenant' }] },
      limit: 3,
    });
    expect(store.getState().exportPreview).toEqual({ status: 'idle', value: preview, error: null });
  });

  it('sends no redaction when it is turned off', async () => {
    const { store, calls } = setup();
    await store.getState().loadEnvironments();
    store.getState().setExportSettings({ redact: false });
    await store.getState().loadExportPreview();
    expect(calls.find(([m]) => m === 'exports.preview')![1]).not.toHaveProperty('redaction');
  });

  it('asks for the workspace snapshot only with the bundle format, and only when it is chosen', async () => {
    const { store, calls } = setup();
    await store.getState().loadEnvironments();
    const asked = async () => {
      await store.getState().loadExportPreview();
      return calls.filter(([m]) => m === 'exports.preview').at(-1)![1];
    };
    expect(store.getState().exportSettings.workspace).toBe(false);
    store.getState().setExportSettings({ format: 'bundle' });
    expect(await asked()).not.toHaveProperty('workspace');
    store.getState().setExportSettings({ workspace: true });
    expect(await asked()).toMatchObject({ format: 'bundle', workspace: true, redaction: { detectors: { emails: true } } });
    store.getState().setExportSettings({ format: 'har' });
    expect(await asked()).not.toHaveProperty('workspace');
  });

  it('names an invalid regular expression instead of asking the host', async () => {
    const { store, calls } = setup();
    await store.getState().loadEnvironments();
    store.getState().setExportSettings({ rules: [{ kind: 'regex', pattern: 'cus_(', caseInsensitive: false }] });
    await store.getState().loadExportPreview();
    expect(store.getState().exportPreview).toMatchObject({ status: 'error', error: 'Rule 1 is not a valid regular expression' });
    expect(calls.some(([m]) => m === 'exports.preview')).toBe(false);
  });

  it('saves through the desktop app with progress from the host, and forgets a cancelled Save dialog', async () => {
    vi.stubGlobal('window', { inlet: {} });
    let answer: { path: string | null; summary: unknown } = { path: null, summary: null };
    const { store, push, calls } = setup({
      'exports.save': (input) => {
        const { exportId } = input as { exportId: string };
        push({ name: 'exports.progress', payload: { exportId, done: 200, total: 1200, state: 'running' } });
        expect(store.getState().exportJob).toMatchObject({ state: 'running', done: 200, total: 1200 });
        return answer;
      },
    });
    await store.getState().loadEnvironments();
    await store.getState().startExport();
    expect(store.getState().exportJob).toBeNull();
    answer = { path: '/home/me/log.jsonl', summary: { count: 1200, redactedEvents: 40, changes: 90, bytes: 1000 } };
    await store.getState().startExport();
    expect(store.getState().exportJob).toMatchObject({ state: 'done', done: 1200, fileName: '/home/me/log.jsonl', summary: { redactedEvents: 40 } });
    expect(calls.filter(([m]) => m === 'exports.save').at(-1)![1]).not.toHaveProperty('path');
  });

  it('takes the count from a progress push that lands after the file (the browser has no summary)', async () => {
    vi.stubGlobal('window', { inlet: {} });
    let exportId = '';
    const { store, push } = setup({
      'exports.save': (input) => {
        exportId = (input as { exportId: string }).exportId;
        return { path: '/home/me/log.jsonl', summary: null };
      },
    });
    await store.getState().loadEnvironments();
    await store.getState().startExport();
    push({ name: 'exports.progress', payload: { exportId, done: 3, total: 3, state: 'finished' } });
    expect(store.getState().exportJob).toMatchObject({ state: 'done', done: 3 });
  });
});
