import { ApiFailure } from '../../../../shared/api/result';
import type { EventDetail } from '../../../../shared/domain/event';
import { parseBody } from '../../request/parse-body';
import { replayEvent } from '../../pipeline/replay';
import { replayOptionsFor, resignedRequestFor } from '../../pipeline/replay-options';
import { replayPlanFor } from '../../pipeline/replay-plan';
import { rehearseEvent } from '../../pipeline/rehearse';
import { pastedRequest } from '../../request/event-context';
import { importEvents } from '../../portability/import-events';
import { sendSignedTo, sendTestEvent } from '../../sources/send-test';
import { isCorruptionError } from '../../store/integrity';
import type { StoredEvent } from '../../store/repos/events.repo';
import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type EventHandlers = Pick<
  Handlers,
  | 'events.list'
  | 'events.count'
  | 'events.get'
  | 'events.replay'
  | 'events.replayMany'
  | 'events.replayOptions'
  | 'events.replayPlan'
  | 'events.resignedRequest'
  | 'events.replayJobs'
  | 'events.cancelReplay'
  | 'events.rehearse'
  | 'events.sendTest'
  | 'events.sendSigned'
  | 'events.import'
>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toDetail(e: StoredEvent, parsed: boolean, wanted: 'full' | 'text' | 'none'): EventDetail {
  const { body, ...rest } = e;
  const parsedBody = parsed ? parseBody(e.contentType, body).value : null;
  if (wanted === 'none') return { ...rest, bodyText: '', bodyBase64: '', parsedBody };
  let bodyText: string | null;
  try {
    bodyText = utf8.decode(body);
  } catch {
    bodyText = null;
  }
  const bodyBase64 = wanted === 'text' && bodyText !== null ? '' : body.toString('base64');
  return { ...rest, bodyText, bodyBase64, parsedBody };
}

export function eventHandlers(ctx: CoreContext, services: PipelineServices): EventHandlers {
  const mustGet = (id: number) => {
    const event = ctx.events.get(id);
    if (!event) throw new ApiFailure('not_found', `No event ${id}`);
    return event;
  };

  /**
   * A search first waits for the index to catch up (`{ searchBehind: true }` if it did not in
   * time). One that meets a damaged page in the index runs again once the index has started over
   * (behind, then: it is filled again from the log); damage in the log itself is thrown as it is.
   */
  const searching = async <T extends object>(search: string | undefined, read: () => T): Promise<T & { searchBehind?: true }> => {
    if (!search) return read();
    const behind = !(await services.indexer.catchUp());
    try {
      return { ...(behind ? { searchBehind: true as const } : {}), ...read() };
    } catch (error) {
      if (!isCorruptionError(error) || !(await services.indexer.recoverFromDamage())) throw error;
      return { searchBehind: true as const, ...read() };
    }
  };

  return {
    'events.list': (input) => searching(input.search, () => ctx.events.list(input)),
    'events.count': ({ cap, ...filter }) => searching(filter.search, () => ctx.events.countMatching(filter, cap)),
    'events.get': ({ id, parsed, body }) => toDetail(mustGet(id), parsed, body),
    'events.replay': ({ id, mode, respectIdempotency, edit }) => replayEvent(ctx, services.queue, id, { mode, respectIdempotency, edit }),
    'events.replayMany': ({ mode, respectIdempotency, max, ids, ...filter }) =>
      services.replays.start(filter, max, { mode, respectIdempotency }, ids),
    'events.replayOptions': ({ id }) => replayOptionsFor(ctx, id),
    'events.replayPlan': ({ max, ids, ...filter }) => replayPlanFor(ctx, services.replays.select(filter, max, ids)),
    'events.resignedRequest': ({ id }) => resignedRequestFor(ctx, id),
    'events.replayJobs': () => services.replays.list(),
    'events.cancelReplay': ({ jobId }) => ({ cancelled: services.replays.cancel(jobId) }),
    'events.rehearse': ({ sourceId, environment, payload }) =>
      rehearseEvent(ctx, sourceId, environment, 'eventId' in payload ? mustGet(payload.eventId) : pastedRequest(payload)),
    'events.sendTest': (input) => sendTestEvent(ctx, services, input),
    'events.sendSigned': (input) => sendSignedTo(ctx, input),
    'events.import': async (input) => ({ ids: await importEvents(ctx, services.queue, input) }),
  };
}
