import { freshBody, mapping, monogram, preset, sample, type TemplateInput } from '../define';

const PORTAL = 62515;
/**
 * HubSpot posts a batch (a JSON array) of events; the event type and dedupe id are read from the
 * first, which is what a single-change delivery holds. Payloads carry ids, not whole records.
 */
const batch = (subscriptionType: string, eventId: number, extra: Record<string, unknown> = {}) => [{
  eventId, subscriptionId: 2716573, portalId: PORTAL, appId: 1160452, occurredAt: 1718000000123, subscriptionType,
  attemptNumber: 0, objectId: 1246965, changeSource: 'CRM_UI', changeFlag: 'NEW', ...extra,
}];
// The first item of the batch; receiver paths and mappings share the expression language.
const byFirst = (path: string) => `body[0].${path}`;

export const hubspot: TemplateInput = {
  id: 'hubspot',
  version: '1.0.1',
  name: 'HubSpot',
  description: 'HubSpot app webhooks (signature v3): identify contacts as they are created and their email changes, delete them when they are.',
  category: 'data',
  branding: monogram('H', '#FF7A59'),
  docs: [
    { label: 'HubSpot webhooks API', url: 'https://developers.hubspot.com/docs/api/webhooks' },
    { label: 'Validating requests (v3)', url: 'https://developers.hubspot.com/docs/api/webhooks/validating-requests' },
  ],
  ...preset('hubspot'),
  secretRequired: true,
  eventTypePath: byFirst('subscriptionType'),
  idempotencyKeyPath: byFirst('eventId'),
  timestampPath: byFirst('occurredAt'),
  fresh: [freshBody('*.eventId', 'int'), freshBody('*.occurredAt', 'unix_ms')],
  workflows: [],
  defaultMappings: [
    mapping('contact-creation-identify', 'Identify the new contact', 'contact.creation', 'users_identify', {
      id: byFirst('objectId'), custom_properties: `{"hubspot_portal_id": ${byFirst('portalId')}}`,
    }, { on: true }),
    mapping('contact-email-identify', 'Keep the contact email up to date', 'contact.propertyChange', 'users_identify', {
      id: byFirst('objectId'), email: byFirst('propertyValue'),
    }, { on: true, condition: { path: byFirst('propertyName'), op: 'equals', value: 'email' } }),
    mapping('contact-deletion-delete', 'Delete the contact', 'contact.deletion', 'users_delete', { id: byFirst('objectId') }),
  ],
  samples: [
    sample('contact-creation', 'contact.creation', 'A contact is created', batch('contact.creation', 1001)),
    sample('contact-email-change', 'contact.propertyChange', "A contact's email changes", batch('contact.propertyChange', 1002, {
      propertyName: 'email', propertyValue: 'brian.halligan@example.com', changeFlag: undefined,
    })),
    sample('contact-deletion', 'contact.deletion', 'A contact is deleted', batch('contact.deletion', 1003, { changeFlag: 'DELETED' })),
  ],
};
