import type { Processor } from '../../pipeline/processor';
import type { ReplayJobs } from '../../pipeline/replay-jobs';
import type { IngestQueue } from '../../receiver/ingest-queue';

/** The running parts of the core that some handlers drive (replay writes through the ingest queue). */
export interface PipelineServices {
  processor: Processor;
  queue: IngestQueue;
  replays: ReplayJobs;
}
