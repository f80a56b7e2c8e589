import type { Route } from '../judge/routes';
import type { Verdict } from '../judge/judge';
import type { BodyOutcome } from './read-body';

const ACCEPTED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface RejectOptions {
  bodyLimitBytes: number;
  /** Set for a request with an `Expect` other than 100-continue: answered 417 unread. */
  expectation?: string;
}

/** The answers decided before any script or verification runs. */
export function rejectBeforeVerifying(route: Route | undefined, method: string, outcome: BodyOutcome, options: RejectOptions): Verdict | null {
  if (options.expectation !== undefined) {
    return { status: 417, error: `Expectation "${options.expectation.slice(0, 100)}" not supported; only 100-continue is` };
  }
  if (outcome.kind === 'too_large') {
    const size = outcome.declared ?? outcome.received;
    return { status: 413, error: `Body of ${size} bytes or more exceeds the limit of ${options.bodyLimitBytes} bytes` };
  }
  if (outcome.kind === 'stalled') {
    return { status: 408, error: `Client sent nothing for ${outcome.idleMs} ms after ${outcome.received} bytes` };
  }
  if (outcome.kind === 'interrupted') return { status: outcome.status, error: outcome.error };
  if (!route) {
    const truncated = outcome.kind === 'complete' && outcome.received > outcome.body.length;
    const note = truncated ? `; only the first ${outcome.body.length} of its ${outcome.received} bytes were stored` : '';
    return { status: 404, error: `Unknown endpoint${note}` };
  }
  if (!ACCEPTED_METHODS.has(method)) {
    return { status: 405, error: `Method ${method} not accepted; send POST, PUT or PATCH`, extraHeaders: { allow: 'POST, PUT, PATCH' } };
  }
  if (!route.settings.enabled) {
    return { status: 403, error: `This source is disabled in the ${route.environment} environment` };
  }
  return null;
}
