import { mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const STORE = 1;
/** Lemon Squeezy's JSON:API body; the event name is in `meta` (and the X-Event-Name header). */
const event = (name: string, type: string, id: string, attributes: Record<string, unknown>) => ({
  meta: { event_name: name, custom_data: { user_id: 'usr_4096' }, test_mode: true, webhook_id: '4e2c6b5e-9f1a-4d3b-8c7a-6b5a4c3d2e1f' },
  data: { type, id, attributes: { store_id: STORE, ...attributes }, links: { self: `https://api.lemonsqueezy.com/v1/${type}/${id}` } },
});
const order = {
  customer_id: 1, identifier: '104e18a2-d755-4d4b-80c4-a6c1dcbe1c10', order_number: 1, user_name: 'Darlene Dixon', user_email: 'darlene@example.com',
  currency: 'USD', subtotal: 999, total: 999, status: 'paid', status_formatted: 'Paid', refunded: false, total_formatted: '$9.99',
  first_order_item: { product_name: 'Pro plan', variant_name: 'Monthly', price: 999 }, created_at: '2024-06-10T06:13:20.000000Z', updated_at: '2024-06-10T06:13:20.000000Z',
};
const subscription = {
  customer_id: 1, order_id: 1, product_name: 'Pro plan', variant_name: 'Monthly', user_name: order.user_name, user_email: order.user_email,
  status: 'cancelled', status_formatted: 'Cancelled', cancelled: true, renews_at: '2024-07-10T06:13:20.000000Z', ends_at: '2024-07-10T06:13:20.000000Z',
  created_at: '2024-06-10T06:13:20.000000Z', updated_at: '2024-06-20T06:13:20.000000Z',
};
const headers = (name: string) => ({ 'x-event-name': name });
const recipient = '{"id": body.meta.custom_data.user_id ?? body.data.attributes.user_email, "email": body.data.attributes.user_email, "name": body.data.attributes.user_name}';

export const lemonSqueezy: TemplateInput = {
  id: 'lemon-squeezy',
  version: '1.0.0',
  name: 'Lemon Squeezy',
  description: 'Orders and subscriptions from Lemon Squeezy: send receipts and confirm cancellations to the buyer.',
  category: 'billing',
  branding: monogram('LS', '#FFC233', '#1E1E1E'),
  docs: [{ label: 'Lemon Squeezy webhooks', url: 'https://docs.lemonsqueezy.com/help/webhooks' }],
  ...preset('lemon-squeezy'),
  secretRequired: true,
  eventTypePath: 'body.meta.event_name',
  // Lemon Squeezy has no delivery or event id; a resource id would swallow its later updates.
  idempotencyKeyPath: null,
  timestampPath: 'body.data.attributes.updated_at',
  workflows: workflows('order-receipt', 'subscription-canceled'),
  defaultMappings: [
    trigger('order-created-trigger', 'Send the receipt', 'order_created', 'order-receipt', { recipients: recipient, data: 'body.data.attributes' }, { on: true }),
    trigger('subscription-cancelled-trigger', 'Confirm the cancellation', 'subscription_cancelled', 'subscription-canceled', { recipients: recipient, data: 'body.data.attributes' }, { on: true }),
    mapping('order-created-identify', 'Identify the buyer', 'order_created', 'users_identify', {
      id: 'body.meta.custom_data.user_id ?? body.data.attributes.user_email', email: 'body.data.attributes.user_email', name: 'body.data.attributes.user_name',
    }),
  ],
  samples: [
    sample('order-created', 'order_created', 'An order is paid', event('order_created', 'orders', '1', order), headers('order_created')),
    sample('subscription-cancelled', 'subscription_cancelled', 'A subscription is cancelled', event('subscription_cancelled', 'subscriptions', '1', subscription), headers('subscription_cancelled')),
  ],
};
