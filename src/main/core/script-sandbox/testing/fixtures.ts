import type { PreprocessContext, PreprocessLimits } from '../types.js';

/** A request as the receiver would hand it to a script. */
export function requestCtx(overrides: Partial<PreprocessContext> = {}): PreprocessContext {
  const body = overrides.body ?? { type: 'user.created', data: { id: 'user_1' } };
  return {
    vars: {},
    body,
    rawBody: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    ...overrides,
  };
}

/**
 * For tests about results rather than limits: a budget no loaded CI machine will exceed, so
 * they can't flake on timing.
 */
export const RELAXED: Partial<PreprocessLimits> = { timeoutMs: 2_000 };

export const NORMAL_SCRIPT = `async function main(ctx) {
  return { verified: ctx.headers["x-ok"] === "yes", type: ctx.body.type };
}`;
