import { ApiFailure } from '../../../shared/api/result';
import type { ApiInput, ApiOutput } from '../../../shared/api/contract';
import { EventSummarySchema } from '../../../shared/domain/event';
import type { Source, SourceEnvSettings } from '../../../shared/domain/source';
import type { Template } from '../../../shared/domain/template';
import type { CoreContext } from '../context';
import type { PipelineServices } from '../context';
import type { Route } from '../judge/routes';
import { createP256TestKeyPair } from '../verification';
import { getTemplate } from '../templates/index';
import { sealedVar, sealSecret } from './secret-rows';
import { buildTestDelivery, type TestDelivery, type TestPayload } from '../templates/test-delivery';
import { applyOverrides } from './payload-overrides';
import { fixturePayload } from '../fixtures/fixture-payload';

/** SendGrid keeps its private key, so test events are signed with a pair of Inlet's own. */
export const TEST_KEY_LABEL = 'Inlet test key';
/** Where that pair's private half is kept (sealed) for the next test. */
export const TEST_KEY_VAR = 'INLET_TEST_SIGNING_KEY';

function payloadOf(ctx: CoreContext, template: Template | undefined, input: Pick<SendInput, 'sample' | 'sourceId' | 'environment'>): TestPayload {
  const { sample } = input;
  if ('fixtureId' in sample) return fixturePayload(ctx, sample.fixtureId, input.sourceId, input.environment);
  if ('eventId' in sample) {
    const event = ctx.events.get(sample.eventId);
    if (!event) throw new ApiFailure('not_found', `No event ${sample.eventId}`);
    return { kind: 'logged', headers: Object.fromEntries(event.headers), body: event.body, contentType: event.contentType, query: event.query, method: event.method };
  }
  if (!template) throw new ApiFailure('not_found', `This source was not made from a template, so it has no sample "${sample.sampleId}"; send a logged event instead`);
  const found = template.samples.find((s) => s.id === sample.sampleId);
  if (!found) throw new ApiFailure('not_found', `${template.name} has no sample "${sample.sampleId}"; it has ${template.samples.map((s) => s.id).join(', ')}`);
  return { kind: 'sample', sample: found };
}

/** The SendGrid test key pair: its public half is one of the environment's secrets, added once. */
function sendgridSigningKey(ctx: CoreContext, source: Source, settings: SourceEnvSettings, route: Route | undefined): string {
  const kept = route?.vars.values[TEST_KEY_VAR];
  if (kept && settings.secrets.some((s) => s.label === TEST_KEY_LABEL)) return kept;
  const pair = createP256TestKeyPair();
  const where = { sourceId: source.id, environment: settings.environment };
  ctx.sources.transaction(() => {
    ctx.sources.insertSecret(sealSecret(ctx, { ...where, secret: pair.publicKey, label: TEST_KEY_LABEL, existing: settings.secrets.length }));
    ctx.sources.upsertVar(sealedVar(ctx, { ...where, name: TEST_KEY_VAR, value: pair.privateKey }));
  });
  ctx.routes.invalidate();
  ctx.emit('config.changed', { what: 'sources' });
  return pair.privateKey;
}

function signingSecret(ctx: CoreContext, source: Source, settings: SourceEnvSettings, template: Template | undefined): string | null {
  const route = ctx.routes.forSource(source.id, settings.environment);
  switch (settings.verification.scheme) {
    case 'none':
      return null;
    case 'sendgrid':
      return sendgridSigningKey(ctx, source, settings, route);
    default: {
      const first = route?.secrets[0]?.value;
      if (first !== undefined) return first;
      throw new ApiFailure(
        'invalid_input',
        `Add the signing secret first: ${source.name} has no secret in ${settings.environment}, and ${template?.name ?? 'its'} requests are signed (${settings.verification.scheme}).`,
      );
    }
  }
}

function secretVarValue(ctx: CoreContext, source: Source, environment: string, template: Template | undefined): string | null {
  if (!template?.secretVar) return null;
  const value = ctx.routes.forSource(source.id, environment)?.vars.values[template.secretVar.name];
  if (value) return value;
  if (template.secretRequired) {
    throw new ApiFailure('invalid_input', `Add the secret first: set the ${template.secretVar.name} variable of ${source.name} in ${environment}.`);
  }
  return null;
}

type SendInput = ApiInput<'events.sendTest'>;

/** A sample whose body the caller replaced (`inlet send --data FILE`): JSON samples take JSON text. */
function withBody(payload: TestPayload, body: string | undefined): TestPayload {
  if (body === undefined) return payload;
  if (payload.kind !== 'sample') throw new ApiFailure('invalid_input', 'A replacement body applies to template samples, not logged events', [{ path: ['body'], message: 'not for logged events' }]);
  if (!payload.sample.contentType.includes('json')) return { kind: 'sample', sample: { ...payload.sample, body } };
  try {
    return { kind: 'sample', sample: { ...payload.sample, body: JSON.parse(body) as unknown } };
  } catch (error) {
    throw new ApiFailure('invalid_input', `The body is not JSON, which ${payload.sample.id} is sent as: ${(error as Error).message}`, [{ path: ['body'], message: 'not JSON' }]);
  }
}

/** The signed request for a sample or logged event, aimed at `endpointUrl` (the receiver or any URL). */
function prepareDelivery(ctx: CoreContext, input: SendInput, target: (endpointToken: string) => string): TestDelivery {
  const source = ctx.sources.get(input.sourceId);
  if (!source) throw new ApiFailure('not_found', `No source with id "${input.sourceId}"`);
  const settings = source.settings.find((s) => s.environment === input.environment);
  if (!settings) throw new ApiFailure('not_found', `No environment "${input.environment}"`);
  const template = getTemplate(source.templateId);
  const payload = withBody(payloadOf(ctx, template, input), input.body);
  const overrides = input.overrides ?? [];
  if (overrides.length > 0 && payload.kind !== 'sample') {
    throw new ApiFailure('invalid_input', 'Overrides apply to template samples, not logged events', [{ path: ['overrides'], message: 'not for logged events' }]);
  }
  // Checked before signing, so a bad override never creates the SendGrid key or sends anything.
  if (payload.kind === 'sample') applyOverrides(payload.sample.body, overrides);
  const secret = signingSecret(ctx, source, settings, template);
  try {
    return buildTestDelivery({
      template: template ?? { fresh: [], secretVar: null },
      payload,
      config: settings.verification,
      secret,
      secretVarValue: secretVarValue(ctx, source, input.environment, template),
      now: ctx.clock.now(),
      endpointUrl: target(settings.endpointToken),
      ...(overrides.length > 0 ? { edit: (body: unknown) => applyOverrides(body, overrides) } : {}),
    });
  } catch (error) {
    throw new ApiFailure('invalid_input', `The ${input.environment} secret can't sign ${settings.verification.scheme} requests: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** fetch refuses a body on GET and HEAD; a logged GET had none worth keeping. */
const bodyFor = (d: TestDelivery): Buffer | undefined => (d.method === 'GET' || d.method === 'HEAD' ? undefined : d.body);

/**
 * "Send test event": signs a sample (or a logged request) as the provider would — the
 * environment's secret, a fresh timestamp and new delivery ids, the caller's overrides applied
 * before signing — and POSTs it to the real receiver over HTTP. Returns the receiver's status and
 * the logged event once processed.
 */
export async function sendTestEvent(ctx: CoreContext, services: PipelineServices, input: SendInput): Promise<ApiOutput<'events.sendTest'>> {
  const delivery = prepareDelivery(ctx, input, (token) => `${ctx.info.receiverUrl()}/in/${token}`);
  // The per-run marker makes the receiver log this as a test event, not one from the provider.
  const headers = { ...delivery.headers, [ctx.testDelivery.header]: ctx.testDelivery.value };
  const response = await fetch(delivery.url, { method: delivery.method, headers, body: bodyFor(delivery) });
  const answer: unknown = await response.json().catch(() => null);
  const eventId = typeof answer === 'object' && answer !== null && 'event_id' in answer ? answer.event_id : undefined;
  if (typeof eventId !== 'number') throw new ApiFailure('internal', `The receiver answered ${response.status} without an event id`);
  // Processing normally follows on the next tick; doing it now lets the answer show the outcome.
  services.processor.drain();
  const event = ctx.events.get(eventId);
  if (!event) throw new ApiFailure('internal', `Event ${eventId} is not in the log`);
  return { status: response.status, event: EventSummarySchema.parse(event) };
}

/** Answers past this are cut: the caller wants to see what its endpoint said, not download it. */
const ANSWER_LIMIT = 64 * 1024;

/** The same signed request, sent to any URL (the user's own endpoint); nothing is logged. */
export async function sendSignedTo(ctx: CoreContext, input: ApiInput<'events.sendSigned'>): Promise<ApiOutput<'events.sendSigned'>> {
  const { url, timeoutMs, ...rest } = input;
  const delivery = prepareDelivery(ctx, rest, () => url);
  const started = ctx.clock.now();
  let response: Response;
  try {
    response = await fetch(delivery.url, { method: delivery.method, headers: delivery.headers, body: bodyFor(delivery), signal: AbortSignal.timeout(timeoutMs ?? 30_000) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new ApiFailure('internal', `Could not reach ${url}: ${cause}`);
  }
  const text = await response.text();
  return {
    status: response.status,
    latencyMs: ctx.clock.now() - started,
    headers: Object.fromEntries(response.headers),
    body: text.slice(0, ANSWER_LIMIT),
    sent: { headers: delivery.headers, body: delivery.body.toString('utf8') },
  };
}
