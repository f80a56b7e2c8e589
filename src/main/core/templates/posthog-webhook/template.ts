import { freshBody, mapping, sample, scriptSecret, trigger, workflows, type TemplateInput } from '../define';
import { OPTIONAL_SECRET, OPTIONAL_SECRET_HINT } from '../scripts';
import { notIdentifyEvent, POSTHOG_BRAND, POSTHOG_DOCS, PERSON } from '../posthog-shared';

const PROJECT = { id: 12345, name: 'Default project', url: 'https://us.posthog.com/project/12345' };

/** The HTTP Webhook destination's default body: `{event: {uuid, event, distinct_id, properties, …}, person}`. */
const delivery = (event: string, uuid: string, properties: Record<string, unknown>) => ({
  event: {
    uuid,
    event,
    distinct_id: PERSON.distinctId,
    properties: { $lib: 'posthog-node', ...properties },
    timestamp: '2024-06-10T06:20:00.000Z',
    elements_chain: '',
    url: `${PROJECT.url}/events/${uuid}`,
  },
  person: { id: PERSON.id, name: PERSON.set.name, properties: PERSON.set, url: `${PROJECT.url}/person/grace%40example.com` },
  groups: {},
  project: PROJECT,
});

export const posthogWebhook: TemplateInput = {
  id: 'posthog-webhook',
  version: '1.0.0',
  name: 'PostHog (HTTP webhook destination)',
  description: "Events from PostHog's generic HTTP webhook destination with its default body: identify people, trigger workflows from product events.",
  category: 'analytics',
  branding: POSTHOG_BRAND,
  docs: [...POSTHOG_DOCS, { label: 'PostHog webhook destination', url: 'https://posthog.com/docs/cdp/destinations/webhook' }],
  ...scriptSecret(OPTIONAL_SECRET, false, OPTIONAL_SECRET_HINT),
  eventTypePath: 'body.event.event',
  idempotencyKeyPath: 'body.event.uuid',
  timestampPath: 'body.event.timestamp',
  fresh: [freshBody('event.uuid', 'uuid'), freshBody('event.timestamp', 'iso')],
  workflows: workflows('posthog-event'),
  defaultMappings: [
    mapping('identify-identify', 'Identify the person', '$identify', 'users_identify', {
      id: 'body.event.distinct_id',
      email: 'body.person.properties.email',
      name: 'body.person.name ?? body.person.properties.name',
      custom_properties: 'body.person.properties',
    }, { on: true }),
    trigger('event-trigger', 'Trigger a workflow for product events', '*', 'posthog-event',
      { recipients: 'body.event.distinct_id', data: 'body.event.properties' }, { condition: notIdentifyEvent('body.event.event') }),
  ],
  samples: [
    sample('identify', '$identify', 'A person is identified', delivery('$identify', '018f9a2c-0a1b-7c3d-8e4f-5a6b7c8d9e0f', { $set: PERSON.set })),
    sample('invite-sent', 'invite_sent', 'A product event (invite_sent)', delivery('invite_sent', '018f9a2c-1a2b-7c3d-8e4f-5a6b7c8d9e0f', { invitee_email: 'linus@example.com', team: 'Platform' })),
  ],
};
