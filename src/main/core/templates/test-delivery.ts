import type { Template, TemplateSample } from '../../../shared/domain/template';
import type { VerificationConfig } from '../../../shared/domain/verification';
import { nestedDeeperThan } from '../../../shared/json/nesting';
import { signDelivery } from '../verification';
import { applyFresh, randomToken } from './fresh';

/** What is re-sent: a template sample, or a logged request's headers and raw body (and query, e.g. a fixture's). */
export type TestPayload =
  | { kind: 'sample'; sample: TemplateSample }
  | { kind: 'logged'; headers: Record<string, string>; body: Buffer; contentType: string | null; query?: string; method?: string };

export interface TestDeliveryInput {
  template: Pick<Template, 'fresh' | 'secretVar'>;
  payload: TestPayload;
  /** The environment's verification config (what its settings say now, not the template's). */
  config: VerificationConfig;
  /** The signing secret (SendGrid: the test key pair's private key); null signs nothing. */
  secret: string | null;
  /** The value of the template's secret variable, when it verifies in its script. */
  secretVarValue: string | null;
  now: number;
  /** Where the request goes, e.g. `http://127.0.0.1:4100/in/<token>`; URL-signing schemes sign it. */
  endpointUrl: string;
  /** Changes a sample's JSON body after its fresh values are set and before it is signed (`inlet send --set`). */
  edit?: (body: unknown) => unknown;
}

export interface TestDelivery {
  /** The logged request's (or fixture's) method; samples go as POST, as providers send them. */
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers a client sets itself, or that belonged to the original connection. */
const TRANSPORT_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'expect', 'accept-encoding']);

function bodyAndHeaders(input: TestDeliveryInput): { headers: Record<string, string>; body: Buffer; contentType: string } {
  const { payload, template, now } = input;
  if (payload.kind === 'sample') {
    const { sample } = payload;
    const fresh = applyFresh(template.fresh, sample.headers, sample.body, now);
    const body = input.edit ? input.edit(fresh.body) : fresh.body;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return { headers: fresh.headers, body: Buffer.from(text, 'utf8'), contentType: sample.contentType };
  }
  const contentType = payload.contentType ?? 'application/octet-stream';
  const headers = Object.fromEntries(Object.entries(payload.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)));
  const touchesBody = template.fresh.some((f) => f.in === 'body');
  // A body nested past the parse limit is re-sent as logged: refreshing it would walk every level.
  if (!touchesBody || !contentType.includes('json') || nestedDeeperThan(payload.body)) {
    return { ...applyFresh(template.fresh, headers, undefined, now), body: payload.body, contentType };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.body.toString('utf8'));
  } catch {
    return { headers, body: payload.body, contentType };
  }
  const fresh = applyFresh(template.fresh, headers, parsed, now);
  return { headers: fresh.headers, body: Buffer.from(JSON.stringify(fresh.body), 'utf8'), contentType };
}

/**
 * The request a provider would send for this payload now: renewed delivery ids and timestamps,
 * signed with the environment's secret, ready to send to `url` with `method`. Pure apart from randomness;
 * throws (from the signer) when the secret can't key the scheme.
 */
export function buildTestDelivery(input: TestDeliveryInput): TestDelivery {
  const { headers, body, contentType } = bodyAndHeaders(input);
  // Added before signing: URL-signing schemes (Twilio, Square, HubSpot) cover the query too.
  const query = input.payload.kind === 'logged' ? (input.payload.query ?? '').replace(/^\?/, '') : '';
  const endpointUrl = query === '' ? input.endpointUrl : `${input.endpointUrl}${input.endpointUrl.includes('?') ? '&' : '?'}${query}`;
  const endpoint = new URL(endpointUrl);
  const method = input.payload.kind === 'logged' ? (input.payload.method ?? 'POST') : 'POST';
  const path = endpoint.pathname + endpoint.search;
  if (input.template.secretVar && input.secretVarValue) {
    headers[input.template.secretVar.header] = `${input.template.secretVar.prefix}${input.secretVarValue}`;
  }
  if (input.config.scheme === 'none' || input.secret === null) {
    return { method, url: endpointUrl, headers: { ...headers, 'content-type': contentType }, body };
  }
  const signed = signDelivery({
    config: input.config,
    secret: input.secret,
    body,
    now: input.now,
    method,
    url: path,
    publicUrl: endpointUrl,
    contentType,
    // Mailgun's token has its own form; every other scheme that signs an id takes this one.
    ...(input.config.scheme === 'mailgun' ? {} : { id: `msg_${randomToken()}` }),
  });
  return {
    method,
    url: `${endpoint.origin}${signed.url}`,
    headers: { ...headers, 'content-type': contentType, ...signed.headers },
    body: signed.body,
  };
}
