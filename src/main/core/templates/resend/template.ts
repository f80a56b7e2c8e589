import { mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const email = (extra: Record<string, unknown> = {}) => ({
  created_at: '2024-06-10T06:13:20.000Z', email_id: '56761188-7520-42d8-8898-ff6fc54ce618', from: 'Acme <onboarding@acme.example>',
  to: ['delivered@resend.dev'], subject: 'Welcome to Acme', tags: { category: 'welcome' }, ...extra,
});
/** Resend's envelope: `{type, created_at, data}`, delivered through Svix. */
const event = (type: string, data: Record<string, unknown>) => ({ type, created_at: '2024-06-10T06:13:21.000Z', data });

export const resend: TemplateInput = {
  id: 'resend',
  version: '1.0.0',
  name: 'Resend',
  description: 'Email and contact events from Resend (signed through Svix): identify contacts, follow up on bounces and complaints.',
  category: 'messaging',
  branding: monogram('R', '#000000'),
  docs: [{ label: 'Resend webhooks', url: 'https://resend.com/docs/dashboard/webhooks/introduction' }],
  ...preset('resend'),
  secretRequired: true,
  eventTypePath: 'body.type',
  idempotencyKeyPath: 'headers.svix-id',
  timestampPath: 'body.created_at',
  workflows: workflows('email-bounced', 'email-complaint'),
  defaultMappings: [
    mapping('contact-created-identify', 'Identify the contact', 'contact.created', 'users_identify', {
      id: 'body.data.email', email: 'body.data.email', name: '"{{body.data.first_name}} {{body.data.last_name ?? ""}}"',
      custom_properties: '{"resend_contact_id": body.data.id, "audience_id": body.data.audience_id, "unsubscribed": body.data.unsubscribed}',
    }, { on: true }),
    trigger('email-bounced-trigger', 'Follow up on a bounce', 'email.bounced', 'email-bounced', {
      recipients: '{"id": body.data.to[0], "email": body.data.to[0]}', data: 'body.data',
    }, { on: true }),
    trigger('email-complained-trigger', 'Follow up on a spam complaint', 'email.complained', 'email-complaint', {
      recipients: '{"id": body.data.to[0], "email": body.data.to[0]}', data: 'body.data',
    }),
  ],
  samples: [
    sample('contact-created', 'contact.created', 'A contact joins an audience', event('contact.created', {
      id: 'e169aa45-1ecf-4183-9955-b1499d5701d3', audience_id: '78261eea-8f8b-4381-83c6-79fa7120f1cf', created_at: '2024-06-10T06:13:20.000Z',
      updated_at: '2024-06-10T06:13:20.000Z', email: 'delivered@resend.dev', first_name: 'Steve', last_name: 'Wozniak', unsubscribed: false,
    })),
    sample('email-delivered', 'email.delivered', 'An email is delivered', event('email.delivered', email())),
    sample('email-bounced', 'email.bounced', 'An email bounces', event('email.bounced', email({
      bounce: { message: "The recipient's mail server permanently rejected the email.", subType: 'Suppressed', type: 'Permanent' },
    }))),
    sample('email-complained', 'email.complained', 'A recipient marks an email as spam', event('email.complained', email())),
  ],
};
