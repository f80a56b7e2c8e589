/**
 * The editor's per-environment layer (issue #10, item 4). Knock keeps mappings per environment and
 * picks a trigger's workflow from the environment's list ("Custom source" page, Event-action
 * mappings; "Incoming webhooks" page, How it works).
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { detail, source, summary } from '../../test/fixtures';
import type { Mapping } from '../../../../shared/domain/mapping';
import { isDraftDirty } from './mappings.slice';
import { environmentsMissingWorkflow } from './workspace-keys';

const mapping = (over: Partial<Mapping> = {}): Mapping => ({
  id: 'map_1', sourceId: 'src_1', eventType: 'invoice.paid', actionType: 'workflows_trigger',
  params: { key: '"invoice-paid"', recipients: 'body.customer', data: 'body' }, activeIn: ['development', 'production'],
  position: 0, createdAt: 1, updatedAt: 1, ...over,
});

const loaded = async (m: Mapping, handlers: Record<string, (input: unknown) => unknown> = {}) => {
  const fake = fakeApi({
    'environments.list': () => [{ key: 'development', name: 'Development' }, { key: 'production', name: 'Production' }],
    'sources.list': () => [source()],
    'mappings.list': () => [m],
    'events.list': () => ({ items: [summary({ id: 7, eventType: 'invoice.paid' })], nextCursor: null }),
    'events.get': () => detail({ id: 7, eventType: 'invoice.paid', parsedBody: { customer: 'cus_1' } }),
    'mappings.rehearse': () => ({ total: 0, passed: 0, failed: 0, results: [] }),
    ...handlers,
  });
  const store = createAppStore(fake.api);
  await store.getState().loadEnvironments();
  await store.getState().loadSources();
  await store.getState().loadMappings('src_1');
  return { store, calls: fake.calls };
};

describe('editing a mapping per environment', () => {
  it('writes a parameter changed in Production as an override there, leaving the shared value', async () => {
    const { store } = await loaded(mapping());
    store.getState().setEditingEnv('production');
    store.getState().setParam('key', '"invoice-paid-prod"');
    expect(store.getState().draft).toMatchObject({ params: { key: '"invoice-paid"' }, overrides: { production: { key: '"invoice-paid-prod"' } } });
    expect(isDraftDirty(store.getState())).toBe(true);
  });

  it('is not an override when Production is set back to the shared value, nor after a reset', async () => {
    const { store } = await loaded(mapping({ overrides: { production: { key: '"other"' } } }));
    store.getState().setEditingEnv('production');
    store.getState().setParam('key', '"invoice-paid"');
    expect(store.getState().draft?.overrides).toEqual({});
    store.getState().setParam('key', '"x"');
    store.getState().resetParam('key');
    expect(store.getState().draft?.overrides).toEqual({});
  });

  it('saves the overrides with the mapping and sends {} once none are left', async () => {
    const saved = mapping({ overrides: { production: { key: '"prod"' } } });
    const { store, calls } = await loaded(mapping(), { 'mappings.update': () => saved });
    store.getState().setEditingEnv('production');
    store.getState().setParam('key', '"prod"');
    expect(await store.getState().saveDraft()).toBe(true);
    expect(calls.find(([m]) => m === 'mappings.update')?.[1]).toMatchObject({ overrides: { production: { key: '"prod"' } } });
    expect(isDraftDirty(store.getState())).toBe(false);
    store.getState().resetParam('key');
    expect(isDraftDirty(store.getState())).toBe(true);
  });

  it('rehearses the draft with its overrides', async () => {
    const { store, calls } = await loaded(mapping({ overrides: { production: { key: '"prod"' } } }));
    await store.getState().rehearseDraft(5);
    const input = calls.find(([m]) => m === 'mappings.rehearse')?.[1] as { draft: { overrides: unknown } };
    expect(input.draft.overrides).toEqual({ production: { key: '"prod"' } });
  });

  it('knows every environment\'s workflows and creates a missing one where it is missing', async () => {
    const workflows: Record<string, string[]> = { development: ['invoice-paid'], production: [] };
    const { store, calls } = await loaded(mapping(), {
      'workflows.list': (input) => (workflows[(input as { environment: string }).environment] ?? []).map((key) => ({ key, name: key, active: true, steps: [], createdAt: 1 })),
      'workspace.objects': () => ({ items: [], total: 0 }),
      'workspace.audienceMembers': () => ({ items: [], total: 0 }),
      'workflows.create': (input) => {
        const { environment, key } = input as { environment: string; key: string };
        workflows[environment]!.push(key);
        return { key, name: key, active: true, steps: [], createdAt: 1 };
      },
    });
    await store.getState().loadWorkspaceKeys();
    expect(store.getState().workflowsByEnv).toEqual({ development: ['invoice-paid'], production: [] });
    await store.getState().createWorkflowForKey('invoice-paid', 'production');
    expect(calls.filter(([m]) => m === 'workflows.create').map(([, i]) => i)).toEqual([{ environment: 'production', key: 'invoice-paid' }]);
    expect(store.getState().workflowsByEnv.production).toEqual(['invoice-paid']);
  });
});

describe('environmentsMissingWorkflow', () => {
  const byEnv = { development: ['invoice-paid'], production: ['invoice-paid-prod'] };
  it.each<[string, string[], Record<string, string | null>, Array<{ environment: string; key: string }>]>([
    ['one key, missing in production', ['development', 'production'], { development: 'invoice-paid', production: 'invoice-paid' }, [{ environment: 'production', key: 'invoice-paid' }]],
    ['each environment its own key', ['development', 'production'], { development: 'invoice-paid', production: 'invoice-paid-prod' }, []],
    ['inactive in production', ['development'], { development: 'invoice-paid', production: 'nope' }, []],
    ['a key read from the payload', ['development', 'production'], { development: null, production: null }, []],
  ])('%s', (_what, activeIn, keys, missing) => {
    expect(environmentsMissingWorkflow(activeIn, (env) => keys[env] ?? null, byEnv)).toEqual(missing);
  });
});
