import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getPreset, verifyRequest, type VerifyInput } from './index';
import { sdkSigners, toVerifyRequest, type SignedPresetId } from './testing/sdk-signers';

const NOW = Date.UTC(2025, 5, 1, 12);
const whsec = () => `whsec_${randomBytes(32).toString('base64')}`;
const payload = { id: 'evt_1', type: 'invoice.paid', data: { object: { amount: 1200, lines: [1, 2] } } };

const configOf = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(id);
  return p.config;
};

async function run(id: SignedPresetId, signWith: string, configured: string[], extra: Partial<VerifyInput> = {}, body: unknown = payload) {
  const signed = await sdkSigners[id]({ payload: body, secret: signWith, timestamp: NOW });
  const input: VerifyInput = {
    config: configOf(id),
    secrets: configured.map((value, i) => ({ id: `s${i}`, value })),
    request: toVerifyRequest(signed),
    now: NOW,
    ...extra,
  };
  return { input, result: verifyRequest(input) };
}

const hintsOf = (result: ReturnType<typeof verifyRequest>, code: string) =>
  (result.diagnosis?.hints ?? []).filter((h) => h.code === code).map((h) => h.message);

describe('secret_kind hints', () => {
  it.each([
    ['stripe', 'sk_test_51Habc', /sk_test_, the prefix of a Stripe API key; .*starts with whsec_/],
    ['stripe', 'pk_live_51Habc', /pk_live_, the prefix of a Stripe API key/],
    ['stripe', 'rk_test_51Habc', /rk_test_, the prefix of a Stripe API key/],
    ['stripe', 'https://example.ngrok.app/in/abc', /is a URL/],
    ['github', 'https://github.com/acme/app/settings/hooks', /is a URL/],
    ['stripe', 'v1,whsec_abcdef', /v1,whsec_… form Supabase shows/],
    ['stripe', 'whsec_abc ', /whitespace/],
    ['stripe', 'abc123', /does not start with whsec_/],
    ['svix', 'not*base64', /is not valid base64 \(/],
    ['clerk', 'whsec_not*base64', /not valid base64 after its whsec_ prefix/],
    ['bearer', 'Bearer abc123', /enter only the token/],
  ] as [SignedPresetId, string, RegExp][])('flags a %s secret configured as "%s"', async (id, wrong, message) => {
    const { result } = await run(id, id === 'svix' || id === 'clerk' ? whsec() : 'whsec_real', [wrong]);
    expect(result.diagnosis?.code).toBe('no_match');
    const hints = hintsOf(result, 'secret_kind');
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatch(message);
  });

  it('never repeats the secret itself in a hint', async () => {
    const { result } = await run('stripe', 'whsec_real', ['sk_test_51HsuperSecretValue']);
    expect(JSON.stringify(result.diagnosis)).not.toContain('superSecretValue');
  });

  it('says "one of the secrets" when several are configured', async () => {
    const { result } = await run('stripe', 'whsec_real', ['whsec_old', 'sk_live_x']);
    expect(hintsOf(result, 'secret_kind')).toEqual([expect.stringMatching(/^One of the secrets starts with sk_live_/)]);
  });

  it('gives no hint for a plausible secret that simply does not match', async () => {
    const { result } = await run('stripe', 'whsec_real', ['whsec_other']);
    expect(result.diagnosis?.hints).toEqual([]);
  });
});

describe('reserialized_body hint', () => {
  const rewrites: { name: string; signed: (p: unknown) => string; arrived: (p: unknown) => string; label: RegExp }[] = [
    { name: 'pretty-printed after compact signing', signed: (p) => JSON.stringify(p), arrived: (p) => JSON.stringify(p, null, 2), label: /compact JSON/ },
    { name: 'compacted after 2-space signing', signed: (p) => JSON.stringify(p, null, 2), arrived: (p) => JSON.stringify(p), label: /2 spaces/ },
    { name: 'compacted after 4-space signing', signed: (p) => JSON.stringify(p, null, 4), arrived: (p) => JSON.stringify(p), label: /4 spaces/ },
  ];

  it.each(rewrites)('detects a body $name', async ({ signed, arrived, label }) => {
    const { input } = await run('stripe', 'whsec_real', ['whsec_real'], {}, signed(payload));
    input.request.rawBody = Buffer.from(arrived(payload));
    const result = verifyRequest(input);
    expect(result.diagnosis?.code).toBe('no_match');
    expect(hintsOf(result, 'reserialized_body')).toEqual([expect.stringMatching(label)]);
  });

  it('detects it for Standard Webhooks too', async () => {
    const secret = whsec();
    const { input } = await run('standard-webhooks', secret, [secret]);
    input.request.rawBody = Buffer.from(JSON.stringify(payload, null, 2));
    expect(hintsOf(verifyRequest(input), 'reserialized_body')).toHaveLength(1);
  });

  it('stays silent for a body that is not JSON, or that really changed', async () => {
    const text = await run('github', 'gh', ['gh'], {}, 'a=1&b=2');
    text.input.request.rawBody = Buffer.from('a=1&b=3');
    expect(verifyRequest(text.input).diagnosis?.hints).toEqual([]);
    const json = await run('github', 'gh', ['gh']);
    json.input.request.rawBody = Buffer.from(JSON.stringify({ ...payload, id: 'evt_2' }, null, 2));
    expect(verifyRequest(json.input).diagnosis?.hints).toEqual([]);
  });
});

describe('other_environment hint', () => {
  it('names the environment whose secret signed the request', async () => {
    const { result } = await run('stripe', 'whsec_prod', ['whsec_dev'], {
      otherEnvironments: [
        { environment: 'staging', secrets: ['whsec_staging'] },
        { environment: 'production', secrets: ['whsec_old_prod', 'whsec_prod'] },
      ],
    });
    expect(result.diagnosis?.code).toBe('no_match');
    expect(hintsOf(result, 'other_environment')).toEqual([expect.stringMatching(/this source's production environment/)]);
  });

  it.each(['svix', 'shared-secret', 'basic'] as SignedPresetId[])('works for the %s scheme', async (id) => {
    const prod = id === 'basic' ? 'u:prod' : whsec();
    const dev = id === 'basic' ? 'u:dev' : whsec();
    const { result } = await run(id, prod, [dev], { otherEnvironments: [{ environment: 'production', secrets: [prod] }] });
    expect(hintsOf(result, 'other_environment')).toHaveLength(1);
  });

  it('is not offered when no other environment matches', async () => {
    const { result } = await run('github', 'mystery', ['dev'], { otherEnvironments: [{ environment: 'production', secrets: ['prod'] }] });
    expect(hintsOf(result, 'other_environment')).toEqual([]);
  });
});

describe('results without a check', () => {
  it('answers unverified without a diagnosis for scheme none', () => {
    const result = verifyRequest({ config: { scheme: 'none' }, secrets: [], request: { method: 'POST', url: '/in/x', headers: {}, rawBody: Buffer.alloc(0) }, now: NOW });
    expect(result).toEqual({ status: 'unverified', scheme: 'none' });
  });

  it('answers no_secret when the only secret is empty', async () => {
    const { result } = await run('github', 'gh', ['']);
    expect(result.diagnosis).toEqual({ code: 'no_secret', message: expect.stringMatching(/No secret is configured/), hints: [] });
  });
});
