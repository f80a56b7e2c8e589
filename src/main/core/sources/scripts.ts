import type { ApiOutput, ApiParsedInput } from '../../../shared/api/contract';
import { ApiFailure, invalidInput } from '../../../shared/api/result';
import type { CoreContext } from '../context';
import { toPreprocessOutput } from '../judge/preprocess';
import { routeFor } from '../judge/rejudge';
import { headerRecord, pastedRequest, type RecordedRequest } from '../request/event-context';
import { parseBody } from '../request/parse-body';
import { testScript } from '../script-sandbox';

/** The "Test script" button: a draft or the saved script, on a pasted or logged payload. */
export async function testSourceScript(
  ctx: CoreContext,
  { id, environment, script, payload }: ApiParsedInput<'sources.testScript'>,
): Promise<ApiOutput<'sources.testScript'>> {
  const route = routeFor(ctx, id, environment);
  const source = script ?? route.settings.preprocess?.script;
  if (source === undefined) throw invalidInput([{ path: ['script'], message: 'this source has no preprocess script; pass one' }]);
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
}

/** Lets an imported script run: approving also enables it. */
export function approveScript(ctx: CoreContext, id: string, environment: string): void {
  const source = ctx.sources.get(id);
  const settings = source?.settings.find((s) => s.environment === environment);
  if (!source || !settings) throw new ApiFailure('not_found', `No source "${id}" in environment "${environment}"`);
  if (!settings.preprocess) throw new ApiFailure('conflict', `${source.key} has no preprocess script in ${environment}`);
  ctx.sources.updateSettings({ ...settings, preprocess: { ...settings.preprocess, enabled: true, approved: true }, sourceId: id });
}
