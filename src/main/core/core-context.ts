import { join } from 'node:path';
import packageJson from '../../../package.json';
import { DEFAULT_ENVIRONMENTS } from '../../shared/domain/environment';
import type { CoreContext } from './context';
import { silentLogger, systemClock, type CorePorts } from './ports';
import { createRouteTable } from './judge/routes';
import { createSecretHealth, withSecretHealth } from './secrets/secret-health';
import { openDatabase } from './store/db';
import { openSearchReader, SEARCH_INDEX_FILE } from './store/search-index';
import { createEnvironmentsRepo } from './store/repos/environments.repo';
import { createEventsRepo } from './store/repos/events.repo';
import { createIdempotencyRepo } from './store/repos/idempotency.repo';
import { createMappingsRepo } from './store/repos/mappings.repo';
import { createSettingsRepo } from './store/repos/settings.repo';
import { createSourcesRepo } from './store/repos/sources.repo';
import { createWorkspaceQueryRepo } from './store/repos/workspace-query.repo';
import { createWorkspaceRepo } from './store/repos/workspace.repo';
import { newId } from './util/ids';
import { handshakeOf } from './templates';
import { inThreadRunner, type SandboxRunner } from './script-sandbox';

export interface ContextHooks {
  emit: CoreContext['emit'];
  receiverUrl(): string;
  nativeBinding?: string | undefined;
  sandbox?: SandboxRunner | undefined;
  /** The start-up check at open (`openDatabase`'s option); by default only a small file is checked there. */
  checkIntegrity?: boolean | 'if-small';
}

/**
 * Opens the database (migrating it, seeding the default environments) and builds every repo the
 * handlers and the pipeline share. No servers: `createCore` adds those; benchmarks use this alone.
 */
export function createCoreContext(ports: CorePorts, hooks: ContextHooks): CoreContext {
  const clock = ports.clock ?? systemClock;
  const db = openDatabase(join(ports.dataDir, 'inlet.db'), { nativeBinding: hooks.nativeBinding, checkIntegrity: hooks.checkIntegrity });
  let searchDb;
  try {
    searchDb = openSearchReader(db, join(ports.dataDir, SEARCH_INDEX_FILE), hooks.nativeBinding);
  } catch (error) {
    db.close();
    throw error;
  }
  const environments = createEnvironmentsRepo(db);
  if (environments.count() === 0) {
    db.transaction(() => DEFAULT_ENVIRONMENTS.forEach((e) => environments.insert(e.key, e.name, clock.now())))();
  }
  const rawSources = createSourcesRepo(db);
  // Reads through the API say which saved secrets can't be opened here; the receiver opens the raw rows.
  const sources = withSecretHealth(rawSources, createSecretHealth(ports.secretStore));
  return {
    db,
    environments,
    sources,
    events: createEventsRepo(db, searchDb),
    mappings: createMappingsRepo(db),
    idempotency: createIdempotencyRepo(db),
    workspace: createWorkspaceRepo(db),
    workspaceQuery: createWorkspaceQueryRepo(db),
    searchDb,
    settings: createSettingsRepo(db),
    routes: createRouteTable(rawSources, ports.secretStore, handshakeOf),
    sandbox: hooks.sandbox ?? inThreadRunner,
    secretStore: ports.secretStore,
    clock,
    logger: ports.logger ?? silentLogger,
    emit: hooks.emit,
    info: { version: packageJson.version, dataDir: ports.dataDir, receiverUrl: hooks.receiverUrl },
    testDelivery: { header: 'x-inlet-test-delivery', value: newId('test') },
  };
}
