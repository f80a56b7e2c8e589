import { describe, expect, it } from 'vitest';
import { summary } from '../../test/fixtures';
import { EMPTY_FILTER, isFiltered, matchesQuery, toQuery } from './log-filter';

const NOW = 1_700_000_000_000;

describe('log filter', () => {
  it('asks only for the environment when nothing is chosen', () => {
    expect(toQuery(EMPTY_FILTER, null, 'development', NOW)).toEqual({ environment: 'development' });
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
  });

  it('turns every choice into the events.list filter, with the time range counted back from now', () => {
    const filter = { ...EMPTY_FILTER, sourceId: 'src_1', eventType: ' invoice.paid ', verification: 'failed', actionStatus: 'error', range: '1h', search: '  ada  ' } as const;
    expect(toQuery(filter, null, 'production', NOW)).toEqual({
      environment: 'production',
      sourceId: 'src_1',
      eventType: 'invoice.paid',
      verification: 'failed',
      actionStatus: 'error',
      from: NOW - 3_600_000,
      search: 'ada',
    });
    expect(isFiltered(filter)).toBe(true);
  });

  it('turns a custom range into bounds that include the last minute named, and ignores empty ends', () => {
    const from = new Date(2026, 10, 26, 9, 0).getTime();
    const to = new Date(2026, 10, 26, 10, 5).getTime();
    const query = toQuery({ ...EMPTY_FILTER, range: 'custom', from: '2026-11-26T09:00', to: '2026-11-26T10:05' }, null, 'development', NOW);
    expect(query).toMatchObject({ from, to: to + 60_000 });
    expect(toQuery({ ...EMPTY_FILTER, range: 'custom', from: '', to: 'nonsense' }, null, 'development', NOW)).toEqual({ environment: 'development' });
  });

  it('locks the source to the scope of a Logs tab whatever the filter says', () => {
    expect(toQuery({ ...EMPTY_FILTER, sourceId: 'src_other' }, 'src_1', 'development', NOW).sourceId).toBe('src_1');
  });

  it('tells which pushed events belong in the list, and leaves search matches to the host', () => {
    const query = toQuery({ ...EMPTY_FILTER, verification: 'failed', range: '15m' }, null, 'development', NOW);
    expect(matchesQuery(summary({ verification: 'failed', receivedAt: NOW }), query)).toBe(true);
    expect(matchesQuery(summary({ verification: 'verified', receivedAt: NOW }), query)).toBe(false);
    expect(matchesQuery(summary({ verification: 'failed', receivedAt: NOW - 16 * 60_000 }), query)).toBe(false);
    expect(matchesQuery(summary({ receivedAt: NOW }), { ...query, verification: undefined, search: 'ada' })).toBeNull();
    expect(matchesQuery(summary({ environment: 'production' }), { environment: 'development', search: 'ada' })).toBe(false);
  });

  it('filters by origin, so the replays of an import can be listed on their own', () => {
    const query = toQuery({ ...EMPTY_FILTER, origin: 'replay' }, null, 'development', NOW);
    expect(query).toEqual({ environment: 'development', origin: 'replay' });
    expect(matchesQuery(summary({ origin: 'replay', replayOf: 1 }), query)).toBe(true);
    expect(matchesQuery(summary({ origin: 'import' }), query)).toBe(false);
  });
});
