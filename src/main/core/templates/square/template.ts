import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const MERCHANT = 'MLEFBHHSJGVHD';
const CUSTOMER = 'JDKYHBWT1D4F8MFH63DBMEN8Y4';
/** Square's envelope: `{merchant_id, type, event_id, created_at, data: {type, id, object}}`. */
const event = (type: string, id: string, objectType: string, objectId: string, object: Record<string, unknown>) => ({
  merchant_id: MERCHANT, type, event_id: id, created_at: '2024-06-10T06:13:20.000Z', data: { type: objectType, id: objectId, object },
});
const payment = (status: string) => ({
  payment: {
    id: 'KkAkhdMsgzn59SM8A89WgKwekxLZY', created_at: '2024-06-10T06:13:20.000Z', updated_at: '2024-06-10T06:13:25.000Z',
    amount_money: { amount: 4900, currency: 'USD' }, total_money: { amount: 4900, currency: 'USD' }, status, source_type: 'CARD',
    card_details: { status: 'CAPTURED', card: { card_brand: 'VISA', last_4: '1111', exp_month: 12, exp_year: 2027 } },
    location_id: 'LH2G4W1AHKHE6', order_id: 'nUSN9TdxpiK3SrQg3wzmf6r8LP9YY', customer_id: CUSTOMER,
    receipt_number: 'KkAk', receipt_url: 'https://squareup.com/receipt/preview/KkAkhdMsgzn59SM8A89WgKwekxLZY', version: 3,
  },
});

export const square: TemplateInput = {
  id: 'square',
  version: '1.0.0',
  name: 'Square',
  description: "Square webhooks: identify customers and send receipts for completed payments. The signature covers the subscription's notification URL.",
  category: 'commerce',
  branding: monogram('Sq', '#3E4348'),
  docs: [{ label: 'Square webhooks', url: 'https://developer.squareup.com/docs/webhooks/overview' }],
  ...preset('square'),
  secretRequired: true,
  eventTypePath: 'body.type',
  idempotencyKeyPath: 'body.event_id',
  timestampPath: 'body.created_at',
  fresh: [freshBody('event_id', 'uuid'), freshBody('created_at', 'iso')],
  workflows: workflows('payment-receipt'),
  defaultMappings: [
    mapping('customer-created-identify', 'Identify the customer', 'customer.created', 'users_identify', {
      id: 'body.data.id',
      email: 'body.data.object.customer.email_address',
      name: '"{{body.data.object.customer.given_name}} {{body.data.object.customer.family_name ?? ""}}"',
      phone_number: 'body.data.object.customer.phone_number',
    }, { on: true }),
    trigger('payment-updated-trigger', 'Send a receipt for a completed payment', 'payment.updated', 'payment-receipt', {
      recipients: 'body.data.object.payment.customer_id', data: 'body.data.object.payment',
    }, { on: true, condition: { path: 'body.data.object.payment.status', op: 'equals', value: 'COMPLETED' } }),
  ],
  samples: [
    sample('customer-created', 'customer.created', 'A customer is created', event('customer.created', '1a5a7a1b-3bd1-4b1e-9a4e-1d2c3b4a5f6e', 'customer', CUSTOMER, {
      customer: {
        id: CUSTOMER, created_at: '2024-06-10T06:13:20.000Z', updated_at: '2024-06-10T06:13:20.000Z', given_name: 'Amelia', family_name: 'Earhart',
        email_address: 'amelia@example.com', phone_number: '+14155550199', preferences: { email_unsubscribed: false }, creation_source: 'THIRD_PARTY', version: 0,
      },
    })),
    sample('payment-updated', 'payment.updated', 'A payment completes', event('payment.updated', '6a8f5f28-54a1-4eb0-a98a-3111513fd4fc', 'payment', 'KkAkhdMsgzn59SM8A89WgKwekxLZY', payment('COMPLETED'))),
  ],
};
