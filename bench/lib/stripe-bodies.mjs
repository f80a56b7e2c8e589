import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/**
 * Realistic ~1 KB Stripe events, signed by the Stripe SDK itself (an outside oracle: if Inlet's
 * verifier disagreed with Stripe, the benchmark would show 401s, not a fast wrong answer).
 */
function stripeEvent(i) {
  const event = {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2025-09-30.clover',
    created: Math.floor(Date.now() / 1000),
    type: i % 2 ? 'customer.updated' : 'invoice.paid',
    livemode: false,
    pending_webhooks: 1,
    request: { id: `req_${randomBytes(7).toString('hex')}`, idempotency_key: null },
    data: {
      object: {
        id: `cus_${randomBytes(7).toString('hex')}`,
        object: 'customer',
        email: `bench+${i}@example.com`,
        name: `Bench Customer ${i}`,
        metadata: { plan: 'pro', seats: String(i % 50) },
        padding: '',
      },
    },
  };
  const base = JSON.stringify(event).length;
  event.data.object.padding = 'x'.repeat(Math.max(0, 1024 - base));
  return JSON.stringify(event);
}

/** A fixed set of bodies whose signatures are renewed every `refreshMs` so they stay inside tolerance. */
export function createSignedBodies(secret, { count = 32, refreshMs = 30_000 } = {}) {
  const bodies = Array.from({ length: count }, (_, i) => stripeEvent(i));
  let signed = [];
  const sign = () => {
    const timestamp = Math.floor(Date.now() / 1000);
    signed = bodies.map((payload) => ({
      body: payload,
      signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
    }));
  };
  sign();
  const timer = setInterval(sign, refreshMs);
  timer.unref();
  let next = 0;
  return {
    bodyBytes: Buffer.byteLength(bodies[0]),
    /** The next body and its header, round-robin. */
    take() {
      const item = signed[next];
      next = (next + 1) % signed.length;
      return item;
    },
    /** All bodies with their current signatures, for a run that builds its requests once. */
    current: () => signed,
    stop: () => clearInterval(timer),
  };
}
