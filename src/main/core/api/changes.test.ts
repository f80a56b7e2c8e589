import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, type ApiMethod } from '../../../shared/api/contract';
import type { PushMessage } from '../../../shared/api/events';
import type { PipelineServices } from '../context';
import { createCoreContext } from '../core-context';
import { memorySecretStore, startTestCore, type TestCore } from '../testing/test-core';
import { applyChanges } from './changes';
import { createDispatcher, declaresChanges } from './dispatcher';
import { createHandlers } from './handlers';

/** Methods that change nothing. Any other method must declare `changes` in the contract. */
const READ_ONLY: ApiMethod[] = [
  'app.info',
  'health.get',
  'environments.list',
  'sources.list',
  'sources.get',
  'sources.revealSecret',
  'sources.stats',
  'sources.testScript',
  'verification.presets',
  'events.list',
  'events.count',
  'events.get',
  'events.replayJobs',
  'events.rehearse',
  'events.replayOptions',
  'events.replayPlan',
  'events.resignedRequest',
  'captures.preview',
  'captures.status',
  'mappings.list',
  'mappings.rehearse',
  'workflows.list',
  'workspace.users',
  'workspace.objects',
  'workspace.tenants',
  'workspace.subscriptions',
  'workspace.audienceMembers',
  'workspace.workflowRuns',
  'templates.list',
  'templates.get',
  'templates.checkSecret',
  'config.export',
  'tunnel.status',
  'settings.get',
  'destinations.list',
  'deliveries.list',
  'responses.get',
  'shapes.list',
  'shapes.get',
  'shapes.export',
  'shapes.drift',
  'exports.preview',
  'fixtures.list',
  'fixtures.resolve',
  'fixtures.rehearse',
  'bundles.export',
  'bundles.preview',
];

describe('declared side effects', () => {
  it('are declared by every method that is not on the read-only list', () => {
    const methods = Object.keys(contract) as ApiMethod[];
    const undeclared = methods.filter((m) => !declaresChanges(m) && !READ_ONLY.includes(m));
    const readOnlyDeclaring = READ_ONLY.filter((m) => declaresChanges(m));
    expect({ undeclared, readOnlyDeclaring }).toEqual({ undeclared: [], readOnlyDeclaring: [] });
  });
});

describe('what a call changes', () => {
  const open: TestCore[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('config.import tells every UI about the mappings and workflows it created', async () => {
    const a = await startTestCore();
    const b = await startTestCore();
    open.push(a, b);
    const { id } = await a.source('orders');
    await a.call('mappings.create', { sourceId: id, eventType: 'placed', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
    await a.call('workflows.create', { environment: 'development', key: 'order-placed' });
    const file = await a.call('config.export', {});

    const pushed: PushMessage[] = [];
    b.core.subscribe((m) => pushed.push(m));
    await b.call('config.import', { file });
    const changed = pushed.flatMap((m) => (m.name === 'config.changed' ? [m.payload.what] : []));
    expect(new Set(changed)).toEqual(new Set(['environments', 'sources', 'mappings', 'workflows']));
  });

  it('sources.delete drops the deleted source from the cached mappings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inlet-changes-'));
    dirs.push(dir);
    const ctx = createCoreContext({ dataDir: dir, secretStore: memorySecretStore() }, { emit: () => {}, receiverUrl: () => '' });
    // sources.* and mappings.* drive none of the running services.
    const services = {} as PipelineServices;
    const dispatch = createDispatcher(createHandlers(ctx, services), { onChanged: (changes) => applyChanges(ctx, changes) });
    const call = async (method: ApiMethod, input: unknown) => {
      const result = await dispatch(method, input, { transport: 'internal' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    try {
      const source = (await call('sources.create', { key: 'orders' })) as { id: string };
      await call('mappings.create', { sourceId: source.id, eventType: 'placed', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
      expect(ctx.mappings.bySource(source.id)).toHaveLength(1);

      await call('sources.delete', { id: source.id });
      expect(ctx.mappings.bySource(source.id)).toEqual([]);
    } finally {
      ctx.db.close();
    }
  });
});
