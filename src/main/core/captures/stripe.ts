import { isRecord, toEntry, toTime, type CaptureEntry, type Where } from './entry';

/** What Stripe's webhook sender puts on every delivery, except the signature it computes per endpoint. */
const STRIPE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Type', 'application/json; charset=utf-8'],
  ['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'],
  ['Accept', '*/*; q=0.5, application/xml'],
  ['Cache-Control', 'no-cache'],
];

/**
 * A Stripe event object (the dashboard's JSON, `stripe events list`, `stripe listen --print-json`)
 * as the request Stripe would have sent: its pretty-printed body and Stripe's headers. There is no
 * signature to carry, so it is marked unsigned: a replay re-signs it or ignores verification.
 */
export function fromStripeEvent(value: unknown, at: Where): CaptureEntry {
  if (!isRecord(value) || value.object !== 'event') return { kind: 'error', at, error: 'is not a Stripe event (no "object": "event").' };
  if (typeof value.id !== 'string' || typeof value.type !== 'string') return { kind: 'error', at, error: 'is a Stripe event without an id or type.' };
  if (!isRecord(value.data)) return { kind: 'error', at, error: `(${value.id}) has no data object.` };
  // Stripe sends the event pretty-printed with two spaces.
  return toEntry(at, { method: 'POST', headers: STRIPE_HEADERS, body: JSON.stringify(value, null, 2), target: '', capturedAt: toTime(value.created), unsigned: true });
}
