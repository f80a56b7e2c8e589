import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { Clock, Logger } from '../ports';
import { initialProcessing, type NewEvent } from '../store/repos/events.repo';
import type { PreprocessOutput } from '../../../shared/domain/event';
import { preprocessFor } from '../pipeline/preprocess';
import type { SandboxRunner } from '../script-sandbox';
import { answerHandshake, type HandshakeAnswer } from '../templates';
import { assess, type AssessedRequest } from './assess';
import type { BodyOutcome } from './read-body';
import { readBody } from './read-body';
import type { IngestQueue } from './ingest-queue';
import { parseBody } from './parse-body';
import { queryRecord } from '../pipeline/event-context';
import type { Route, RouteTable } from './routes';

export interface ReceiverOptions {
  host: string;
  port: number;
  bodyLimitBytes: number;
  idleTimeoutMs: number;
}

export interface ReceiverDeps {
  routes: RouteTable;
  queue: IngestQueue;
  clock: Clock;
  logger: Logger;
  sandbox: SandboxRunner;
  /** Whether any mapping is active for the source there; events without one skip the pipeline. */
  hasMappings: (sourceId: string, environment: string) => boolean;
  /** Whether the request was sent by "send test event" (it carries the core's test marker). */
  isTestDelivery: (headers: Record<string, string>) => boolean;
  /** The tunnel's end-to-end probe: answered, never logged (it is not a webhook). */
  isProbePath: (pathname: string) => boolean;
}

const ACCEPTED_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const ENDPOINT_PREFIX = '/in/';
const NOT_VERIFIED: VerificationResult = { status: 'unverified', scheme: 'none' };

/** What Inlet answers, before it is logged with the request. */
interface Verdict {
  status: number;
  error: string | null;
  extraHeaders?: Record<string, string>;
}

/**
 * The public receiver: `/in/<token>` only. Every request is written to the log before it is
 * answered, whatever the answer; a 2xx means the event is durable.
 */
export async function startReceiver(deps: ReceiverDeps, options: ReceiverOptions) {
  const server: Server = createServer((req, res) => void handle(deps, options, req, res));
  // Our own idle timer answers slow clients with a logged 408; Node's would answer unlogged.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function handle(deps: ReceiverDeps, options: ReceiverOptions, req: IncomingMessage, res: ServerResponse) {
  const receivedAt = deps.clock.now();
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const queryString = q < 0 ? '' : rawUrl.slice(q + 1);
  if (req.method === 'GET' && deps.isProbePath(path)) {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
    return;
  }
  const token = path.startsWith(ENDPOINT_PREFIX) ? path.slice(ENDPOINT_PREFIX.length).replace(/\/$/, '') : null;
  const route = token ? deps.routes.lookup(token) : undefined;

  const outcome = await readBody(req, { limitBytes: options.bodyLimitBytes, idleTimeoutMs: options.idleTimeoutMs });
  if (outcome.kind === 'aborted') return; // the client is gone; there is nobody to answer

  const headers = headerRecord(req);
  const contentType = headers['content-type'] ?? null;
  const body = outcome.kind === 'complete' ? outcome.body : Buffer.alloc(0);
  const parsed = outcome.kind === 'complete' ? parseBody(contentType, body) : { value: null, parseError: null };

  const rejected = rejectBeforeVerifying(route, req.method ?? 'GET', outcome, options);
  const judged =
    rejected || !route
      ? { ...UNJUDGED, verdict: rejected ?? { status: 404, error: 'Unknown endpoint' } }
      : await judge(deps, route, { method: req.method ?? 'POST', url: rawUrl, headers, query: queryRecord(queryString), body, parsedBody: parsed.value }, receivedAt);
  const { verdict: final, handshake } = judged;

  const event: NewEvent = {
    receivedAt,
    sourceId: route?.sourceId ?? null,
    environment: route?.environment ?? null,
    method: req.method ?? 'GET',
    path,
    query: queryString,
    headers: headerPairs(req.rawHeaders),
    contentType,
    body,
    parseError: parsed.parseError,
    eventType: judged.eventType,
    idempotencyKey: judged.idempotencyKey,
    verification: judged.verification,
    responseStatus: final.status,
    error: final.error,
    remoteAddress: req.socket.remoteAddress ?? null,
    // An endpoint check is the provider's handshake, not an event: logged, never mapped.
    ...initialProcessing(
      route !== undefined && final.status < 300 && !handshake,
      route !== undefined && deps.hasMappings(route.sourceId, route.environment),
    ),
    replayOf: null,
    replayMode: null,
    origin: deps.isTestDelivery(headers) ? 'test' : 'received',
    dedupe: true,
    preprocessOutput: judged.preprocess,
  };

  let id: number;
  try {
    id = await deps.queue.enqueue(event);
  } catch (error) {
    deps.logger.error('could not write a received request to the log', { error: String(error) });
    return reply(res, 503, { ok: false, error: 'Inlet could not store this request; retry later' }, true);
  }
  const closeAfter = outcome.kind !== 'complete';
  if (handshake) return reply(res, handshake.status, handshake.body, closeAfter);
  if (final.status >= 400) return reply(res, final.status, { ok: false, error: final.error, event_id: id }, closeAfter, final.extraHeaders);
  reply(res, final.status, { ok: true, event_id: id }, closeAfter);
}

interface Judgement {
  verdict: Verdict;
  verification: VerificationResult;
  eventType: string | null;
  idempotencyKey: string | null;
  preprocess: PreprocessOutput | null;
  /** Set when the request was the provider's endpoint check, answered by the receiver itself. */
  handshake: HandshakeAnswer | null;
}

const UNJUDGED: Omit<Judgement, 'verdict'> = { verification: NOT_VERIFIED, eventType: null, idempotencyKey: null, preprocess: null, handshake: null };

/** Script, verification, event type, idempotency key, handshake and the answer, for a routed request. */
async function judge(deps: ReceiverDeps, route: Route, request: Omit<AssessedRequest, 'preprocess'>, now: number): Promise<Judgement> {
  const preprocess = await preprocessFor(deps.sandbox, route, { headers: request.headers, body: request.body, parsedBody: request.parsedBody });
  const assessed = assess(route, { ...request, preprocess }, { now });
  const judged = { verification: assessed.verification, eventType: assessed.eventType, idempotencyKey: assessed.idempotencyKey, preprocess };
  const handshake =
    route.handshake && assessed.status < 300
      ? answerHandshake(route.handshake, {
          parsedBody: request.parsedBody,
          secrets: route.secrets.map((s) => s.value),
          verified: assessed.verification.status === 'verified',
        })
      : null;
  if (handshake) {
    return { ...judged, handshake, verdict: { status: handshake.status, error: handshake.status < 300 ? null : 'Endpoint check not answered' } };
  }
  return { ...judged, handshake: null, verdict: { status: assessed.status, error: assessed.error } };
}

function rejectBeforeVerifying(route: Route | undefined, method: string, outcome: BodyOutcome, options: ReceiverOptions): Verdict | null {
  if (outcome.kind === 'too_large') {
    const size = outcome.declared ?? outcome.received;
    return { status: 413, error: `Body of ${size} bytes or more exceeds the limit of ${options.bodyLimitBytes} bytes` };
  }
  if (outcome.kind === 'stalled') {
    return { status: 408, error: `Client sent nothing for ${outcome.idleMs} ms after ${outcome.received} bytes` };
  }
  if (!route) return { status: 404, error: 'Unknown endpoint' };
  if (!ACCEPTED_METHODS.has(method)) {
    return { status: 405, error: `Method ${method} not accepted; send POST, PUT or PATCH`, extraHeaders: { allow: 'POST, PUT, PATCH' } };
  }
  if (!route.settings.enabled) {
    return { status: 403, error: `This source is disabled in the ${route.environment} environment` };
  }
  return null;
}

function reply(res: ServerResponse, status: number, payload: unknown, close: boolean, extra: Record<string, string> = {}) {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
    ...extra,
  });
  res.end(text);
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function headerPairs(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
}

