import { sample } from '../define';

/** One customer throughout, so identify → trigger works on the samples in order. */
export const CUSTOMER = 'cus_QHkRn3ZqLw8tYv';
const ACCOUNT = 'acct_1032D82eZvKYlo2C';

/** Stripe's event envelope around `object`. */
function event(type: string, id: string, object: Record<string, unknown>, previous?: Record<string, unknown>) {
  return {
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: 1718003600,
    data: { object, ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: 'req_8Vr3aQ2mXyZ1bC', idempotency_key: '5f3e2d1c-0b9a-4877-8d6e-5c4b3a291807' },
    type,
  };
}

const customer = {
  id: CUSTOMER,
  object: 'customer',
  address: null,
  balance: 0,
  created: 1718000000,
  currency: 'usd',
  default_source: null,
  delinquent: false,
  description: null,
  email: 'jenny.rosen@example.com',
  invoice_prefix: '7D8A1B2C',
  invoice_settings: { default_payment_method: null, footer: null },
  livemode: false,
  metadata: { plan: 'pro', workspace_id: 'ws_4821' },
  name: 'Jenny Rosen',
  phone: '+14155550123',
  preferred_locales: ['en'],
  tax_exempt: 'none',
};

const invoice = (status: 'draft' | 'paid' | 'open', attempts: number) => ({
  id: 'in_1PQy9z2eZvKYlo2CkLmNoPqR',
  object: 'invoice',
  account_country: 'US',
  amount_due: 2900,
  amount_paid: status === 'paid' ? 2900 : 0,
  amount_remaining: status === 'paid' ? 0 : 2900,
  attempt_count: attempts,
  billing_reason: 'subscription_cycle',
  collection_method: 'charge_automatically',
  currency: 'usd',
  customer: CUSTOMER,
  customer_email: customer.email,
  customer_name: customer.name,
  hosted_invoice_url: `https://invoice.stripe.com/i/${ACCOUNT}/test_YWNjdF8xMDMyRDgyZVp2S1lsbzJD`,
  invoice_pdf: `https://pay.stripe.com/invoice/${ACCOUNT}/test_YWNjdF8xMDMyRDgyZVp2S1lsbzJD/pdf`,
  lines: {
    object: 'list',
    data: [{ id: 'il_1PQy9z2eZvKYlo2CaBcDeFgH', object: 'line_item', amount: 2900, currency: 'usd', description: '1 × Pro (at $29.00 / month)', price: { id: 'price_1PAbCd2eZvKYlo2CproMonthly', unit_amount: 2900, recurring: { interval: 'month' } }, quantity: 1 }],
    has_more: false,
    total_count: 1,
  },
  metadata: {},
  number: '7D8A1B2C-0003',
  paid: status === 'paid',
  status,
  subscription: 'sub_1PAbCe2eZvKYlo2CxYz12345',
  total: 2900,
  next_payment_attempt: status === 'open' ? 1718262800 : null,
});

const subscription = (status: string) => ({
  id: 'sub_1PAbCe2eZvKYlo2CxYz12345',
  object: 'subscription',
  cancel_at_period_end: status === 'canceled',
  canceled_at: status === 'canceled' ? 1718003600 : null,
  current_period_end: 1720595600,
  current_period_start: 1718003600,
  customer: CUSTOMER,
  items: { object: 'list', data: [{ id: 'si_QHkS2yY6cXz9Ab', price: { id: 'price_1PAbCd2eZvKYlo2CproMonthly', nickname: 'Pro monthly', unit_amount: 2900, currency: 'usd' }, quantity: 1 }] },
  metadata: {},
  status,
  trial_end: status === 'trialing' ? 1719213200 : null,
});

const charge = {
  id: 'ch_3PQyAB2eZvKYlo2C0aBcDeFg',
  object: 'charge',
  amount: 2900,
  amount_refunded: 2900,
  currency: 'usd',
  customer: CUSTOMER,
  invoice: 'in_1PQy9z2eZvKYlo2CkLmNoPqR',
  receipt_email: customer.email,
  receipt_url: `https://pay.stripe.com/receipts/payment/${ACCOUNT}/ch_3PQyAB2eZvKYlo2C0aBcDeFg`,
  refunded: true,
  status: 'succeeded',
};

export const stripeSamples = [
  sample('customer-created', 'customer.created', 'A customer signs up', event('customer.created', 'evt_1PQy1A2eZvKYlo2CcUsT0001', customer)),
  sample('customer-updated', 'customer.updated', 'A customer changes their email', event('customer.updated', 'evt_1PQy1A2eZvKYlo2CcUsT0002', { ...customer, email: 'jenny@rosen.example' }, { email: customer.email })),
  sample('invoice-created', 'invoice.created', 'A draft invoice for the next cycle', event('invoice.created', 'evt_1PQyAB2eZvKYlo2CuVwXyZ00', invoice('draft', 0))),
  sample('invoice-paid', 'invoice.paid', 'The invoice is paid', event('invoice.paid', 'evt_1PQyAB2eZvKYlo2CuVwXyZ01', invoice('paid', 1))),
  sample('invoice-payment-failed', 'invoice.payment_failed', 'A card is declined', event('invoice.payment_failed', 'evt_1PQyAB2eZvKYlo2CuVwXyZ02', invoice('open', 1))),
  sample('subscription-created', 'customer.subscription.created', 'A trial starts', event('customer.subscription.created', 'evt_1PQySu2eZvKYlo2CsUb00001', subscription('trialing'))),
  sample('subscription-updated', 'customer.subscription.updated', 'The trial converts', event('customer.subscription.updated', 'evt_1PQySu2eZvKYlo2CsUb00002', subscription('active'), { status: 'trialing' })),
  sample('subscription-deleted', 'customer.subscription.deleted', 'The subscription is cancelled', event('customer.subscription.deleted', 'evt_1PQySu2eZvKYlo2CsUb00003', subscription('canceled'))),
  sample('charge-refunded', 'charge.refunded', 'A payment is refunded', event('charge.refunded', 'evt_1PQyRf2eZvKYlo2CrEfUnD01', charge)),
];
