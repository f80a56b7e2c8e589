import { forEach, freshBody, mapping, sample, scriptSecret, trigger, workflows, type TemplateInput } from '../define';
import { OPTIONAL_SECRET, OPTIONAL_SECRET_HINT } from '../scripts';
import { notIdentifyEvent, POSTHOG_BRAND, POSTHOG_DOCS, PERSON } from '../posthog-shared';

/** The Knock destination's track call: `{type: 'track', event, userId, properties, messageId, timestamp}`. */
const track = (event: string, properties: Record<string, unknown>) => ({
  type: 'track',
  event,
  userId: PERSON.distinctId,
  messageId: '018f9a2b-8d4e-7f50-9a1b-2c3d4e5f6a7b',
  timestamp: '2024-06-10T06:13:20.123Z',
  properties: { $browser: 'Chrome', $current_url: 'https://app.example.com/settings', $lib: 'web', ...properties },
});

export const posthogKnock: TemplateInput = {
  id: 'posthog-knock',
  version: '1.0.0',
  name: 'PostHog (Knock destination)',
  description: "Events from PostHog's Knock destination: identify people on $identify and $set, trigger workflows from product events.",
  category: 'analytics',
  branding: POSTHOG_BRAND,
  docs: [...POSTHOG_DOCS, { label: 'Knock: PostHog source', url: 'https://docs.knock.app/integrations/sources/posthog' }],
  ...scriptSecret(OPTIONAL_SECRET, false, OPTIONAL_SECRET_HINT),
  eventTypePath: 'body.event',
  idempotencyKeyPath: 'body.messageId',
  timestampPath: 'body.timestamp',
  fresh: [freshBody('messageId', 'uuid'), freshBody('timestamp', 'iso')],
  workflows: workflows('posthog-event'),
  defaultMappings: [
    ...forEach(['$identify', '$set'], (type, slug) =>
      mapping(`${slug}-identify`, 'Identify the person', type, 'users_identify', {
        id: 'body.userId',
        email: 'body.properties.email ?? body.properties.$set.email',
        name: 'body.properties.name ?? body.properties.$set.name',
        custom_properties: 'body.properties.$set',
      }, { on: true })),
    trigger('event-trigger', 'Trigger a workflow for product events', '*', 'posthog-event',
      { recipients: 'body.userId', data: 'body.properties' }, { condition: notIdentifyEvent('body.event') }),
  ],
  samples: [
    sample('identify', '$identify', 'A person is identified', track('$identify', { $set: PERSON.set, email: PERSON.set.email, name: PERSON.set.name })),
    sample('set', '$set', 'A person property changes', track('$set', { $set: { ...PERSON.set, plan: 'scale' } })),
    sample('trial-started', 'trial_started', 'A product event (trial_started)', track('trial_started', { plan: 'scale', trial_days: 14, email: PERSON.set.email })),
  ],
};
