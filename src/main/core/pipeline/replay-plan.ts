import type { ApiOutput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import type { Route } from '../judge/routes';
import { defaultMode, spokenDuration, staleIn, verifyLoggedNow } from './replay-options';
import { resignPlanFor } from './replay-request';

export type ReplayPlan = ApiOutput<'events.replayPlan'>;

const count = (n: number) => n.toLocaleString('en-US');
const events = (n: number) => `${count(n)} ${n === 1 ? 'event' : 'events'}`;
/** "The event", "All 3 events" or "2 of 3 events": a part of the selection as a sentence's subject. */
const share = (n: number, total: number) => (n === total ? (total === 1 ? 'The event' : `All ${events(total)}`) : `${count(n)} of ${events(total)}`);

/** "Stripe accepts (5 minutes)" or "their providers accept (Stripe 5 minutes, Svix 3 minutes)". */
function limits(stale: ReplayPlan['stale']): string {
  if (stale.length === 1) return `${stale[0]!.provider} accepts (${spokenDuration(stale[0]!.toleranceSeconds)})`;
  return `their providers accept (${stale.map((g) => `${g.provider} ${spokenDuration(g.toleranceSeconds)}`).join(', ')})`;
}

/** The plan in sentences, for the UI before a bulk replay and for the CLI. */
export function planSummary(plan: Omit<ReplayPlan, 'summary'>, failingAsConfigured: number): string {
  const { total, resign, redacted, ignoreVerification, asConfigured, stale } = plan;
  if (total === 0) return 'No events to replay.';
  const parts: string[] = [];
  const staleCount = resign - redacted;
  if (staleCount > 0) parts.push(`${share(staleCount, total)} will be re-signed: ${staleCount === 1 ? 'its signature is' : 'their signatures are'} older than ${limits(stale)}.`);
  if (redacted > 0) parts.push(`${share(redacted, total)} will be re-signed because ${redacted === 1 ? 'its body was' : 'their bodies were'} redacted on export.`);
  if (ignoreVerification > 0) parts.push(`${share(ignoreVerification, total)} redacted on export can't be re-signed: ${ignoreVerification === 1 ? 'it is' : 'they are'} replayed ignoring verification.`);
  if (asConfigured > 0 && asConfigured < total) parts.push(`The other ${count(asConfigured)} ${asConfigured === 1 ? 'is' : 'are'} verified as configured.`);
  if (asConfigured === total) parts.push(total === 1 ? 'No signature went stale: the event is verified as configured.' : `No signature went stale: all ${events(total)} are verified as configured.`);
  if (failingAsConfigured > 0) {
    const who = failingAsConfigured === asConfigured && asConfigured > 1 ? `All ${count(failingAsConfigured)} of those` : failingAsConfigured === 1 && asConfigured === 1 ? 'It' : `${count(failingAsConfigured)} of those`;
    parts.push(`${who} would fail verification (a stale signature Inlet can't re-sign, or one the current secrets don't match).`);
  }
  return parts.join(' ');
}

/**
 * What a bulk replay without a mode does with these events: each takes its own default (re-signed
 * when its signature is older than its scheme's tolerance or its body was redacted on export), said
 * before anything is replayed.
 */
export function replayPlanFor(ctx: CoreContext, ids: readonly number[]): ReplayPlan {
  const byProvider = new Map<string, { provider: string; toleranceSeconds: number; count: number }>();
  const n = { total: 0, resign: 0, redacted: 0, ignoreVerification: 0, failAsConfigured: 0, unsignable: 0, failingDefault: 0 };
  const routes = new Map<string, Route | null>();
  for (const id of ids) {
    const original = ctx.events.request(id);
    if (!original?.sourceId || !original.environment) continue;
    n.total += 1;
    const key = `${original.sourceId}\u0000${original.environment}`;
    if (!routes.has(key)) routes.set(key, ctx.routes.forSource(original.sourceId, original.environment) ?? null);
    const route = routes.get(key);
    if (!route) {
      // Its source or environment is gone: the replay will be refused whatever the mode.
      n.unsignable += 1;
      n.failAsConfigured += 1;
      n.failingDefault += 1;
      continue;
    }
    const plan = resignPlanFor(ctx, route);
    if (!plan.available) n.unsignable += 1;
    const verdict = verifyLoggedNow(ctx, route, original);
    const failed = verdict.status === 'failed' || original.redacted === true;
    if (failed) n.failAsConfigured += 1;
    const stale = staleIn(verdict);
    const mode = defaultMode(plan, stale, original.redacted === true);
    if (mode === 'ignore_verification') n.ignoreVerification += 1;
    else if (mode === 'as_is') n.failingDefault += failed ? 1 : 0;
    else if (original.redacted === true) {
      n.resign += 1;
      n.redacted += 1;
    } else {
      n.resign += 1;
      const group = byProvider.get(plan.provider) ?? { provider: plan.provider, toleranceSeconds: plan.toleranceSeconds, count: 0 };
      group.count += 1;
      byProvider.set(plan.provider, group);
    }
  }
  const { total, resign, redacted, ignoreVerification, failAsConfigured, unsignable } = n;
  const counted = { total, resign, redacted, ignoreVerification, asConfigured: total - resign - ignoreVerification, failAsConfigured, unsignable, stale: [...byProvider.values()] };
  return { ...counted, summary: planSummary(counted, n.failingDefault) };
}
