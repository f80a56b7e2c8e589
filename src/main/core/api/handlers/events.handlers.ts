import { ApiFailure } from '../../../../shared/api/result';
import type { EventDetail } from '../../../../shared/domain/event';
import { parseBody } from '../../receiver/parse-body';
import type { StoredEvent } from '../../store/repos/events.repo';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';

type EventHandlers = Pick<Handlers, 'events.list' | 'events.get'>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toDetail(e: StoredEvent): EventDetail {
  let bodyText: string | null;
  try {
    bodyText = utf8.decode(e.body);
  } catch {
    bodyText = null;
  }
  const { body, ...rest } = e;
  return {
    ...rest,
    bodyText,
    bodyBase64: body.toString('base64'),
    parsedBody: parseBody(e.contentType, body).value,
  };
}

export function eventHandlers(ctx: CoreContext): EventHandlers {
  return {
    'events.list': (input) => ctx.events.list(input),
    'events.get': ({ id }) => {
      const event = ctx.events.get(id);
      if (!event) throw new ApiFailure('not_found', `No event ${id}`);
      return toDetail(event);
    },
  };
}
