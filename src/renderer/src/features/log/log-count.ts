import type { ApiOutput } from '../../../../shared/api/contract';

const n = (value: number): string => value.toLocaleString('en-US');

/**
 * The log header: the real number of stored events the view matches, then how many are loaded —
 * "2,013 events · showing 100", "405 matching · showing 100", "more than 100,000 events · …".
 * Until the host has counted, only the loaded rows are known, and said as such.
 */
export function logCountText(total: ApiOutput<'events.count'> | null, shown: number, filtered: boolean): string {
  if (total === null) return `showing ${n(shown)}`;
  const amount = total.capped ? `more than ${n(total.count)}` : n(total.count);
  const noun = filtered ? 'matching' : total.count === 1 && !total.capped ? 'event' : 'events';
  const all = !total.capped && shown >= total.count;
  return all ? `${amount} ${noun}` : `${amount} ${noun} · showing ${n(shown)}`;
}
