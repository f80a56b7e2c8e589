import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const CUSTOMER = 'ctm_01hv8x29kz0t586xy6zn1a62ny';
const AT = '2024-06-10T06:13:20.000Z';
/** Paddle Billing's notification: `{event_id, event_type, occurred_at, notification_id, data}`. */
const event = (type: string, id: string, data: Record<string, unknown>) => ({ event_id: id, event_type: type, occurred_at: AT, notification_id: 'ntf_01hv8x2af3bkzam7yf5fr9ftv6', data });
const customer = {
  id: CUSTOMER, name: 'Ada Lovelace', email: 'ada@example.com', locale: 'en', status: 'active', custom_data: null, import_meta: null,
  marketing_consent: false, created_at: AT, updated_at: AT,
};
const price = { id: 'pri_01gsz8x8sawmvhz1pv30nge1ke', product_id: 'pro_01gsz4t5hdjse780zja8vvr7jg', description: 'Monthly', unit_price: { amount: '2900', currency_code: 'USD' }, billing_cycle: { interval: 'month', frequency: 1 }, trial_period: null, status: 'active', quantity: { minimum: 1, maximum: 1 }, tax_mode: 'account_setting', custom_data: null, import_meta: null, created_at: AT, updated_at: AT };
const subscription = (status: string) => ({
  id: 'sub_01hv8y5ehszzq0yv20ttx3166y', status, customer_id: CUSTOMER, address_id: 'add_01hv8gq3318ktkfengj2r75gfx', business_id: null,
  currency_code: 'USD', created_at: AT, updated_at: AT, started_at: AT, first_billed_at: AT, next_billed_at: '2024-07-10T06:13:20.000Z',
  paused_at: null, canceled_at: status === 'canceled' ? AT : null, collection_mode: 'automatic', billing_details: null,
  current_billing_period: { starts_at: AT, ends_at: '2024-07-10T06:13:20.000Z' }, billing_cycle: { interval: 'month', frequency: 1 },
  scheduled_change: null, items: [{ status: 'active', quantity: 1, recurring: true, created_at: AT, updated_at: AT, previously_billed_at: AT, next_billed_at: '2024-07-10T06:13:20.000Z', trial_dates: null, price }],
  custom_data: null, management_urls: { update_payment_method: 'https://buyer-portal.paddle.com/subscriptions/sub_01hv8y5ehszzq0yv20ttx3166y/update-payment-method', cancel: 'https://buyer-portal.paddle.com/subscriptions/sub_01hv8y5ehszzq0yv20ttx3166y/cancel' },
  discount: null, import_meta: null,
});

export const paddle: TemplateInput = {
  id: 'paddle',
  version: '1.0.0',
  name: 'Paddle Billing',
  description: 'Paddle Billing notifications: identify customers and tell them about new and cancelled subscriptions.',
  category: 'billing',
  branding: monogram('P', '#FDDD35', '#1D1D1B'),
  docs: [{ label: 'Paddle webhooks', url: 'https://developer.paddle.com/webhooks/overview' }],
  ...preset('paddle'),
  secretRequired: true,
  eventTypePath: 'body.event_type',
  idempotencyKeyPath: 'body.event_id',
  timestampPath: 'body.occurred_at',
  fresh: [freshBody('event_id', 'id', 'evt_'), freshBody('notification_id', 'id', 'ntf_'), freshBody('occurred_at', 'iso')],
  workflows: workflows('subscription-started', 'subscription-canceled'),
  defaultMappings: [
    mapping('customer-created-identify', 'Identify the customer', 'customer.created', 'users_identify', {
      id: 'body.data.id', email: 'body.data.email', name: 'body.data.name', locale: 'body.data.locale',
    }, { on: true }),
    trigger('subscription-created-trigger', 'Welcome the new subscriber', 'subscription.created', 'subscription-started', {
      recipients: 'body.data.customer_id', data: 'body.data', cancellation_key: 'body.data.id',
    }, { on: true }),
    trigger('subscription-canceled-trigger', 'Confirm the cancellation', 'subscription.canceled', 'subscription-canceled', { recipients: 'body.data.customer_id', data: 'body.data' }),
  ],
  samples: [
    sample('customer-created', 'customer.created', 'A customer is created at checkout', event('customer.created', 'evt_01hv8x2acma2gz3he4z4a6eqrb', customer)),
    sample('subscription-created', 'subscription.created', 'A subscription starts', event('subscription.created', 'evt_01hv8y5jspwz4wexkz0mx2mm9b', { ...subscription('active'), transaction_id: 'txn_01hv8y4xnkhndyrwn2pxqg2bd5' })),
    sample('subscription-canceled', 'subscription.canceled', 'A subscription is cancelled', event('subscription.canceled', 'evt_01hv8z2m3m4b5n6v7c8x9z0a1s', subscription('canceled'))),
  ],
};
