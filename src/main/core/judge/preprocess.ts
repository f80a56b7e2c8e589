import type { PreprocessOutput } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { Route } from './routes';
import type { PreprocessResult, SandboxRunner } from '../script-sandbox';

export interface PreprocessParts {
  headers: Record<string, string>;
  body: Buffer;
  parsedBody: unknown;
}

/** The stored form of a sandbox result (already masked by the sandbox). */
export function toPreprocessOutput(result: PreprocessResult): PreprocessOutput {
  if (!result.ok) {
    const { kind, message, line } = result.error;
    return { ok: false, error: { kind, message, ...(line === undefined ? {} : { line }) }, logs: result.logs, durationMs: result.durationMs };
  }
  return {
    ok: true,
    ...(result.verified === undefined ? {} : { verified: result.verified }),
    extra: result.extra,
    logs: result.logs,
    durationMs: result.durationMs,
  };
}

export interface PreprocessCall {
  /** A draft script to run instead of the saved one ("test script"). */
  draft?: string;
  /**
   * Set by the receiver: a sender waits for this run. Aborted when the client goes away, which
   * drops the run if it hasn't started; and the run is refused (`busy`) when the source's queue
   * is full instead of waiting without bound. Replays and imports leave it out and wait their turn.
   */
  sender?: { gone: AbortSignal };
}

/**
 * Runs the route's saved script when it is enabled and approved (or `draft`, for "test script");
 * null when there is nothing to run. Runs are shared fairly between sources.
 */
export async function preprocessFor(sandbox: SandboxRunner, route: Route, parts: PreprocessParts, call: PreprocessCall = {}): Promise<PreprocessOutput | null> {
  const saved = route.settings.preprocess;
  const script = call.draft ?? (saved?.enabled && saved.approved ? saved.script : undefined);
  if (script === undefined) return null;
  const input = {
    source: script,
    ctx: { vars: route.vars.values, body: parts.parsedBody ?? null, rawBody: parts.body.toString('utf8'), headers: parts.headers },
    secretVarNames: route.vars.secretNames,
  };
  // Live traffic and the app's own replays queue apart, so a bulk replay never fills the queue
  // that senders are refused from.
  const result = call.sender
    ? await sandbox.run(input, { key: route.sourceId, signal: call.sender.gone, bounded: true })
    : await sandbox.run(input, { key: `${route.sourceId} (replay)` });
  return toPreprocessOutput(result);
}

/** How long a sender refused with `busy` is asked to wait before retrying. */
const BUSY_RETRY_AFTER_S = 1;

/**
 * When the sandbox did not run the script — the source's queue was full, or the client left
 * first — the request is answered 503 with `Retry-After` and logged, and nothing runs for it.
 */
export function sandboxRefusal(output: PreprocessOutput | null): { status: number; error: string; extraHeaders: Record<string, string> } | null {
  const error = output && !output.ok ? output.error : undefined;
  if (!error || (error.kind !== 'busy' && error.kind !== 'cancelled')) return null;
  return { status: 503, error: error.message, extraHeaders: { 'retry-after': String(BUSY_RETRY_AFTER_S) } };
}

/**
 * A script that returned `verified` decides verification (Knock's model); one that left it out
 * or failed leaves it to the source's declarative scheme.
 */
export function scriptVerdict(output: PreprocessOutput | null): VerificationResult | null {
  if (!output?.ok || output.verified === undefined) return null;
  return output.verified
    ? { status: 'verified', scheme: 'script' }
    : {
        status: 'failed',
        scheme: 'script',
        diagnosis: { code: 'no_match', message: 'The preprocess script returned verified: false.', hints: [] },
      };
}
