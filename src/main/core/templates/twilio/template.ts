import { freshHeader, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const ACCOUNT = 'AC5ef8732a3c49700934481addd5ce1659';
const CUSTOMER = '+14155550123';
const SENDER = '+15005550006';
/** Twilio posts forms; the sample body is the exact form string, as Twilio signs its fields. */
const form = (fields: Record<string, string>) => new URLSearchParams({ AccountSid: ACCOUNT, ApiVersion: '2010-04-01', ...fields }).toString();
const headers = { 'i-twilio-idempotency-token': '4b8e7c1a-9d2f-4e3b-8a6c-1f0e9d8c7b6a', 'user-agent': 'TwilioProxy/1.1' };
const status = (value: string, extra: Record<string, string> = {}) =>
  form({ MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', SmsSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', MessageStatus: value, SmsStatus: value, From: SENDER, To: CUSTOMER, ...extra });

export const twilio: TemplateInput = {
  id: 'twilio',
  version: '1.0.0',
  name: 'Twilio',
  description: 'Twilio Messaging: incoming SMS and delivery status callbacks. The signature covers the exact URL Twilio calls.',
  category: 'messaging',
  branding: monogram('T', '#F22F46'),
  docs: [
    { label: 'Twilio webhook security', url: 'https://www.twilio.com/docs/usage/webhooks/webhooks-security' },
    { label: 'Message status callbacks', url: 'https://www.twilio.com/docs/messaging/guides/track-outbound-message-status' },
  ],
  ...preset('twilio'),
  secretRequired: true,
  // Incoming messages say "received"; status callbacks carry the delivery state in the same field.
  eventTypePath: 'body.SmsStatus',
  idempotencyKeyPath: 'headers.i-twilio-idempotency-token',
  fresh: [freshHeader('i-twilio-idempotency-token', 'uuid')],
  workflows: workflows('sms-undelivered', 'sms-reply-received'),
  defaultMappings: [
    mapping('received-identify', 'Identify the texter by phone number', 'received', 'users_identify', { id: 'body.From', phone_number: 'body.From' }, { on: true }),
    trigger('received-trigger', 'Route the reply to a workflow', 'received', 'sms-reply-received', { recipients: 'body.From', data: '{"text": body.Body, "to": body.To}' }),
    trigger('undelivered-trigger', 'Follow up on an undelivered message', 'undelivered', 'sms-undelivered', {
      recipients: '{"id": body.To, "phone_number": body.To}',
      data: '{"message_sid": body.MessageSid, "error_code": body.ErrorCode}',
    }, { on: true }),
  ],
  samples: [
    sample('received', 'received', 'A customer texts your number', form({
      MessageSid: 'SM9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a', SmsMessageSid: 'SM9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a', SmsSid: 'SM9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a',
      From: CUSTOMER, To: SENDER, Body: 'YES, confirm my appointment', NumMedia: '0', NumSegments: '1', SmsStatus: 'received',
      FromCity: 'SAN FRANCISCO', FromState: 'CA', FromCountry: 'US', ToCountry: 'US',
    }), headers),
    sample('delivered', 'delivered', 'A message is delivered', status('delivered'), headers),
    sample('undelivered', 'undelivered', 'A message cannot be delivered', status('undelivered', { ErrorCode: '30003' }), headers),
  ],
};
