import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CUSTOM_HTTP_SCRIPT, SUPABASE_DATABASE_SCRIPT } from './default-scripts.js';
import { runPreprocess } from './run-preprocess.js';
import { RELAXED, requestCtx } from './testing/fixtures.js';
import type { PreprocessContext } from './types.js';

const run = (source: string, ctx: PreprocessContext) => runPreprocess({ source, ctx, limits: RELAXED });

describe('Custom HTTP default script', () => {
  const vars = { CUSTOM_HTTP_SIGNING_SECRET: 's3cret-value' };

  it('verifies a request whose X-Webhook-Secret matches the var', async () => {
    const result = await run(CUSTOM_HTTP_SCRIPT.source, requestCtx({ vars, headers: { 'x-webhook-secret': 's3cret-value' } }));
    expect(result).toMatchObject({ ok: true, verified: true, extra: {} });
  });

  it('rejects a wrong secret', async () => {
    const result = await run(CUSTOM_HTTP_SCRIPT.source, requestCtx({ vars, headers: { 'x-webhook-secret': 's3cret-valuf' } }));
    expect(result).toMatchObject({ ok: true, verified: false });
  });

  it('rejects a request without the header', async () => {
    const result = await run(CUSTOM_HTTP_SCRIPT.source, requestCtx({ vars }));
    expect(result).toMatchObject({ ok: true, verified: false });
  });

  it('never verifies when the var is blank, even against a blank header', async () => {
    const ctx = requestCtx({ vars: { CUSTOM_HTTP_SIGNING_SECRET: '' }, headers: { 'x-webhook-secret': '' } });
    expect(await run(CUSTOM_HTTP_SCRIPT.source, ctx)).toMatchObject({ ok: true, verified: false });
  });
});

describe('Supabase database webhook script', () => {
  const insert = {
    type: 'INSERT',
    table: 'users',
    schema: 'auth',
    record: { id: '8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e', email: 'ada@example.com', updated_at: '2025-01-02T03:04:05.678+00:00' },
    old_record: null,
  };

  it('names the event schema.table:TYPE and builds an idempotency key; verified left out without a secret', async () => {
    const result = await run(SUPABASE_DATABASE_SCRIPT.source, requestCtx({ body: insert }));
    expect(result).toEqual({
      ok: true,
      verified: undefined,
      extra: {
        event: 'auth.users:INSERT',
        idempotency_key: 'auth.users:8d0fd2b3-9ca7-4d9e-a95f-9e13dded323e:INSERT:2025-01-02T03:04:05.678+00:00',
      },
      durationMs: expect.any(Number),
      logs: [],
    });
  });

  it('keys a DELETE on the old record', async () => {
    const body = { type: 'DELETE', table: 'orders', schema: 'public', record: null, old_record: { id: 42 } };
    const result = await run(SUPABASE_DATABASE_SCRIPT.source, requestCtx({ body }));
    expect(result).toMatchObject({ ok: true, extra: { event: 'public.orders:DELETE', idempotency_key: 'public.orders:42:DELETE:' } });
  });

  it('gives no key for an UPDATE without updated_at, so later updates are not dropped as duplicates', async () => {
    const body = { type: 'UPDATE', table: 'orders', schema: 'public', record: { id: 42 }, old_record: { id: 42 } };
    const result = await run(SUPABASE_DATABASE_SCRIPT.source, requestCtx({ body }));
    expect(result.ok && 'idempotency_key' in result.extra).toBe(false);
  });

  it('verifies the shared secret from x-webhook-secret or a bearer token once the var is set', async () => {
    const vars = { SUPABASE_WEBHOOK_SECRET: 'shared' };
    const viaHeader = await run(SUPABASE_DATABASE_SCRIPT.source, requestCtx({ body: insert, vars, headers: { 'x-webhook-secret': 'shared' } }));
    const viaBearer = await run(SUPABASE_DATABASE_SCRIPT.source, requestCtx({ body: insert, vars, headers: { authorization: 'Bearer shared' } }));
    const wrong = await run(SUPABASE_DATABASE_SCRIPT.source, requestCtx({ body: insert, vars, headers: { authorization: 'Bearer nope' } }));
    expect([viaHeader, viaBearer, wrong].map((r) => r.ok && r.verified)).toEqual([true, true, false]);
  });
});

describe('the crypto helpers verify real signatures', () => {
  it('verifies a Stripe-style t=…,v1=… signature written as a script', async () => {
    const secret = 'whsec_test';
    const rawBody = JSON.stringify({ id: 'evt_1', type: 'invoice.paid' });
    const t = 1_700_000_000;
    const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
    const source = `async function main(ctx) {
      const parts = Object.fromEntries(ctx.headers["stripe-signature"].split(",").map((p) => p.split("=")));
      const expected = crypto.hmac("sha256", ctx.vars.SECRET, parts.t + "." + ctx.rawBody, "hex");
      return { verified: crypto.timingSafeEqual(parts.v1, expected), event: ctx.body.type };
    }`;
    const ctx = requestCtx({ vars: { SECRET: secret }, rawBody, body: JSON.parse(rawBody), headers: { 'stripe-signature': `t=${t},v1=${v1}` } });
    expect(await run(source, ctx)).toMatchObject({ ok: true, verified: true, extra: { event: 'invoice.paid' } });
  });

  it('verifies a Svix-style signature with a base64 key', async () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const rawBody = '{"type":"user.created"}';
    const signed = `msg_1.1700000000.${rawBody}`;
    const signature = createHmac('sha256', key).update(signed).digest('base64');
    const source = `function main(ctx) {
      const secret = ctx.vars.SECRET.replace(/^whsec_/, "");
      const expected = crypto.hmac("SHA-256", secret, "msg_1.1700000000." + ctx.rawBody, "base64", "base64");
      return { verified: crypto.timingSafeEqual(expected, ctx.headers["svix-signature"].slice(3)) };
    }`;
    const ctx = requestCtx({ vars: { SECRET: `whsec_${key.toString('base64')}` }, rawBody, headers: { 'svix-signature': `v1,${signature}` } });
    expect(await run(source, ctx)).toMatchObject({ ok: true, verified: true });
  });

  it('offers hash, atob and btoa, and rejects an unknown algorithm with a runtime error', async () => {
    const source = `function main() {
      return { sha: crypto.hash("sha256", "abc"), b64: btoa("hi"), back: atob("aGk=") };
    }`;
    expect(await run(source, requestCtx())).toMatchObject({
      ok: true,
      extra: { sha: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', b64: 'aGk=', back: 'hi' },
    });
    const bad = await run('function main() {\n  return { h: crypto.hmac("md4", "k", "m") };\n}', requestCtx());
    expect(bad).toMatchObject({ ok: false, error: { kind: 'runtime', line: 2, message: expect.stringMatching(/unsupported algorithm "md4"/) } });
  });
});
