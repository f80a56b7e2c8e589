import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const ORG = 'https://api.calendly.com/organizations/AAAAAAAAAAAAAAAA';
const EVENT = 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2';
/** Calendly's envelope: `{event, created_at, created_by, payload}`; the payload is the invitee. */
const delivery = (event: string, status: string, extra: Record<string, unknown> = {}) => ({
  event,
  created_at: '2024-06-10T06:13:20.000000Z',
  created_by: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA',
  payload: {
    uri: `${EVENT}/invitees/AAAAAAAAAAAAAAAA`, email: 'test@example.com', name: 'John Doe', first_name: 'John', last_name: 'Doe',
    status, timezone: 'America/New_York', rescheduled: false, created_at: '2024-06-10T06:13:20.000000Z', updated_at: '2024-06-10T06:13:20.000000Z',
    cancel_url: 'https://calendly.com/cancellations/AAAAAAAAAAAAAAAA', reschedule_url: 'https://calendly.com/reschedulings/AAAAAAAAAAAAAAAA',
    event: EVENT, questions_and_answers: [{ question: 'What would you like to discuss?', answer: 'Onboarding', position: 0 }],
    scheduled_event: {
      uri: EVENT, name: '30 Minute Meeting', status: status === 'canceled' ? 'canceled' : 'active', start_time: '2024-06-12T15:00:00.000000Z',
      end_time: '2024-06-12T15:30:00.000000Z', location: { type: 'zoom', join_url: 'https://zoom.us/j/123456789' }, event_memberships: [{ user: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA' }],
    },
    tracking: { utm_source: null, utm_campaign: null }, ...extra,
  },
  organization: ORG,
});
const meeting = '{"name": body.payload.scheduled_event.name, "start_time": body.payload.scheduled_event.start_time, "join_url": body.payload.scheduled_event.location.join_url}';

export const calendly: TemplateInput = {
  id: 'calendly',
  version: '1.0.0',
  name: 'Calendly',
  description: 'Calendly invitee webhooks: identify invitees, confirm and cancel meetings through workflows.',
  category: 'productivity',
  branding: monogram('Ca', '#006BFF'),
  docs: [{ label: 'Calendly webhooks', url: 'https://developer.calendly.com/api-docs/webhooks' }],
  ...preset('calendly'),
  secretRequired: true,
  eventTypePath: 'body.event',
  // Calendly sends no delivery id; an invitee's URI is unique per booking, and dedupe is per event type.
  idempotencyKeyPath: 'body.payload.uri',
  timestampPath: 'body.created_at',
  fresh: [freshBody('payload.uri', 'id', `${EVENT}/invitees/`), freshBody('created_at', 'iso')],
  workflows: workflows('meeting-booked', 'meeting-canceled'),
  defaultMappings: [
    mapping('invitee-created-identify', 'Identify the invitee', 'invitee.created', 'users_identify', {
      id: 'body.payload.email', email: 'body.payload.email', name: 'body.payload.name', timezone: 'body.payload.timezone',
    }, { on: true }),
    trigger('invitee-created-trigger', 'Confirm the meeting', 'invitee.created', 'meeting-booked', {
      recipients: 'body.payload.email', data: meeting, cancellation_key: 'body.payload.scheduled_event.uri',
    }, { on: true }),
    trigger('invitee-canceled-trigger', 'Confirm the cancellation', 'invitee.canceled', 'meeting-canceled', {
      recipients: 'body.payload.email', data: meeting,
    }, { on: true }),
  ],
  samples: [
    sample('invitee-created', 'invitee.created', 'Someone books a meeting', delivery('invitee.created', 'active')),
    sample('invitee-canceled', 'invitee.canceled', 'Someone cancels a meeting', delivery('invitee.canceled', 'canceled', {
      cancellation: { canceled_by: 'John Doe', reason: 'Conflict', canceler_type: 'invitee', created_at: '2024-06-11T06:13:20.000000Z' },
    })),
  ],
};
