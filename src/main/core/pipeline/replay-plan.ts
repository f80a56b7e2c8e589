import type { ApiOutput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import type { Route } from '../judge/routes';
import { defaultMode, spokenDuration, staleIn, verifyLoggedNow } from './replay-options';
import { resignPlanFor } from './replay-request';

export type ReplayPlan = ApiOutput<'events.replayPlan'>;

const events = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'event' : 'events'}`;

/** "Stripe accepts (5 minutes)" or "their providers accept (Stripe 5 minutes, Svix 3 minutes)". */
function limits(stale: ReplayPlan['stale']): string {
  if (stale.length === 1) return `${stale[0]!.provider} accepts (${spokenDuration(stale[0]!.toleranceSeconds)})`;
  return `their providers accept (${stale.map((g) => `${g.provider} ${spokenDuration(g.toleranceSeconds)}`).join(', ')})`;
}

/** The plan in sentences, for the UI before a bulk replay and for the CLI. */
export function planSummary(plan: Omit<ReplayPlan, 'summary'>, failingAsConfigured: number): string {
  const { total, resign, asConfigured, stale } = plan;
  if (total === 0) return 'No events to replay.';
  const parts: string[] = [];
  if (resign > 0) {
    const who = resign === total ? (total === 1 ? 'The event' : `All ${events(total)}`) : `${resign.toLocaleString('en-US')} of ${events(total)}`;
    parts.push(`${who} will be re-signed: ${resign === 1 ? 'its signature is' : 'their signatures are'} older than ${limits(stale)}.`);
    if (asConfigured > 0) parts.push(`The other ${asConfigured.toLocaleString('en-US')} ${asConfigured === 1 ? 'is' : 'are'} verified as configured.`);
  } else {
    parts.push(total === 1 ? 'No signature went stale: the event is verified as configured.' : `No signature went stale: all ${events(total)} are verified as configured.`);
  }
  if (failingAsConfigured > 0) {
    const n = failingAsConfigured.toLocaleString('en-US');
    parts.push(`${failingAsConfigured === asConfigured && asConfigured > 1 ? `All ${n} of those` : failingAsConfigured === 1 && asConfigured === 1 ? 'It' : `${n} of those`} would fail verification (a stale signature Inlet can't re-sign, or one the current secrets don't match).`);
  }
  return parts.join(' ');
}

/**
 * What a bulk replay without a mode does with these events: each takes its own default (re-signed
 * when its signature is older than its scheme's tolerance), said before anything is replayed.
 */
export function replayPlanFor(ctx: CoreContext, ids: readonly number[]): ReplayPlan {
  const byProvider = new Map<string, { provider: string; toleranceSeconds: number; count: number }>();
  let resign = 0;
  let failAsConfigured = 0;
  let failingDefault = 0;
  let unsignable = 0;
  let total = 0;
  const routes = new Map<string, Route | null>();
  for (const id of ids) {
    const original = ctx.events.request(id);
    if (!original?.sourceId || !original.environment) continue;
    total += 1;
    const key = `${original.sourceId}\u0000${original.environment}`;
    if (!routes.has(key)) routes.set(key, ctx.routes.forSource(original.sourceId, original.environment) ?? null);
    const route = routes.get(key);
    if (!route) {
      // Its source or environment is gone: the replay will be refused whatever the mode.
      unsignable += 1;
      failAsConfigured += 1;
      failingDefault += 1;
      continue;
    }
    const plan = resignPlanFor(ctx, route);
    if (!plan.available) unsignable += 1;
    const verdict = verifyLoggedNow(ctx, route, original);
    if (verdict.status === 'failed') failAsConfigured += 1;
    if (defaultMode(plan, staleIn(verdict), false) === 'resign') {
      resign += 1;
      const group = byProvider.get(plan.provider) ?? { provider: plan.provider, toleranceSeconds: plan.toleranceSeconds, count: 0 };
      group.count += 1;
      byProvider.set(plan.provider, group);
    } else if (verdict.status === 'failed') {
      failingDefault += 1;
    }
  }
  const counted = { total, resign, asConfigured: total - resign, failAsConfigured, unsignable, stale: [...byProvider.values()] };
  return { ...counted, summary: planSummary(counted, failingDefault) };
}
