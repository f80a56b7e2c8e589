import { ApiFailure } from '../../../../shared/api/result';
import { parseBody } from '../../request/parse-body';
import { headerRecord, pastedRequest, type RecordedRequest } from '../../request/event-context';
import { toPreprocessOutput } from '../../judge/preprocess';
import { routeFor } from '../../judge/rejudge';
import { testScript } from '../../script-sandbox';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';

type ScriptHandlers = Pick<Handlers, 'sources.testScript'>;

export function scriptHandlers(ctx: CoreContext): ScriptHandlers {
  return {
    /** The "Test script" button: a draft or the saved script, on a pasted or logged payload. */
    'sources.testScript': async ({ id, environment, script, payload }) => {
      const route = routeFor(ctx, id, environment);
      const source = script ?? route.settings.preprocess?.script;
      if (source === undefined) throw new ApiFailure('invalid_input', 'This source has no preprocess script; pass one as `script`');
      let request: RecordedRequest;
      if ('eventId' in payload) {
        const event = ctx.events.get(payload.eventId);
        if (!event) throw new ApiFailure('not_found', `No event ${payload.eventId}`);
        request = event;
      } else {
        request = pastedRequest(payload);
      }
      const report = await testScript({
        source,
        ctx: {
          vars: route.vars.values,
          body: parseBody(request.contentType, request.body).value ?? null,
          rawBody: request.body.toString('utf8'),
          headers: headerRecord(request.headers),
        },
        secretVarNames: route.vars.secretNames,
      }, ctx.sandbox.run);
      return { output: toPreprocessOutput(report), pretty: report.pretty };
    },
  };
}
