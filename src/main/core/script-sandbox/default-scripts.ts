/** A variable a default script reads; the source form shows these as fields to fill in. */
export interface ScriptVar {
  name: string;
  secret: boolean;
  required: boolean;
  description: string;
}

/** A preprocess script shipped with Inlet, as data: the source plus the vars it expects. */
export interface DefaultScript {
  id: 'custom-http' | 'supabase-database';
  name: string;
  description: string;
  source: string;
  vars: readonly ScriptVar[];
  /** Keys the script returns besides `verified`, i.e. the `preprocess.*` paths it offers. */
  extras: readonly string[];
}

/**
 * Knock's default for a Custom HTTP source: the sender puts a shared secret in `X-Webhook-Secret`.
 * Knock compares with `===`; this one uses the constant-time helper and refuses a blank secret.
 */
export const CUSTOM_HTTP_SCRIPT: DefaultScript = {
  id: 'custom-http',
  name: 'Custom HTTP (shared secret header)',
  description: 'Verified when X-Webhook-Secret equals the CUSTOM_HTTP_SIGNING_SECRET variable.',
  vars: [
    {
      name: 'CUSTOM_HTTP_SIGNING_SECRET',
      secret: true,
      required: true,
      description: 'The value your sender puts in the X-Webhook-Secret header.',
    },
  ],
  extras: [],
  source: `// Verifies requests that carry a shared secret in the X-Webhook-Secret header.
// ctx = { vars, body, rawBody, headers } — header names are lower-case.
async function main(ctx) {
  const expected = ctx.vars["CUSTOM_HTTP_SIGNING_SECRET"];
  const received = ctx.headers["x-webhook-secret"] ?? ctx.headers["X-Webhook-Secret"];

  // A blank secret must never verify anything.
  const verified =
    typeof expected === "string" && expected.length > 0 &&
    typeof received === "string" &&
    crypto.timingSafeEqual(received, expected);

  return { verified };
}
`,
};

/**
 * Supabase database webhooks (`{type, table, schema, record, old_record}`) are not signed. The
 * script names the event `schema.table:TYPE` (Knock's convention, e.g. `auth.users:INSERT`) and
 * derives an idempotency key; it verifies only if the user adds a secret header in Supabase.
 */
export const SUPABASE_DATABASE_SCRIPT: DefaultScript = {
  id: 'supabase-database',
  name: 'Supabase database webhook',
  description:
    'Names events schema.table:TYPE and builds an idempotency key; verifies a shared secret header if SUPABASE_WEBHOOK_SECRET is set.',
  vars: [
    {
      name: 'SUPABASE_WEBHOOK_SECRET',
      secret: true,
      required: false,
      description:
        'Optional. Add the header "x-webhook-secret: <value>" (or "Authorization: Bearer <value>") to the webhook in Supabase and put the same value here.',
    },
  ],
  extras: ['event', 'idempotency_key'],
  source: `// Supabase database webhook: { type: INSERT | UPDATE | DELETE, table, schema, record, old_record }.
// Returns event = "schema.table:TYPE" (e.g. "auth.users:INSERT") and an idempotency key.
async function main(ctx) {
  const body = ctx.body ?? {};
  return {
    verified: verify(ctx),
    event: body.schema + "." + body.table + ":" + body.type,
    idempotency_key: idempotencyKey(body),
  };
}

// Supabase doesn't sign its requests: without SUPABASE_WEBHOOK_SECRET, verified is left out.
function verify(ctx) {
  const expected = ctx.vars["SUPABASE_WEBHOOK_SECRET"];
  if (typeof expected !== "string" || expected.length === 0) return undefined;
  const authorization = ctx.headers["authorization"];
  const bearer =
    typeof authorization === "string" && authorization.startsWith("Bearer ")
      ? authorization.slice("Bearer ".length)
      : undefined;
  const received = ctx.headers["x-webhook-secret"] ?? bearer;
  return typeof received === "string" && crypto.timingSafeEqual(received, expected);
}

// table + row id + updated_at: one key per change of a row. Without updated_at two updates of
// the same row would share a key and the second would be dropped, so none is given.
function idempotencyKey(body) {
  const row = body.record ?? body.old_record;
  if (row == null || row.id == null) return undefined;
  if (body.type === "UPDATE" && row.updated_at == null) return undefined;
  return [body.schema + "." + body.table, row.id, body.type, row.updated_at ?? ""].join(":");
}
`,
};

export const DEFAULT_SCRIPTS: readonly DefaultScript[] = [CUSTOM_HTTP_SCRIPT, SUPABASE_DATABASE_SCRIPT];
