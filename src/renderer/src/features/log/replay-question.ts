import type { ApiOutput } from '../../../../shared/api/contract';

/** What `events.replayMany` replays at most by default. */
export const MAX_BULK_REPLAY = 10_000;

/** "Replay 1,234 events?" — the size of a bulk replay, said before it starts. */
export function replayQuestion({ count, capped }: ApiOutput<'events.count'>): string {
  if (count === 0) return 'No events match: nothing to replay.';
  const n = count.toLocaleString('en-US');
  if (capped || count > MAX_BULK_REPLAY) return `Replay the oldest ${MAX_BULK_REPLAY.toLocaleString('en-US')} of ${capped ? `more than ${n}` : n} events?`;
  return `Replay ${n} ${count === 1 ? 'event' : 'events'}?`;
}
