import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, wirePushEvents } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import type { WorkspaceUser } from '../../../../shared/domain/workspace';

const user = (id: string): WorkspaceUser => ({
  id,
  name: `User ${id}`,
  email: `${id}@example.com`,
  phoneNumber: null,
  avatar: null,
  locale: null,
  timezone: null,
  properties: { plan: 'pro' },
  channelData: {},
  preferences: {},
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});

const run = { id: 'wr_1', workflowKey: 'invoice-paid', recipientCollection: '$users', recipientId: 'cus_1', actor: null, tenant: null, data: {}, cancellationKey: null, status: 'completed' as const, triggerId: 'wfr_1', subscription: null, eventId: 42, createdAt: 1, resumeAt: null, completedAt: 1, cancelledAt: null };

function setup(handlers: Record<string, (input: unknown) => unknown> = {}) {
  const fake = fakeApi({
    'workspace.users': () => ({ items: [user('u1'), user('u2')], total: 2 }),
    'workspace.workflowRuns': () => ({ items: [run], total: 1 }),
    'workflows.list': () => [
      { key: 'invoice-paid', name: 'Invoice paid', active: true, steps: [], createdAt: 1 },
      { key: 'welcome', name: 'Welcome', active: true, steps: [], createdAt: 2 },
    ],
    ...handlers,
  });
  const store = createAppStore(fake.api);
  store.setState({ currentEnv: 'development', view: 'workspace' });
  return { ...fake, store };
}

const callsOf = (calls: Array<[string, unknown]>, method: string) => calls.filter(([m]) => m === method).map(([, input]) => input);

afterEach(() => vi.useRealTimers());

describe('workspace slice', () => {
  it("loads the current environment's users as table rows", async () => {
    const { store, calls } = setup();
    await store.getState().loadWorkspace();
    expect(callsOf(calls, 'workspace.users')).toEqual([{ environment: 'development', limit: 100, offset: 0 }]);
    expect(store.getState().workspaceTotal).toBe(2);
    expect(store.getState().workspaceRows[0]).toMatchObject({ key: 'u1', title: 'User u1', cells: ['u1', 'User u1', 'u1@example.com', '—', expect.any(String)] });
  });

  it('searches from the first page', async () => {
    const { store, calls } = setup();
    store.setState({ workspaceOffset: 200 });
    store.getState().setWorkspaceSearch('  ada ');
    await vi.waitFor(() => expect(store.getState().workspaceStatus).toBe('idle'));
    expect(callsOf(calls, 'workspace.users').at(-1)).toEqual({ environment: 'development', limit: 100, offset: 0, search: 'ada' });
  });

  it('pages by whole pages within the total', async () => {
    const { store, calls } = setup({ 'workspace.users': () => ({ items: [], total: 250 }) });
    await store.getState().loadWorkspace();
    store.getState().setWorkspaceOffset(150);
    expect(store.getState().workspaceOffset).toBe(100);
    store.getState().setWorkspaceOffset(900);
    expect(store.getState().workspaceOffset).toBe(200);
    await vi.waitFor(() => expect(callsOf(calls, 'workspace.users')).toHaveLength(3));
  });

  it("links a workflow run to the event that triggered it", async () => {
    const { store } = setup();
    store.getState().setWorkspaceTab('runs');
    await vi.waitFor(() => expect(store.getState().workspaceRows).toHaveLength(1));
    expect(store.getState().workspaceRows[0]).toMatchObject({ key: 'wr_1', eventId: 42, cells: ['invoice-paid', 'cus_1', '—', 'completed', '—', 'wfr_1', expect.any(String)] });
  });

  it('drops the answer for a tab the user already left', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const { store, calls } = setup({ 'workspace.tenants': () => new Promise((resolve) => (answer = resolve)) });
    // Hold the tenants load itself, so the test can wait until its late answer has fully settled.
    store.setState({ workspaceTab: 'tenants' });
    const tenantsLoad = store.getState().loadWorkspace();
    store.getState().setWorkspaceTab('users');
    await vi.waitFor(() => expect(store.getState().workspaceRows).toHaveLength(2));
    expect(callsOf(calls, 'workspace.tenants')).toHaveLength(1);
    answer({ items: [{ id: 't1', name: 'Tenant', settings: {}, properties: {}, createdAt: 1, updatedAt: 1 }], total: 1 });
    await tenantsLoad;
    expect(store.getState()).toMatchObject({ workspaceTab: 'users', workspaceTotal: 2, workspaceStatus: 'idle' });
    expect(store.getState().workspaceRows.map((r) => r.key)).toEqual(['u1', 'u2']);
  });

  it('filters workflows by key or name on the Workflows tab', async () => {
    const { store } = setup();
    store.setState({ workspaceSearch: 'WEL' });
    store.getState().setWorkspaceTab('workflows');
    await vi.waitFor(() => expect(store.getState().workspaceStatus).toBe('idle'));
    expect(store.getState().workspaceRows.map((r) => r.key)).toEqual(['welcome']);
    expect(store.getState().workspaceWorkflows).toHaveLength(2);
  });

  it('refetches once per burst of processed events, and only while the workspace is shown', async () => {
    vi.useFakeTimers();
    const { store, calls, push, api } = setup();
    wirePushEvents(api, store);
    const processed = (id: number) => push({ name: 'events.processed', payload: { id, processing: 'done', actionStatus: 'success' } });
    for (let id = 1; id <= 5; id++) processed(id);
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsOf(calls, 'workspace.users')).toHaveLength(1);
    store.setState({ view: 'log' });
    processed(6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(callsOf(calls, 'workspace.users')).toHaveLength(1);
  });

  it('resets the current environment and shows the emptied first page', async () => {
    let reset = false;
    const { store, calls } = setup({
      'workspace.reset': () => ((reset = true), { reset: true }),
      'workspace.users': () => (reset ? { items: [], total: 0 } : { items: [user('u1')], total: 1 }),
    });
    await store.getState().loadWorkspace();
    store.setState({ workspaceSelectedKey: 'u1' });
    expect(await store.getState().resetWorkspace()).toBeNull();
    expect(callsOf(calls, 'workspace.reset')).toEqual([{ environment: 'development' }]);
    expect(store.getState()).toMatchObject({ workspaceRows: [], workspaceTotal: 0, workspaceSelectedKey: null, workspaceOffset: 0 });
  });

  it('creates and deletes workflows in the current environment, with refusals in words', async () => {
    const { store, calls } = setup({
      'workflows.create': (input) => {
        if ((input as { key: string }).key === 'welcome') throw new Error('Workflow "welcome" already exists');
        return { key: 'digest', name: 'Digest', createdAt: 3 };
      },
      'workflows.delete': () => ({ deleted: true }),
    });
    store.getState().setWorkspaceTab('workflows');
    expect(await store.getState().createWorkspaceWorkflow('digest', 'Digest')).toBeNull();
    expect(await store.getState().createWorkspaceWorkflow('welcome')).toMatch(/already exists/);
    store.setState({ workspaceSelectedKey: 'welcome' });
    expect(await store.getState().deleteWorkspaceWorkflow('welcome')).toBeNull();
    expect(callsOf(calls, 'workflows.create')[0]).toEqual({ environment: 'development', key: 'digest', name: 'Digest' });
    expect(callsOf(calls, 'workflows.delete')).toEqual([{ environment: 'development', key: 'welcome' }]);
    expect(store.getState().workspaceSelectedKey).toBeNull();
  });
});
