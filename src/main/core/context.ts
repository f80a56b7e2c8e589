import type { PushEventName, PushPayload } from '../../shared/api/events';
import type { Clock, Logger, SecretStore } from './ports';
import type { RouteTable } from './judge/routes';
import type { Db } from './store/db';
import type { EnvironmentsRepo } from './store/repos/environments.repo';
import type { EventsRepo } from './store/repos/events.repo';
import type { IdempotencyRepo } from './store/repos/idempotency.repo';
import type { MappingsRepo } from './store/repos/mappings.repo';
import type { SearchIndex } from './store/search-index';
import type { SettingsRepo } from './store/repos/settings.repo';
import type { SourcesRepo } from './store/repos/sources.repo';
import type { WorkspaceQueryRepo } from './store/repos/workspace-query.repo';
import type { WorkspaceRepo } from './store/repos/workspace.repo';
import type { SandboxRunner } from './script-sandbox';
import type { Processor } from './pipeline/processor';
import type { ReplayJobs } from './pipeline/replay-jobs';
import type { Pruner } from './retention/pruner';
import type { IngestQueue } from './receiver/ingest-queue';
import type { TunnelService } from './tunnel/tunnel-service';
import type { Forwarding } from './deliveries';
import type { DatabaseHealthState } from './store/database-health';

/**
 * The core's shared declarations: what every domain module works with. Types only (imports are
 * `import type`), so any folder may import this file without depending on the folders it names;
 * architecture.test.ts checks both.
 */

/** The running parts of the core that some handlers drive. */
export interface PipelineServices {
  processor: Processor;
  queue: IngestQueue;
  replays: ReplayJobs;
  tunnel: TunnelService;
  pruner: Pruner;
  indexer: SearchIndex;
  forwarding: Forwarding;
  health: DatabaseHealthState;
}

/** What handlers work with: the repos, the ports and the push channel. */
export interface CoreContext {
  db: Db;
  environments: EnvironmentsRepo;
  sources: SourcesRepo;
  events: EventsRepo;
  mappings: MappingsRepo;
  idempotency: IdempotencyRepo;
  workspace: WorkspaceRepo;
  workspaceQuery: WorkspaceQueryRepo;
  /** The connection searches run on: the log, with the full-text index attached (store/search-index.ts). */
  searchDb: Db;
  settings: SettingsRepo;
  routes: RouteTable;
  /** Where preprocess scripts run (a worker thread in the hosts, this thread in tests). */
  sandbox: SandboxRunner;
  secretStore: SecretStore;
  clock: Clock;
  logger: Logger;
  emit<N extends PushEventName>(name: N, payload: PushPayload<N>): void;
  info: { version: string; dataDir: string; receiverUrl(): string };
  /**
   * The header "send test event" adds so its delivery is logged with origin `test`. The value is
   * random per run, so an outside sender cannot dress an event up as a test.
   */
  testDelivery: { header: string; value: string };
}
