import type { ReplayMode } from '../../../../shared/domain/event';
import type { ReplayPlan } from './replay.slice';

const events = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'event' : 'events'}`;
const share = (n: number, total: number) => (n === total ? (total === 1 ? 'The event' : `All ${events(total)}`) : `${n.toLocaleString('en-US')} of ${events(total)}`);

/**
 * What the chosen mode does to the selected events, said before a bulk replay starts: the
 * per-event default in the host's words (how many are re-signed, and why), or what an explicit
 * choice would break. Null when there is nothing to warn about.
 */
export function bulkReplayNote(plan: ReplayPlan, mode: ReplayMode | null): string | null {
  if (plan.total === 0) return null;
  if (mode === null) return plan.summary;
  if (mode === 'as_is' && plan.failAsConfigured > 0) {
    const r = plan.resign;
    const which = r === plan.failAsConfigured ? (r === 1 ? 'it' : 'them') : `${r.toLocaleString('en-US')} of them`;
    return `${share(plan.failAsConfigured, plan.total)} would fail verification as configured${r > 0 ? ` (the default would re-sign ${which})` : ''}.`;
  }
  if (mode === 'resign' && plan.unsignable > 0) {
    return `${share(plan.unsignable, plan.total)} can't be re-signed (${plan.unsignable === 1 ? 'its source has' : 'their sources have'} no signature Inlet can make): ${plan.unsignable === 1 ? 'that replay fails' : 'those replays fail'}.`;
  }
  return null;
}
