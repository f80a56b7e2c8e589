import { describe, expect, it } from 'vitest';
// Tests src/shared/domain/mapping-overrides.ts and the engine's use of it (issue #10, item 4).
import { missingRequiredParams } from '../../../shared/domain/mapping';
import { effectiveMapping, effectiveParams, normalizeOverrides, overriddenIn, withOverride } from '../../../shared/domain/mapping-overrides';
import type { ExprContext } from '../../../shared/expr/evaluate';
import { planActions } from './engine';
import { mapping } from './mapping.fixture';

const shared = { id: 'body.id', name: 'body.name' };
const m = { params: shared, overrides: { production: { name: 'body.nickname' }, staging: { name: '' } } };
const ctx: ExprContext = { body: { type: 'user.created', id: 'u_1', name: 'Ada', nickname: 'ada-l' }, headers: {}, query: {}, preprocess: {} };

describe('the effective parameters of a mapping in an environment', () => {
  // "Incoming webhooks" page (How it works): each Knock environment has its own configuration.
  it.each<[string, Record<string, string>]>([
    ['development', shared],
    ['production', { id: 'body.id', name: 'body.nickname' }],
    ['staging', { id: 'body.id', name: '' }],
  ])('in %s', (env, params) => {
    expect(effectiveParams(m, env)).toEqual(params);
  });

  it('is the mapping itself where nothing is overridden (no copy per event)', () => {
    expect(effectiveMapping(m, 'development')).toBe(m);
  });

  it('names the environments that override a parameter', () => {
    expect(overriddenIn(m, 'name', ['development', 'production', 'staging'])).toEqual(['production', 'staging']);
    expect(overriddenIn(m, 'id', ['development', 'production'])).toEqual([]);
  });
});

describe('overrides as stored', () => {
  it.each<[string, Record<string, Record<string, string>> | undefined, Record<string, Record<string, string>>]>([
    ['none', undefined, {}],
    ['equal to the shared value (spaces aside)', { production: { name: ' body.name ' } }, {}],
    ['an environment left empty', { production: {} }, {}],
    ['a real difference', { production: { name: 'body.nickname', id: 'body.id' } }, { production: { name: 'body.nickname' } }],
  ])('%s', (_what, overrides, stored) => {
    expect(normalizeOverrides(shared, overrides)).toEqual(stored);
  });

  it('sets and resets one parameter in one environment', () => {
    const set = withOverride({ params: shared }, 'production', 'name', 'body.nickname');
    expect(set).toEqual({ production: { name: 'body.nickname' } });
    expect(withOverride({ params: shared, overrides: set }, 'production', 'name', undefined)).toEqual({});
  });

  it('refuses to save a required parameter unmapped in one environment only', () => {
    expect(missingRequiredParams({ actionType: 'users_identify', params: shared, overrides: { production: { id: '  ' } } })).toEqual([
      { path: ['overrides', 'production', 'id'], message: expect.stringContaining('in production too') },
    ]);
  });
});

describe('planActions per environment', () => {
  it('plans each environment with its own parameters', () => {
    const identify = mapping('users_identify', shared, { activeIn: ['development', 'production'], overrides: { production: { name: 'body.nickname' } } });
    const event = { eventType: 'user.created', ctx };
    expect(planActions(event, [identify], 'development')[0]?.params).toMatchObject({ name: 'Ada' });
    expect(planActions(event, [identify], 'production')[0]?.params).toMatchObject({ name: 'ada-l' });
  });

  // Custom source page, "Debugging": "Invalid paths. The key path for event type identification
  // does not resolve to a value."
  it('reports an unreadable event type as an invalid path on every active mapping, and plans nothing else', () => {
    const active = mapping('users_identify', shared, { eventType: 'user.created' });
    const inactive = mapping('users_identify', shared, { activeIn: ['production'] });
    const plans = planActions({ eventType: null, ctx, eventTypePath: 'body.data.type' }, [active, inactive], 'development');
    expect(plans).toEqual([
      expect.objectContaining({
        mappingId: active.id, status: 'error',
        errors: [expect.objectContaining({ code: 'invalid_path', param: 'eventType', path: 'body.data.type', longestPrefix: 'body', missingAt: 'object' })],
      }),
    ]);
    expect(planActions({ eventType: null, ctx }, [active], 'development')).toEqual([]);
  });
});
