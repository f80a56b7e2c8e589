import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, Logger } from '../ports';
import type { SandboxRunner } from '../script-sandbox';
import { readBody } from './read-body';
import type { IngestQueue } from './ingest-queue';
import { DatabaseBusyError } from '../util/sqlite-errors';
import { parseBody, type ParsedBody } from '../request/parse-body';
import { queryRecord } from '../request/event-context';
import type { RouteTable } from '../judge/routes';
import type { ConnectionState } from './connection-guard';
import { createClientErrorHandler } from './client-error';
import { minimalEvent } from './minimal-record';
import { createReceiverContext, ENDPOINT_PREFIX, tokenOf, UNKNOWN_KEEP_BYTES, type ReceiverContext } from './receiver-context';
import { internalError, judge, unjudged, type Judgement, type Verdict } from '../judge/judge';
import { rejectBeforeVerifying } from './reject';
import { newEvent } from '../judge/new-event';
import type { AnswerChooser } from '../deliveries/responses';

export interface ReceiverOptions {
  host: string;
  port: number;
  bodyLimitBytes: number;
  idleTimeoutMs: number;
  /** Headers and body of one request must arrive within this; else 408 (logged). */
  requestDeadlineMs: number;
  maxConnections: number;
  maxConnectionsPerAddress: number;
  /** Bytes of requests to unknown endpoints stored per minute; beyond, they are answered but only counted. */
  unknownTokenBytesPerMinute: number;
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
  /** Corrects a logged event's answer when the sender got another one (0: none); see EventsRepo.recordAnswer. */
  recordAnswer: (id: number, status: number, error: string) => void;
  /** The source's chosen answer (fixed, delayed, failing, passthrough) when it has one; undefined: Inlet's own. */
  answerChooser?: (sourceId: string, environment: string) => AnswerChooser | undefined;
}

const EMPTY = Buffer.alloc(0);
const UNPARSED: ParsedBody = { value: null, parseError: null };
const NEVER_GONE = new AbortController().signal;

function goneSignal(res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  return gone.signal;
}

/**
 * The public receiver: `/in/<token>` only. Every request is written to the log before it is
 * answered, whatever the answer; a 2xx means the event is durable. What Node's parser rejects,
 * what exceeds the deadline and what the connection caps refuse is answered and logged too.
 */
export async function startReceiver(deps: ReceiverDeps, options: ReceiverOptions) {
  const ctx = createReceiverContext(deps, options);
  const deadline = options.requestDeadlineMs;
  // Node measures the deadline from a request's first byte to its last; on expiry it reports a
  // `clientError`, which we answer 408 and log (its own answer would go unlogged).
  const server: Server = createServer(
    { requestTimeout: deadline, headersTimeout: deadline, connectionsCheckingInterval: Math.min(1_000, Math.max(25, deadline / 10)) },
    (req, res) => void handle(ctx, req, res),
  );
  server.keepAliveTimeout = 5_000;
  server.on('connection', ctx.guard.onConnection);
  server.on('clientError', createClientErrorHandler({
    guard: ctx.guard,
    now: () => deps.clock.now(),
    deadlineMs: deadline,
    routeOf: ctx.routeOf,
    record: ctx.recordMinimal,
  }));
  // Any `Expect` but 100-continue: Node would answer 417 itself, unlogged.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => void handle(ctx, req, res, String(req.headers.expect)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    /** Connections open now (tests, diagnostics). */
    get openConnections() {
      return ctx.guard.open;
    },
    close: () =>
      new Promise<void>((resolve) => {
        ctx.unknownBudget.flush();
        ctx.minimalBudget.flush();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Never rejects: whatever fails is answered 500 and logged, and the process lives. */
async function handle(ctx: ReceiverContext, req: IncomingMessage, res: ServerResponse, expectation?: string): Promise<void> {
  const conn = ctx.guard.stateOf(req.socket);
  if (!conn) return void req.socket.destroy(); // a refused connection: already answered 503
  const seq = ++conn.started;
  try {
    await receive(ctx, conn, seq, req, res, expectation);
  } catch (error) {
    try {
      await failInternally(ctx, conn, seq, req, res, error);
    } catch {
      req.socket.destroy();
    }
  }
}

async function receive(ctx: ReceiverContext, conn: ConnectionState, seq: number, req: IncomingMessage, res: ServerResponse, expectation?: string) {
  const { deps, options } = ctx;
  const receivedAt = deps.clock.now();
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const queryString = q < 0 ? '' : rawUrl.slice(q + 1);
  const method = req.method ?? 'GET';
  if (method === 'GET' && deps.isProbePath(path)) {
    conn.answered = seq;
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
    return;
  }
  const route = path.startsWith(ENDPOINT_PREFIX) ? deps.routes.lookup(tokenOf(path)) : undefined;

  const outcome =
    expectation !== undefined
      ? { kind: 'complete' as const, body: EMPTY, received: 0 }
      : await readBody(req, {
          limitBytes: options.bodyLimitBytes,
          idleTimeoutMs: options.idleTimeoutMs,
          keepBytes: route ? undefined : UNKNOWN_KEEP_BYTES,
          connection: conn,
        });
  if (outcome.kind === 'aborted') {
    conn.answered = seq;
    return; // the client is gone; there is nobody to answer
  }

  const headers = headerRecord(req);
  const contentType = headers['content-type'] ?? null;
  // An interrupted body is kept as far as it came: the log shows what the sender managed to send.
  const body = outcome.kind === 'complete' || outcome.kind === 'interrupted' ? outcome.body : EMPTY;
  const parsed = outcome.kind === 'complete' ? parseBody(contentType, body) : UNPARSED;

  const rejected = rejectBeforeVerifying(route, method, outcome, { bodyLimitBytes: options.bodyLimitBytes, expectation });
  let judged: Judgement;
  if (rejected || !route) judged = unjudged(rejected ?? { status: 404, error: 'Unknown endpoint' });
  else {
    try {
      // A client gone before its answer drops its script run if it hasn't started (only a
      // scripted source pays for the signal: the hot path has no script).
      const gone = route.settings.preprocess?.enabled ? goneSignal(res) : NEVER_GONE;
      judged = await judge(deps.sandbox, route, { method, url: rawUrl, headers, query: queryRecord(queryString), body, parsedBody: parsed.value }, receivedAt, gone);
    } catch (error) {
      deps.logger.error('judging a received request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      judged = internalError(error);
    }
  }
  // Node's parser may have rejected what followed this request meanwhile: the sender reads that answer.
  const late = conn.rejection?.seq === seq ? conn.rejection : null;
  const final: Verdict = late ? { status: late.status, error: late.error } : judged.verdict;
  const handshake = late ? null : judged.handshake;
  let closeAfter = outcome.kind !== 'complete' || late !== null || expectation !== undefined;

  if (!route && !ctx.unknownBudget.take(body.length + path.length + rawHeaderBytes(req.rawHeaders))) {
    conn.answered = seq;
    return reply(res, final.status, { ok: false, error: final.error }, closeAfter);
  }

  const event = newEvent(
    { receivedAt, sourceId: route?.sourceId ?? null, environment: route?.environment ?? null, method, path, query: queryString,
      headers: headerPairs(req.rawHeaders), contentType, body, parsed, remoteAddress: req.socket.remoteAddress ?? null },
    { verification: judged.verification, eventType: judged.eventType, idempotencyKey: judged.idempotencyKey,
      preprocess: judged.preprocess, status: final.status, error: final.error, handshake: handshake !== null },
    { origin: deps.isTestDelivery(headers) ? 'test' : 'received', hasMappings: route !== undefined && deps.hasMappings(route.sourceId, route.environment) },
  );

  let id: number;
  try {
    id = await deps.queue.enqueue(event, { ifRefused: 'log-503' });
  } catch (error) {
    conn.answered = seq;
    const retryAfter = error instanceof DatabaseBusyError ? { 'retry-after': String(error.retryAfterSeconds) } : undefined;
    // A locked database is logged once per streak by the ingest queue, not once per request.
    if (!retryAfter) deps.logger.error('could not write a received request to the log', { error: String(error) });
    return reply(res, 503, { ok: false, error: 'Inlet could not store this request; retry later' }, true, retryAfter);
  }
  conn.answered = seq;
  // What the sender gets may no longer be what was logged: the record follows what is sent.
  const later = late === null && conn.rejection?.seq === seq ? conn.rejection : null;
  if (later) {
    deps.recordAnswer(id, later.status, later.error);
    return reply(res, later.status, { ok: false, error: later.error, event_id: id }, true);
  }
  if (req.socket.destroyed) {
    return deps.recordAnswer(id, 0, `Not answered: the client closed the connection before Inlet could answer ${final.status}`);
  }
  closeAfter ||= conn.rejection !== null;
  if (handshake) return reply(res, handshake.status, handshake.body, closeAfter);
  const chooser = route && final.status < 300 ? deps.answerChooser?.(route.sourceId, route.environment) : undefined;
  if (chooser) return answerAsChosen(deps, res, id, chooser, () => reply(res, final.status, { ok: true, event_id: id }, closeAfter));
  if (final.status >= 400) return reply(res, final.status, { ok: false, error: final.error, event_id: id }, closeAfter, final.extraHeaders);
  reply(res, final.status, { ok: true, event_id: id }, closeAfter);
}

/** After the event is committed: the answer the source's response settings choose, written to the log too. */
async function answerAsChosen(deps: ReceiverDeps, res: ServerResponse, id: number, chooser: AnswerChooser, ours: () => void) {
  const chosen = await chooser(id);
  if (!chosen) return ours();
  if (res.destroyed) return deps.recordAnswer(id, 0, `Not answered: the client left before the chosen answer (${chosen.status}) was ready`);
  if (chosen.status < 200 || chosen.status >= 300) deps.recordAnswer(id, chosen.status, chosen.note);
  res.writeHead(chosen.status, Object.assign({}, chosen.headers, { 'content-length': Buffer.byteLength(chosen.body) })).end(chosen.body);
}

async function failInternally(ctx: ReceiverContext, conn: ConnectionState, seq: number, req: IncomingMessage, res: ServerResponse, error: unknown) {
  const { deps } = ctx;
  conn.answered = seq;
  deps.logger.error('the receiver failed on a request', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  const rawUrl = req.url ?? '/';
  const path = rawUrl.split('?', 1)[0] ?? '';
  const message = internalError(error).verdict.error ?? 'Internal error';
  const routed = ctx.routeOf(path);
  const id = await ctx.recordMinimal(
    minimalEvent({ receivedAt: deps.clock.now(), method: req.method ?? '', path, remoteAddress: req.socket.remoteAddress ?? null, status: 500, error: message,
      sourceId: routed?.sourceId, environment: routed?.environment }),
  );
  if (res.headersSent || req.socket.destroyed) return void req.socket.destroy();
  const answer = 'Inlet failed on this request; it is in the log';
  reply(res, 500, id === null ? { ok: false, error: answer } : { ok: false, error: answer, event_id: id }, true);
}

function reply(res: ServerResponse, status: number, payload: unknown, close: boolean, extra?: Record<string, string>) {
  const text = JSON.stringify(payload);
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
  if (close) headers.connection = 'close';
  if (extra) Object.assign(headers, extra);
  res.writeHead(status, headers);
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

function rawHeaderBytes(raw: string[]): number {
  let n = 0;
  for (const part of raw) n += part.length + 2;
  return n;
}
