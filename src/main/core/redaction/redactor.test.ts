import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor';
import { luhnValid } from './detectors';
import { NO_REDACTION } from '../../../shared/domain/redaction';
import { SEEDED } from './testing/seeded-secrets';


const requestWithEverything = () => ({
  method: 'POST' as const,
  bodyEncoding: 'utf8' as const,
  headers: {
    'content-type': 'application/json',
    authorization: `Bearer ${SEEDED.bearer}`,
    'x-forwarded-for': `${SEEDED.ipv4}, ${SEEDED.ipv6}`,
    'x-contact': SEEDED.email,
  },
  query: `email=${encodeURIComponent(SEEDED.email)}&page=2`,
  body: JSON.stringify(
    {
      id: 'evt_1',
      created: 1700000000000,
      data: {
        object: {
          email: SEEDED.email,
          other: SEEDED.email2,
          phone: SEEDED.phone,
          mobile: SEEDED.e164,
          card: SEEDED.card,
          cardNumber: Number(SEEDED.cardPlain),
          note: `keys ${SEEDED.stripeKey} ${SEEDED.testKey} ${SEEDED.restricted} ${SEEDED.whsec} ${SEEDED.slack} ${SEEDED.github}`,
          session: SEEDED.jwt,
          ip: SEEDED.ipv4,
          ipv6: SEEDED.ipv6,
          amount: 4200,
          active: true,
        },
      },
    },
    null,
    2,
  ),
});

describe('createRedactor', () => {
  it('leaves none of the seeded secrets anywhere in the request', () => {
    const { request, redacted } = createRedactor({}).request(requestWithEverything());
    const text = JSON.stringify(request);
    expect(redacted).toBe(true);
    for (const [name, value] of Object.entries(SEEDED)) {
      expect(text.toLowerCase(), name).not.toContain(value.toLowerCase());
      expect(text, name).not.toContain(JSON.stringify(value).slice(1, -1));
    }
    expect(text).not.toContain(SEEDED.cardPlain);
    expect(text).not.toContain(encodeURIComponent(SEEDED.email));
  });

  it('gives the same value the same placeholder in every request, header and query of a file', () => {
    const redactor = createRedactor({});
    const a = redactor.request(requestWithEverything());
    const b = redactor.request({ headers: { 'x-user': SEEDED.email.toUpperCase() }, body: `contact ${SEEDED.email}`, query: '' });
    const body = JSON.parse(a.request.body) as { data: { object: Record<string, unknown> } };
    expect(body.data.object.email).toBe('redacted-1@example.com');
    expect(body.data.object.other).toBe('redacted-2@example.com');
    expect(a.request.headers['x-contact']).toBe('redacted-1@example.com');
    expect(a.request.query).toBe(`email=${encodeURIComponent('redacted-1@example.com')}&page=2`);
    expect(b.request.headers['x-user']).toBe('redacted-1@example.com');
    expect(b.request.body).toBe('contact redacted-1@example.com');
    // A new file numbers from 1 again.
    expect(createRedactor({}).request({ headers: {}, body: SEEDED.email2, query: '' }).request.body).toBe('redacted-1@example.com');
  });

  it('keeps JSON valid, keeps types and formatting, and changes only the redacted values', () => {
    const original = requestWithEverything();
    const { request } = createRedactor({}).request(original);
    const before = JSON.parse(original.body) as { data: { object: Record<string, unknown> } };
    const after = JSON.parse(request.body) as { id: string; created: number; data: { object: Record<string, unknown> } };
    expect(after.created).toBe(1700000000000);
    expect(after.data.object.amount).toBe(4200);
    expect(after.data.object.active).toBe(true);
    expect(typeof after.data.object.cardNumber).toBe('number');
    expect(after.data.object.card).toBe('0000 0000 0000 0001');
    expect(after.data.object.ip).toBe('192.0.2.1');
    expect(after.data.object.ipv6).toBe('2001:db8::1');
    expect(after.data.object.session).toBe('redacted-jwt-1');
    expect(request.body.split('\n')).toHaveLength(original.body.split('\n').length);
    expect(Object.keys(after.data.object)).toEqual(Object.keys(before.data.object));
    expect(request.headers.authorization).toBe('Bearer redacted-token-1');
    expect(request.headers['x-forwarded-for']).toBe('192.0.2.1, 2001:db8::1');
  });

  it('redacts a card number only when it passes the Luhn check', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    const { request, changes } = createRedactor({}).request({
      headers: {},
      query: '',
      body: JSON.stringify({ card: '4242424242424242', order: '4242424242424241', n: 4242424242424241, ts: 1712345678901 }),
    });
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body.card).toBe('0000000000000001');
    expect(body.order).toBe('4242424242424241');
    expect(body.n).toBe(4242424242424241);
    expect(body.ts).toBe(1712345678901);
    expect(changes.map((c) => c.where)).toEqual(['body card']);
  });

  it('keeps a big integer id exactly as written', () => {
    const body = '{"id":12345678901234567890,"email":"a@b.co"}';
    expect(createRedactor({}).request({ headers: {}, query: '', body }).request.body).toBe('{"id":12345678901234567890,"email":"redacted-1@example.com"}');
  });

  it('applies user rules by path (with wildcards), header name and regex', () => {
    const redactor = createRedactor({
      detectors: { emails: false },
      rules: [
        { kind: 'path', path: 'data.customer' },
        { kind: 'path', path: '$.items[*].sku' },
        { kind: 'path', path: 'query.account' },
        { kind: 'header', name: 'X-Tenant' },
        { kind: 'regex', pattern: 'cus_[A-Za-z0-9]+' },
      ],
    });
    const { request, changes } = redactor.request({
      headers: { 'x-tenant': 'acme', 'x-ref': 'see cus_ABC123' },
      query: 'account=acct_9&x=1',
      body: JSON.stringify({ data: { customer: { id: 77, name: 'Jane', vip: true, email: 'j@x.io' } }, items: [{ sku: 'A-1' }, { sku: 'B-2' }], ref: 'cus_ABC123' }),
    });
    const body = JSON.parse(request.body) as { data: { customer: Record<string, unknown> }; items: Array<{ sku: string }>; ref: string };
    // Headers first, then the query, then the body; one counter for every user rule.
    expect(request.headers['x-tenant']).toBe('redacted-1');
    expect(request.headers['x-ref']).toBe('see redacted-2');
    expect(request.query).toBe('account=redacted-3&x=1');
    expect(body.data.customer).toEqual({ id: 4, name: 'redacted-5', vip: false, email: 'redacted-6' });
    expect(body.items.map((i) => i.sku)).toEqual(['redacted-7', 'redacted-8']);
    expect(body.ref).toBe('redacted-2');
    expect(changes.find((c) => c.where === 'body data.customer.email')).toMatchObject({ kind: 'path', before: 'j@x.io' });
  });

  it('changes nothing with every detector off and no rules', () => {
    const original = requestWithEverything();
    const result = createRedactor(NO_REDACTION).request(original);
    expect(result.request).toEqual(original);
    expect(result.redacted).toBe(false);
  });

  it('does not call a request redacted when a rule matched but its bytes came out the same (re-exporting a redacted capture)', () => {
    const redactor = createRedactor({ ...NO_REDACTION, rules: [{ kind: 'header', name: 'x-customer-id' }] });
    // The header already holds the first placeholder the rule would give it.
    const again = redactor.request({ headers: { 'x-customer-id': 'redacted-1' }, body: '{}', query: '' });
    expect(again.request.headers['x-customer-id']).toBe('redacted-1');
    expect(again.redacted).toBe(false);
    expect(redactor.request({ headers: { 'x-customer-id': 'cus_8812' }, body: '{}', query: '' }).redacted).toBe(true);
  });

  it('redacts secret-named JSON fields, cookies and API-key headers as credentials', () => {
    const { request } = createRedactor({}).request({
      headers: { cookie: 'theme=dark; session=s3cr3t-value', 'x-api-key': 'k-998877' },
      query: '',
      body: '{"password":"hunter2","token":"abc"}',
    });
    expect(request.headers.cookie).toBe('theme=redacted-token-1; session=redacted-token-2');
    expect(request.headers['x-api-key']).toBe('redacted-token-3');
    expect(request.body).toBe('{"password":"redacted-token-4","token":"redacted-token-5"}');
  });

  it('redacts a text body textually and passes a base64 body through', () => {
    const r = createRedactor({});
    expect(r.request({ headers: {}, query: '', body: `From: ${SEEDED.email}\nCall ${SEEDED.phone}` }).request.body).toBe('From: redacted-1@example.com\nCall +0 (000) 000-0001');
    const binary = { headers: {}, query: '', body: Buffer.from(SEEDED.email).toString('base64'), bodyEncoding: 'base64' as const };
    expect(r.request(binary).request.body).toBe(binary.body);
  });

  it('does not take dates, times, versions or amounts for phones or addresses', () => {
    const body = JSON.stringify({ at: '2024-01-15T12:30:45Z', v: 'v1.2.3', amount: '1 000', zip: '94103-1234', mac: 'aa:bb:cc:dd:ee:ff' });
    expect(createRedactor({}).request({ headers: {}, query: '', body }).changes).toEqual([]);
  });
});
