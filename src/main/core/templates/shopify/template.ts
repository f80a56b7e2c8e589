import { freshHeader, identifyFrom, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const SHOP = 'inlet-demo.myshopify.com';
/** Shopify's delivery headers, minus the HMAC; webhooks.validate requires all of these. */
const headers = (topic: string) => ({
  'x-shopify-topic': topic,
  'x-shopify-shop-domain': SHOP,
  'x-shopify-api-version': '2025-10',
  'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
  'x-shopify-triggered-at': '2024-06-10T06:13:20.123Z',
  'user-agent': 'Shopify-Captain-Hook',
});
const customer = {
  id: 7001234567890, email: 'bob.norman@example.com', first_name: 'Bob', last_name: 'Norman', phone: '+16135551111', state: 'enabled',
  verified_email: true, tags: 'vip', currency: 'USD', accepts_marketing: true, created_at: '2024-06-10T02:13:20-04:00', updated_at: '2024-06-10T02:13:20-04:00',
};
const order = (fulfilled: boolean) => ({
  id: 5801234567890, admin_graphql_api_id: 'gid://shopify/Order/5801234567890', name: '#1001', order_number: 1001, email: customer.email,
  currency: 'USD', total_price: '59.00', subtotal_price: '54.00', total_tax: '5.00', financial_status: 'paid',
  fulfillment_status: fulfilled ? 'fulfilled' : null, created_at: '2024-06-10T02:20:00-04:00',
  line_items: [{ id: 14501234567890, title: 'Ceramic mug', quantity: 2, price: '27.00', sku: 'MUG-01' }],
  customer: { id: customer.id, email: customer.email, first_name: customer.first_name, last_name: customer.last_name },
  order_status_url: `https://${SHOP}/orders/5b0d0c5a/authenticate?key=4f6c`,
});

export const shopify: TemplateInput = {
  id: 'shopify',
  version: '1.0.0',
  name: 'Shopify',
  description: 'Store webhooks from Shopify: identify customers, confirm orders and tell customers their order shipped.',
  category: 'commerce',
  branding: monogram('S', '#95BF47'),
  docs: [
    { label: 'Shopify webhooks', url: 'https://shopify.dev/docs/apps/build/webhooks' },
    { label: 'Knock: Shopify source', url: 'https://docs.knock.app/integrations/sources/shopify' },
  ],
  ...preset('shopify'),
  secretRequired: true,
  eventTypePath: 'headers.x-shopify-topic',
  idempotencyKeyPath: 'headers.x-shopify-webhook-id',
  timestampPath: 'headers.x-shopify-triggered-at',
  fresh: [freshHeader('x-shopify-webhook-id', 'uuid'), freshHeader('x-shopify-event-id', 'uuid'), freshHeader('x-shopify-triggered-at', 'iso')],
  workflows: workflows('order-confirmation', 'order-shipped'),
  defaultMappings: [
    mapping('customers-create-identify', 'Identify the customer', 'customers/create', 'users_identify',
      identifyFrom('body', { email: 'email', phone: 'phone', name: '"{{body.first_name}} {{body.last_name ?? ""}}"', custom: '{"tags": body.tags, "accepts_marketing": body.accepts_marketing}' }), { on: true }),
    trigger('orders-create-trigger', 'Confirm the order', 'orders/create', 'order-confirmation', { recipients: 'body.customer.id', data: 'body' }, { on: true }),
    trigger('orders-fulfilled-trigger', 'Tell the customer the order shipped', 'orders/fulfilled', 'order-shipped', { recipients: 'body.customer.id', data: 'body' }),
  ],
  samples: [
    sample('customers-create', 'customers/create', 'A customer account is created', customer, headers('customers/create')),
    sample('orders-create', 'orders/create', 'An order is placed', order(false), headers('orders/create')),
    sample('orders-fulfilled', 'orders/fulfilled', 'An order is fulfilled', order(true), headers('orders/fulfilled')),
  ],
};
