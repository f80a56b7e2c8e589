/**
 * Preprocess scripts shipped with templates (besides the sandbox's own Custom HTTP and Supabase
 * scripts). They run in the same sandbox as user scripts; connect saves them approved.
 */

/**
 * An event type made of two parts, `first.second` (`issues.opened`), or `first` alone when the
 * second is missing (`ping`). Event type paths read one value, so providers that split the type
 * between a header and the body (GitHub) or two body fields (Linear) need this.
 */
export function compositeEventScript(describe: string, first: string, second: string): string {
  return `// ${describe}
// Returns event = "<first>.<second>", or "<first>" when there is no second part.
async function main(ctx) {
  const body = ctx.body ?? {};
  const first = ${first};
  const second = ${second};
  if (typeof first !== "string" || first.length === 0) return {};
  return { event: typeof second === "string" && second.length > 0 ? first + "." + second : first };
}
`;
}

/** The variable the optional shared-secret script compares with. */
export const OPTIONAL_SECRET_VAR = 'WEBHOOK_SECRET';

/**
 * For senders that sign nothing but can add a header (PostHog destinations): verified only when
 * WEBHOOK_SECRET is set; without it `verified` is left out and the request stays "unverified".
 */
export const OPTIONAL_SECRET_SCRIPT = `// Optional shared secret: the sender adds "x-webhook-secret: <value>" (or Authorization: Bearer <value>).
// Without the ${OPTIONAL_SECRET_VAR} variable nothing is checked and the event stays unverified.
async function main(ctx) {
  const expected = ctx.vars["${OPTIONAL_SECRET_VAR}"];
  if (typeof expected !== "string" || expected.length === 0) return {};
  const authorization = ctx.headers["authorization"];
  const bearer = typeof authorization === "string" && authorization.startsWith("Bearer ") ? authorization.slice(7) : undefined;
  const received = ctx.headers["x-webhook-secret"] ?? bearer;
  return { verified: typeof received === "string" && crypto.timingSafeEqual(received, expected) };
}
`;

/** The optional-secret script as `scriptSecret` takes it. */
export const OPTIONAL_SECRET = {
  source: OPTIONAL_SECRET_SCRIPT,
  varName: OPTIONAL_SECRET_VAR,
  help: 'Optional. The value the sender puts in the x-webhook-secret header (or Authorization: Bearer).',
};

/** What to tell users of destinations that can add a header but sign nothing. */
export const OPTIONAL_SECRET_HINT =
  'Optional. Invent a long random value, add the header x-webhook-secret with it to the destination, and paste it here.';
