import { describe, expect, it } from 'vitest';
import { ACTION_ORDER, ACTIONS, ResolvedParamsSchemas, type ParamKind } from '../../../shared/domain/action';
import { planMapping } from './engine';
import { mapping } from './mapping.fixture';

/*
 * Planning skips the action's zod schema when coercion already guarantees it. These plans feed
 * every parameter of every action odd values (wrong types, empty lists, inline recipients, custom
 * properties named like fields, settings with a non-object branding): whatever planning calls
 * ready must pass the schema unchanged, and what the schema refuses must never be ready.
 */
const many = (n: number, v: unknown) => Array.from({ length: n }, () => v);
const POOL: unknown[] = [
  'abc', 'x'.repeat(300), 7, 0, 1.5, true, null, '',
  { id: 'u1' }, { id: 7, name: 'Ann', email: 'a@example.com' }, { id: 'o1', collection: 'projects' }, { id: 'o1', collection: '' },
  { id: '' }, { user: { id: 'u2', email: 'b@example.com' } }, { id: 't1', properties: { name: 'T' } },
  [], ['u1', 2], [{ id: 'u1', email: 'e' }], [{ id: 'p1', collection: 'projects' }], many(101, 'u'), many(1001, 'u'),
  { branding: 'red' }, { branding: { logo_url: 'https://example.com/l.png' } }, { branding: null },
  { email: 5, plan: 'pro' }, { name: 5 }, { plan: 'team', seats: 3 }, { locale: true }, { settings: 'x' }, { id: 'other' },
  { collection: 5 }, { channel_data: { push: { tokens: ['t'] } }, $trigger_data: { a: 1 } },
];

// Values each kind coerces, mostly, so plenty of plans get as far as the schema.
const ID = ['abc', 7];
const OBJECTS = [{ plan: 'team', seats: 3 }, { email: 5, plan: 'pro' }, { name: 5 }, { locale: true }, { settings: 'x' }, { branding: 'red' }, { branding: { logo_url: 'x' } }];
const RECIPIENTS = ['u1', ['u1', 2], [{ id: 'u1', email: 'e' }], { id: 'p1', collection: 'projects' }, { id: 'u3', $trigger_data: { a: 1 } }];
const PLAUSIBLE: Record<ParamKind, unknown[]> = {
  workflow_key: ID, audience_key: ID, collection: ['projects', '$tenants'], id: ID, text: ['abc', 7, true],
  recipients: RECIPIENTS, users: RECIPIENTS, recipient: ['u1', { id: 'u1', name: 'A' }], tenant: ['t1', { id: 't1', name: 'T' }],
  object: OBJECTS, custom_properties: OBJECTS,
};

// A small LCG, so a failure names a case that can be run again.
const rng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

describe('skipping the second validation', () => {
  it('never lets through a plan the action schema refuses, and keeps the values the schema would return', () => {
    const next = rng(42);
    let ready = 0;
    for (let i = 0; i < 6000; i++) {
      const type = ACTION_ORDER[i % ACTION_ORDER.length]!;
      const body: Record<string, unknown> = {};
      const params: Record<string, string> = {};
      for (const spec of ACTIONS[type].params) {
        if (next() < 0.15 && !spec.required) continue;
        const pool = next() < 0.85 ? PLAUSIBLE[spec.kind] : POOL;
        body[spec.name] = pool[Math.floor(next() * pool.length)];
        params[spec.name] = `body.${spec.name}`;
      }
      const plan = planMapping(mapping(type, params), { body, headers: {}, query: {}, preprocess: {} });
      if (plan.status !== 'ready') continue;
      ready++;
      const parsed = ResolvedParamsSchemas[type].safeParse(plan.params);
      expect(parsed.success, `case ${i} (${type}): ${JSON.stringify(plan.params).slice(0, 300)}`).toBe(true);
      expect(parsed.data, `case ${i} (${type})`).toEqual(plan.params);
    }
    // Enough plans got through for the check to mean something.
    expect(ready).toBeGreaterThan(1000);
  });

  it('still reports a custom property that collides with a field of the wrong type, and a settings branding that is no object', () => {
    const ctx = { body: { props: { email: 5 }, settings: { branding: 'red' } }, headers: {}, query: {}, preprocess: {} };
    const identify = planMapping(mapping('users_identify', { id: '"u1"', custom_properties: 'body.props' }), ctx);
    expect(identify.status).toBe('error');
    expect(identify.errors).toMatchObject([{ code: 'type_mismatch', param: 'email' }]);
    const tenant = planMapping(mapping('tenants_set', { id: '"t1"', settings: 'body.settings' }), ctx);
    expect(tenant.status).toBe('error');
    expect(tenant.errors).toMatchObject([{ code: 'type_mismatch', param: 'settings' }]);
  });
});
