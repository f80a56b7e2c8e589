import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

/** One Event Webhook item; SendGrid posts them in a JSON array. */
const item = (event: string, id: string, extra: Record<string, unknown> = {}) => ({
  email: 'example@test.com', timestamp: 1718000000, 'smtp-id': '<14c5d75ce93.dfd.64b469@ismtpd-555>', event, category: ['welcome'],
  sg_event_id: id, sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0', ...extra,
});
// The first item of the batch; receiver paths and mappings share the expression language.
const first = (path: string) => `body[0].${path}`;
const recipient = `{"id": ${first('email')}, "email": ${first('email')}}`;

export const sendgrid: TemplateInput = {
  id: 'sendgrid',
  version: '1.0.1',
  name: 'SendGrid Event Webhook',
  description: 'SendGrid delivery events (signed with ECDSA): follow up on bounces, record unsubscribes on the user.',
  category: 'messaging',
  branding: monogram('SG', '#1A82E2'),
  docs: [
    { label: 'SendGrid Event Webhook', url: 'https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event' },
    { label: 'Signature verification', url: 'https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features' },
  ],
  ...preset('sendgrid'),
  secretRequired: true,
  // A batch holds many events; type and dedupe id come from the first (SendGrid batches by time).
  eventTypePath: first('event'),
  idempotencyKeyPath: first('sg_event_id'),
  timestampPath: first('timestamp'),
  fresh: [freshBody('*.sg_event_id', 'id'), freshBody('*.timestamp', 'unix_s')],
  workflows: workflows('email-bounced'),
  defaultMappings: [
    trigger('bounce-trigger', 'Follow up on a bounce', 'bounce', 'email-bounced', {
      recipients: recipient, data: `{"reason": ${first('reason')}, "status": ${first('status')}, "type": ${first('type')}}`,
    }, { on: true }),
    mapping('unsubscribe-identify', 'Record the unsubscribe on the user', 'unsubscribe', 'users_identify', {
      id: first('email'), email: first('email'), custom_properties: '{"email_unsubscribed": true}',
    }, { on: true }),
  ],
  samples: [
    sample('delivered', 'delivered', 'An email is delivered', [item('delivered', 'sg_event_id_delivered_0001', { response: '250 OK' })]),
    sample('bounce', 'bounce', 'An email bounces', [item('bounce', 'sg_event_id_bounce_0001', { reason: '550 5.1.1 The email account that you tried to reach does not exist.', status: '5.1.1', type: 'bounce' })]),
    sample('unsubscribe', 'unsubscribe', 'A recipient unsubscribes', [item('unsubscribe', 'sg_event_id_unsub_0001')]),
  ],
};
