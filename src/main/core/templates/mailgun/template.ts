import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const at = 'body.event-data';
/** Mailgun's body: `{signature, event-data}`; "send test event" adds the signature. */
const delivery = (event: string, id: string, extra: Record<string, unknown> = {}) => ({
  'event-data': {
    id, event, timestamp: 1718000000.123456, recipient: 'alice@example.com', 'recipient-domain': 'example.com',
    tags: ['welcome'], 'user-variables': { user_id: 'usr_16384' }, envelope: { sender: 'bob@mg.acme.example', transport: 'smtp' },
    message: { headers: { to: 'Alice <alice@example.com>', 'message-id': '20240610061320.1.C0FFEE@mg.acme.example', from: 'Bob <bob@mg.acme.example>', subject: 'Welcome' } },
    ...extra,
  },
});

export const mailgun: TemplateInput = {
  id: 'mailgun',
  version: '1.0.0',
  name: 'Mailgun',
  description: 'Mailgun webhooks: follow up on permanent failures, record unsubscribes. Note: the signature covers only timestamp + token, not the event.',
  category: 'messaging',
  branding: monogram('M', '#F06B66'),
  docs: [{ label: 'Mailgun webhooks', url: 'https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/' }],
  ...preset('mailgun'),
  secretRequired: true,
  eventTypePath: `${at}.event`,
  idempotencyKeyPath: `${at}.id`,
  timestampPath: `${at}.timestamp`,
  fresh: [freshBody('event-data.id', 'id'), freshBody('event-data.timestamp', 'unix_s')],
  workflows: workflows('email-bounced'),
  defaultMappings: [
    trigger('failed-trigger', 'Follow up on a permanent failure', 'failed', 'email-bounced', {
      recipients: `{"id": ${at}.user-variables.user_id ?? ${at}.recipient, "email": ${at}.recipient}`,
      data: `{"reason": ${at}.delivery-status.description, "code": ${at}.delivery-status.code, "severity": ${at}.severity}`,
    }, { on: true, condition: { path: `${at}.severity`, op: 'equals', value: 'permanent' } }),
    mapping('unsubscribed-identify', 'Record the unsubscribe on the user', 'unsubscribed', 'users_identify', {
      id: `${at}.user-variables.user_id ?? ${at}.recipient`, email: `${at}.recipient`, custom_properties: '{"email_unsubscribed": true}',
    }, { on: true }),
  ],
  samples: [
    sample('delivered', 'delivered', 'An email is delivered', delivery('delivered', 'CPgfbmQMTCKtHW6uIWtuVe', { 'delivery-status': { code: 250, message: 'OK' } })),
    sample('failed', 'failed', 'An email fails permanently', delivery('failed', 'G9Bn5sl1TC6nu79C8C0bwg', {
      severity: 'permanent', reason: 'bounce', 'delivery-status': { code: 550, message: '5.1.1 User unknown', description: 'Not delivered: the mailbox does not exist.' },
    })),
    sample('unsubscribed', 'unsubscribed', 'A recipient unsubscribes', delivery('unsubscribed', 'Ase7i2zsRYeDXztHGENqRA')),
  ],
};
