import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const APP = 'a86dr8yl';
const contact = {
  type: 'contact', id: '6657add46abd0167d9419cd2', workspace_id: APP, external_id: 'usr_8192', role: 'user', email: 'joan@example.com',
  phone: '+353871234567', name: 'Joan Clarke', avatar: null, created_at: 1718000000, updated_at: 1718000000, signed_up_at: 1718000000,
  custom_attributes: { plan: 'team' }, tags: { type: 'list', data: [] },
};
/** Intercom's notification: `{type: 'notification_event', topic, id, data: {item}}`; `id` is the dedupe key. */
const notification = (topic: string, id: string, item: Record<string, unknown>) => ({
  type: 'notification_event', app_id: APP, data: { type: 'notification_event_data', item }, links: {}, id, topic,
  delivery_status: 'pending', delivery_attempts: 1, delivered_at: 0, first_sent_at: 1718000000, created_at: 1718000000, self: null,
});
const conversation = {
  type: 'conversation', id: '1295', created_at: 1718000100, updated_at: 1718000400, title: null, state: 'open', open: true, read: false,
  source: { type: 'conversation', id: '403918311', delivered_as: 'customer_initiated', subject: '', body: '<p>How do I rotate my webhook secret?</p>', author: { type: 'user', id: contact.id, name: contact.name, email: contact.email } },
  contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: contact.id, external_id: contact.external_id }] },
  admin_assignee_id: 5017691,
  conversation_parts: { type: 'conversation_part.list', conversation_parts: [{ type: 'conversation_part', id: '8754', part_type: 'comment', body: '<p>Settings → Secrets → Rotate.</p>', author: { type: 'admin', id: '5017691', name: 'Support' } }], total_count: 1 },
};

export const intercom: TemplateInput = {
  id: 'intercom',
  version: '1.0.0',
  name: 'Intercom',
  description: 'Intercom webhooks: identify contacts as they sign up and tell users when support replies.',
  category: 'support',
  branding: monogram('I', '#286EFA'),
  docs: [{ label: 'Intercom webhooks', url: 'https://developers.intercom.com/docs/webhooks' }],
  ...preset('intercom'),
  secretRequired: true,
  eventTypePath: 'body.topic',
  idempotencyKeyPath: 'body.id',
  timestampPath: 'body.created_at',
  fresh: [freshBody('id', 'id', 'notif_'), freshBody('created_at', 'unix_s')],
  workflows: workflows('support-reply'),
  defaultMappings: [
    mapping('contact-user-created-identify', 'Identify the contact', 'contact.user.created', 'users_identify', {
      id: 'body.data.item.external_id ?? body.data.item.id', email: 'body.data.item.email', name: 'body.data.item.name',
      phone_number: 'body.data.item.phone', custom_properties: 'body.data.item.custom_attributes',
    }, { on: true }),
    trigger('conversation-admin-replied-trigger', 'Tell the user support replied', 'conversation.admin.replied', 'support-reply', {
      recipients: 'body.data.item.contacts.contacts[*].external_id',
      data: '{"conversation_id": body.data.item.id, "reply": body.data.item.conversation_parts.conversation_parts[0].body}',
    }, { on: true }),
  ],
  samples: [
    sample('contact-user-created', 'contact.user.created', 'A user signs up', notification('contact.user.created', 'notif_ccd8a4d2-3bb0-4d1a-8c9e-1f2a3b4c5d6e', contact)),
    sample('conversation-admin-replied', 'conversation.admin.replied', 'Support replies to a conversation', notification('conversation.admin.replied', 'notif_ddc9b5e3-4cc1-4e2b-9d0f-2a3b4c5d6e7f', conversation)),
  ],
};
