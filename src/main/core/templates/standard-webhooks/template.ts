import { mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

/** The Standard Webhooks payload shape: `{type, timestamp, data}`. */
const event = (type: string, data: Record<string, unknown>) => ({ type, timestamp: '2024-06-10T06:13:20.000Z', data });

export const standardWebhooks: TemplateInput = {
  id: 'standard-webhooks',
  version: '1.0.0',
  name: 'Standard Webhooks',
  description: 'Any sender that follows the Standard Webhooks spec (webhook-id / webhook-timestamp / webhook-signature, or svix-*), with {type, timestamp, data} payloads.',
  category: 'generic',
  branding: monogram('SW', '#1E293B'),
  docs: [{ label: 'Standard Webhooks spec', url: 'https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md' }],
  ...preset('standard-webhooks'),
  secretRequired: true,
  eventTypePath: 'body.type',
  idempotencyKeyPath: 'headers.webhook-id',
  timestampPath: 'body.timestamp',
  workflows: workflows('invoice-paid'),
  defaultMappings: [
    mapping('user-created-identify', 'Identify the user', 'user.created', 'users_identify', {
      id: 'body.data.id', email: 'body.data.email', name: 'body.data.name', custom_properties: 'body.data.metadata',
    }, { on: true }),
    trigger('invoice-paid-trigger', 'Send a receipt', 'invoice.paid', 'invoice-paid', { recipients: 'body.data.customer_id', data: 'body.data' }, { on: true }),
  ],
  samples: [
    sample('user-created', 'user.created', 'A user is created', event('user.created', { id: 'user_01J0B9', email: 'hedy@example.com', name: 'Hedy Lamarr', metadata: { plan: 'pro' } })),
    sample('invoice-paid', 'invoice.paid', 'An invoice is paid', event('invoice.paid', { id: 'inv_01J0BA', customer_id: 'user_01J0B9', amount: 4200, currency: 'EUR' })),
  ],
};
