import type { NewEvent } from '../store/repos/events.repo';
import { createConnectionGuard } from './connection-guard';
import { createLogBudget } from './log-budget';
import { minimalEvent } from './minimal-record';
import type { ReceiverDeps, ReceiverOptions } from './receiver-server';

export const ENDPOINT_PREFIX = '/in/';
/** What is kept of a request to an unknown endpoint: enough to recognise it, too little to fill a disk. */
export const UNKNOWN_KEEP_BYTES = 4096;
/** Refused connections and requests Node's parser rejected, stored one by one per minute. */
const MINIMAL_RECORDS_PER_MINUTE = 300;
const MINUTE = 60_000;

export const tokenOf = (path: string) => path.slice(ENDPOINT_PREFIX.length).replace(/\/$/, '');

export type ReceiverContext = ReturnType<typeof createReceiverContext>;

/** The receiver's per-server state: connection caps and the budgets of records no secret is needed for. */
export function createReceiverContext(deps: ReceiverDeps, options: ReceiverOptions) {
  const { logger, queue, clock } = deps;
  const store = (event: NewEvent, what: string) =>
    queue.enqueue(event).catch((error: unknown) => {
      logger.error(`could not write ${what} to the log`, { error: String(error) });
      return null;
    });
  const summary = (error: string, status: number) => {
    logger.warn(error);
    void store(minimalEvent({ receivedAt: clock.now(), method: '', path: '', remoteAddress: null, status, error }), 'a summary');
  };
  const unknownBudget = createLogBudget({
    capPerWindow: options.unknownTokenBytesPerMinute,
    windowMs: MINUTE,
    clock,
    onDropped: ({ count, cost }) =>
      summary(`${count} requests to unknown endpoints (${cost} bytes) were not stored in the last minute: over the allowance of ${options.unknownTokenBytesPerMinute} bytes per minute. Each was answered 404.`, 404),
  });
  const minimalBudget = createLogBudget({
    capPerWindow: MINIMAL_RECORDS_PER_MINUTE,
    windowMs: MINUTE,
    clock,
    onDropped: ({ count }) =>
      summary(`${count} refused connections or malformed requests were not stored one by one in the last minute (over ${MINIMAL_RECORDS_PER_MINUTE} per minute). Each was answered and closed.`, 0),
  });
  const recordMinimal = (event: NewEvent) => (minimalBudget.take(1) ? store(event, 'a rejected request') : Promise.resolve(null));
  const routeOf = (path: string) => {
    const route = path.startsWith(ENDPOINT_PREFIX) ? deps.routes.lookup(tokenOf(path)) : undefined;
    return route ? { sourceId: route.sourceId, environment: route.environment } : undefined;
  };
  const guard = createConnectionGuard(options, (remoteAddress, reason) => {
    void recordMinimal(minimalEvent({ receivedAt: clock.now(), method: '', path: '', remoteAddress, status: 503, error: `Connection refused: ${reason}` }));
  });
  return { deps, options, guard, unknownBudget, minimalBudget, recordMinimal, routeOf };
}
