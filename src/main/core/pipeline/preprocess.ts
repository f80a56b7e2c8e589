import type { PreprocessOutput } from '../../../shared/domain/event';
import type { VerificationResult } from '../../../shared/domain/verification';
import type { Route } from '../receiver/routes';
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

/**
 * Runs the route's saved script when it is enabled and approved (or `draft`, for "test script");
 * null when there is nothing to run.
 */
export async function preprocessFor(sandbox: SandboxRunner, route: Route, parts: PreprocessParts, draft?: string): Promise<PreprocessOutput | null> {
  const saved = route.settings.preprocess;
  const script = draft ?? (saved?.enabled && saved.approved ? saved.script : undefined);
  if (script === undefined) return null;
  const result = await sandbox.run({
    source: script,
    ctx: { vars: route.vars.values, body: parts.parsedBody ?? null, rawBody: parts.body.toString('utf8'), headers: parts.headers },
    secretVarNames: route.vars.secretNames,
  });
  return toPreprocessOutput(result);
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
