import type { IndexScheduler } from '../../pipeline/index-scheduler';
import type { Processor } from '../../pipeline/processor';
import type { ReplayJobs } from '../../pipeline/replay-jobs';
import type { Pruner } from '../../retention/pruner';
import type { IngestQueue } from '../../receiver/ingest-queue';
import type { TunnelService } from '../../tunnel/tunnel-service';

/** The running parts of the core that some handlers drive. */
export interface PipelineServices {
  processor: Processor;
  queue: IngestQueue;
  replays: ReplayJobs;
  tunnel: TunnelService;
  pruner: Pruner;
  indexer: IndexScheduler;
}
