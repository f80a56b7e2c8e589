import { CUSTOM_HTTP_SCRIPT } from '../../script-sandbox';
import { mapping, monogram, sample, scriptSecret, trigger, workflows, type TemplateInput } from '../define';

const [secretVar] = CUSTOM_HTTP_SCRIPT.vars;

export const customHttp: TemplateInput = {
  id: 'custom-http',
  version: '1.0.0',
  name: 'Custom HTTP',
  description: "Any sender that can POST JSON: Knock's default — a shared secret in X-Webhook-Secret, the event type at body.type.",
  category: 'generic',
  branding: monogram('{}', '#475569'),
  docs: [{ label: 'Knock: Custom source', url: 'https://docs.knock.app/integrations/sources/custom' }],
  ...scriptSecret(
    { source: CUSTOM_HTTP_SCRIPT.source, varName: secretVar?.name ?? 'CUSTOM_HTTP_SIGNING_SECRET', help: secretVar?.description ?? '' },
    true,
    'Any long random value; configure the sender to send it in the X-Webhook-Secret header.',
  ),
  eventTypePath: 'body.type',
  idempotencyKeyPath: null,
  workflows: workflows('order-shipped'),
  defaultMappings: [
    mapping('user-signed-up-identify', 'Identify the user', 'user.signed_up', 'users_identify', {
      id: 'body.data.user_id',
      email: 'body.data.email',
      name: 'body.data.name',
      custom_properties: 'body.data.traits',
    }),
    trigger('order-shipped-trigger', 'Tell the customer their order shipped', 'order.shipped', 'order-shipped', { recipients: 'body.data.user_id', data: 'body.data' }),
  ],
  samples: [
    sample('user-signed-up', 'user.signed_up', 'A user signs up', {
      type: 'user.signed_up',
      id: 'evt_7f3a9c21',
      occurred_at: '2024-06-10T06:13:20Z',
      data: { user_id: 'usr_1024', email: 'margaret@example.com', name: 'Margaret Hamilton', traits: { plan: 'free', referrer: 'newsletter' } },
    }),
    sample('order-shipped', 'order.shipped', 'An order ships', {
      type: 'order.shipped',
      id: 'evt_7f3a9c22',
      occurred_at: '2024-06-12T15:00:00Z',
      data: { user_id: 'usr_1024', order_id: 'ord_5531', carrier: 'UPS', tracking_number: '1Z999AA10123456784', items: [{ sku: 'MUG-01', quantity: 2 }] },
    }),
  ],
};
