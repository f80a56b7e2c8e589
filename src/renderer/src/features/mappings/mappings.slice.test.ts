import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { detail, source, summary } from '../../test/fixtures';
import { ApiFailure, invalidInput } from '../../../../shared/api/result';
import type { Mapping } from '../../../../shared/domain/mapping';
import { isDraftDirty } from './mappings.slice';

const mapping = (over: Partial<Mapping> = {}): Mapping => ({
  id: 'map_1', sourceId: 'src_1', eventType: 'user.created', actionType: 'users_identify',
  params: { id: 'body.data.id' }, activeIn: ['development'], position: 0, createdAt: 1, updatedAt: 1, ...over,
});

const setup = (handlers: Record<string, (input: unknown) => unknown> = {}) => {
  const fake = fakeApi({
    'environments.list': () => [{ key: 'development', name: 'Development' }, { key: 'production', name: 'Production' }],
    'sources.list': () => [source()],
    'mappings.list': () => [mapping()],
    'events.list': () => ({ items: [summary({ id: 7, eventType: 'user.created' })], nextCursor: null }),
    'events.get': () => detail({ id: 7, eventType: 'user.created', parsedBody: { data: { id: 'u_7', email: 'ada@example.com' } } }),
    ...handlers,
  });
  const store = createAppStore(fake.api);
  return { ...fake, store };
};

const loaded = async (handlers?: Record<string, (input: unknown) => unknown>) => {
  const s = setup(handlers);
  await s.store.getState().loadEnvironments();
  await s.store.getState().loadSources();
  await s.store.getState().loadMappings('src_1');
  await s.store.getState().loadSampleSources('src_1');
  return s;
};

describe('mappings slice', () => {
  it('opens the first mapping and its newest matching event as the sample', async () => {
    const { store } = await loaded();
    expect(store.getState().draft).toMatchObject({ id: 'map_1', eventType: 'user.created' });
    expect(store.getState().sample?.ctx.body).toEqual({ data: { id: 'u_7', email: 'ada@example.com' } });
    expect(isDraftDirty(store.getState())).toBe(false);
  });

  it('fills the focused parameter with a clicked path and marks the draft unsaved', async () => {
    const { store } = await loaded();
    store.getState().focusParam('email', { start: 0, end: 0 });
    expect(store.getState().insertPathIntoFocused('body.data.email')).toEqual({ param: 'email', caret: 15 });
    expect(store.getState().draft?.params.email).toBe('body.data.email');
    expect(isDraftDirty(store.getState())).toBe(true);
  });

  it('does nothing with a clicked path when no parameter is focused', async () => {
    const { store } = await loaded();
    expect(store.getState().insertPathIntoFocused('body.x')).toBeNull();
  });

  it('creates a new mapping with only its mapped parameters and marks it saved', async () => {
    const created = mapping({ id: 'map_2', eventType: 'user.deleted', actionType: 'users_delete', params: { id: 'body.id' } });
    const { store, calls } = await loaded({ 'mappings.create': () => created });
    store.getState().newMapping('user.deleted');
    store.getState().editDraft({ actionType: 'users_delete' });
    store.getState().setParam('id', 'body.id');
    expect(await store.getState().saveDraft()).toBe(true);
    const [, input] = calls.find(([m]) => m === 'mappings.create')!;
    expect(input).toMatchObject({ sourceId: 'src_1', eventType: 'user.deleted', actionType: 'users_delete', params: { id: 'body.id' }, activeIn: ['development', 'production'] });
    expect(store.getState().mappings.map((m) => m.id)).toEqual(['map_1', 'map_2']);
    expect(store.getState().draft?.id).toBe('map_2');
    expect(isDraftDirty(store.getState())).toBe(false);
  });

  it('keeps a draft with a syntax error local and reports it at the parameter', async () => {
    const { store, calls } = await loaded();
    store.getState().setParam('email', 'body.data[0.email');
    expect(await store.getState().saveDraft()).toBe(false);
    expect(store.getState().draftErrors).toEqual({ 'params.email': 'expected "]" at 11' });
    expect(calls.some(([m]) => m === 'mappings.update')).toBe(false);
  });

  it('keeps the host refusal (code and issues) and shows each issue at its field', async () => {
    const issues = [
      { path: ['params', 'id'], message: 'something the host refused' },
      { path: ['activeIn', 1], message: 'no environment "nope"' },
    ];
    const { store } = await loaded({
      'mappings.update': () => {
        throw invalidInput(issues);
      },
    });
    store.getState().setParam('id', 'body.other');
    expect(await store.getState().saveDraft()).toBe(false);
    expect(store.getState().draftFailure).toEqual({ code: 'invalid_input', message: '2 fields are invalid: params.id, activeIn.1', issues });
    expect(store.getState().draftErrors).toEqual({ 'params.id': 'something the host refused', _: 'activeIn.1: no environment "nope"' });
    store.getState().setParam('id', 'body.id');
    expect(store.getState().draftFailure).toBeNull();
  });

  it('shows a refusal naming no field whole, with its code', async () => {
    const { store } = await loaded({
      'mappings.update': () => {
        throw new ApiFailure('not_found', 'No mapping "map_1"');
      },
    });
    store.getState().setParam('id', 'body.other');
    await store.getState().saveDraft();
    expect(store.getState().draftErrors).toEqual({ _: 'Not found: No mapping "map_1"' });
    expect(store.getState().draftFailure?.code).toBe('not_found');
  });

  it('switches a mapping off in one environment without losing edits to the open draft', async () => {
    const { store, calls } = await loaded({ 'mappings.update': () => mapping({ activeIn: [] }) });
    store.getState().setParam('email', 'body.data.email');
    await store.getState().setMappingActive('map_1', 'development', false);
    expect(calls.find(([m]) => m === 'mappings.update')?.[1]).toEqual({ id: 'map_1', activeIn: [] });
    expect(store.getState().draft).toMatchObject({ activeIn: [], params: { email: 'body.data.email' } });
    expect(isDraftDirty(store.getState())).toBe(true);
  });

  it('duplicates a mapping as an unsaved draft after the last one', async () => {
    const { store } = await loaded();
    store.getState().duplicateMapping('map_1');
    expect(store.getState().draft).toMatchObject({ eventType: 'user.created', params: { id: 'body.data.id' }, position: 1 });
    expect(store.getState().draft?.id).toBeUndefined();
  });

  it('closes the draft of a deleted mapping', async () => {
    const { store } = await loaded({ 'mappings.delete': () => ({ deleted: true }) });
    await store.getState().deleteMapping('map_1');
    expect(store.getState().mappings).toEqual([]);
    expect(store.getState().draft).toBeNull();
  });

  it('opens the mapping a log link names once its source loads, not the first one', async () => {
    const s = setup({ 'mappings.list': () => [mapping(), mapping({ id: 'map_2', position: 1, eventType: 'invoice.paid' })] });
    await s.store.getState().loadEnvironments();
    await s.store.getState().loadSources();
    s.store.getState().openMapping('src_1', 'map_2');
    expect(s.store.getState()).toMatchObject({ view: 'sources', selectedSourceId: 'src_1', sourceTab: 'mappings' });
    await s.store.getState().loadMappings('src_1');
    expect(s.store.getState().draft?.id).toBe('map_2');
    s.store.getState().openMapping('src_1', 'map_1');
    expect(s.store.getState().draft?.id).toBe('map_1');
  });

  it('keeps a picked target while focus tabs through other parameters, until another one is claimed', async () => {
    const { store } = await loaded();
    store.getState().startPick('id', { start: 0, end: 0 });
    store.getState().focusParam('email', { start: 0, end: 0 });
    store.getState().focusParam('name', { start: 0, end: 0 });
    expect(store.getState().insertPathIntoFocused('body.data.id')?.param).toBe('id');
    store.getState().endPick();
    store.getState().focusParam('email', { start: 0, end: 0 });
    expect(store.getState().insertPathIntoFocused('body.data.email')?.param).toBe('email');
  });

  it('asks before saving a draft that fails every recent event, and saves when told to', async () => {
    const failing = { eventId: 7, receivedAt: 1, outcome: { plan: { errors: [{ code: 'invalid_path', message: 'body.x is missing' }] }, run: { status: 'error', errors: [] } } };
    const { store, calls } = await loaded({
      'mappings.rehearse': () => ({ total: 3, passed: 0, failed: 3, results: [failing, failing, failing] }),
      'mappings.update': () => mapping({ params: { id: 'body.x' } }),
    });
    store.getState().setParam('id', 'body.x');
    expect(await store.getState().saveDraft()).toBe(false);
    expect(store.getState().saveWarning).toEqual({ total: 3, reasons: ['body.x is missing'] });
    expect(calls.some(([m]) => m === 'mappings.update')).toBe(false);
    expect(await store.getState().saveDraft({ force: true })).toBe(true);
    expect(store.getState().saveWarning).toBeNull();
  });

  it('saves without asking when some recent events pass', async () => {
    const { store } = await loaded({
      'mappings.rehearse': () => ({ total: 3, passed: 1, failed: 2, results: [] }),
      'mappings.update': () => mapping({ params: { id: 'body.x' } }),
    });
    store.getState().setParam('id', 'body.x');
    expect(await store.getState().saveDraft()).toBe(true);
  });

  it('removes the condition of a saved mapping by sending condition: null', async () => {
    const conditioned = mapping({ condition: { path: 'body.plan', op: 'equals', value: 'pro' } });
    const { store, calls } = await loaded({
      'mappings.list': () => [conditioned],
      'mappings.rehearse': () => ({ total: 0, passed: 0, failed: 0, results: [] }),
      'mappings.update': () => mapping(),
    });
    store.getState().editDraft({ condition: undefined });
    expect(await store.getState().saveDraft()).toBe(true);
    expect(calls.find(([m]) => m === 'mappings.update')?.[1]).toMatchObject({ id: 'map_1', condition: null });
  });

  // Knock ties a trigger mapping to an existing workflow; an unknown key can be created from the editor.
  it('creates a workflow the draft names in the current environment, then knows its key', async () => {
    const workflows: string[] = [];
    const { store, calls } = await loaded({
      'workflows.list': () => workflows.map((key) => ({ key, name: key, active: true, steps: [], createdAt: 1 })),
      'workspace.objects': () => ({ items: [], total: 0 }),
      'workspace.audienceMembers': () => ({ items: [], total: 0 }),
      'workflows.create': (input) => {
        workflows.push((input as { key: string }).key);
        return { key: (input as { key: string }).key, name: 'x', active: true, steps: [], createdAt: 1 };
      },
    });
    await store.getState().loadWorkspaceKeys();
    expect(store.getState().workspaceKeys.workflow_key).toEqual([]);
    await store.getState().createWorkflowForKey('invoice-paid');
    expect(calls.filter(([m]) => m === 'workflows.create').map(([, i]) => i)).toEqual([{ environment: 'development', key: 'invoice-paid' }]);
    expect(store.getState().workspaceKeys.workflow_key).toEqual(['invoice-paid']);
  });
});
