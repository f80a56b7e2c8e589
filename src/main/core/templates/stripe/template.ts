import { forEach, freshBody, identifyFrom, mapping, monogram, preset, trigger, workflows, type TemplateInput } from '../define';
import { stripeSamples } from './samples';

const object = 'body.data.object';
const identifyCustomer = identifyFrom(object, { email: 'email', name: 'name', phone: 'phone', custom: 'metadata' });
const forCustomer = (data: string) => ({ recipients: `${object}.customer`, data });

export const stripe: TemplateInput = {
  id: 'stripe',
  version: '1.0.0',
  name: 'Stripe',
  description: 'Billing events from Stripe: identify customers, notify them about invoices, subscriptions and refunds.',
  category: 'billing',
  branding: monogram('S', '#635BFF'),
  docs: [
    { label: 'Stripe webhooks', url: 'https://docs.stripe.com/webhooks' },
    { label: 'Knock: Stripe source', url: 'https://docs.knock.app/integrations/sources/stripe' },
  ],
  ...preset('stripe'),
  secretRequired: true,
  eventTypePath: 'body.type',
  idempotencyKeyPath: 'body.id',
  timestampPath: 'body.created',
  // A new evt_ id per test, or idempotency would swallow the second send of a sample.
  fresh: [freshBody('id', 'id', 'evt_'), freshBody('created', 'unix_s')],
  workflows: workflows('invoice-created', 'invoice-paid', 'invoice-payment-failed', 'subscription-changed', 'charge-refunded'),
  defaultMappings: [
    // Knock's shipped defaults: Recipients ← customer, Data ← body.
    mapping('customer-created-identify', 'Identify the customer', 'customer.created', 'users_identify', identifyCustomer, { on: true }),
    trigger('invoice-created-trigger', 'Notify about a new invoice', 'invoice.created', 'invoice-created', forCustomer('body'), { on: true }),
    trigger('invoice-paid-trigger', 'Send a payment receipt', 'invoice.paid', 'invoice-paid', forCustomer('body'), { on: true }),
    mapping('customer-updated-identify', 'Keep the customer up to date', 'customer.updated', 'users_identify', identifyCustomer),
    trigger('invoice-payment-failed-trigger', 'Warn about a failed payment', 'invoice.payment_failed', 'invoice-payment-failed', forCustomer(object)),
    ...forEach(['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted'], (type, slug) =>
      trigger(`${slug.replace('customer-', '')}-trigger`, `Notify about ${type.split('.')[2]} subscription`, type, 'subscription-changed', {
        ...forCustomer(object),
        cancellation_key: `${object}.id`,
      }),
    ),
    trigger('charge-refunded-trigger', 'Confirm a refund', 'charge.refunded', 'charge-refunded', forCustomer(object)),
  ],
  samples: stripeSamples,
};
