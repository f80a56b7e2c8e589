import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const ACCOUNT = 'AAAAAABBBB';
const HOST = 'z8yCxjabcdEFGHfp8uQ';
const meeting = { id: '85746065432', uuid: '4444AAAiAAAAAiAAAAA==', host_id: HOST, topic: 'Weekly sync', type: 2, start_time: '2024-06-10T15:00:00Z', timezone: 'America/New_York', duration: 30 };
/** Zoom's envelope: `{event, event_ts (ms), payload: {account_id, object}}`. */
const event = (type: string, object: Record<string, unknown>) => ({ event: type, event_ts: 1718031600000, payload: { account_id: ACCOUNT, object } });

export const zoom: TemplateInput = {
  id: 'zoom',
  version: '1.0.0',
  name: 'Zoom',
  description: "Zoom meeting webhooks: identify participants, tell hosts their meeting started. Answers Zoom's endpoint URL validation itself.",
  category: 'productivity',
  branding: monogram('Z', '#0B5CFF'),
  docs: [{ label: 'Zoom webhooks', url: 'https://developers.zoom.us/docs/api/webhooks/' }],
  ...preset('zoom'),
  secretRequired: true,
  eventTypePath: 'body.event',
  // Zoom sends no delivery id; event_ts (ms) is the closest thing, and dedupe is per event type.
  idempotencyKeyPath: 'body.event_ts',
  timestampPath: 'body.event_ts',
  handshake: 'zoom_url_validation',
  fresh: [freshBody('event_ts', 'unix_ms')],
  workflows: workflows('meeting-started'),
  defaultMappings: [
    mapping('participant-joined-identify', 'Identify the participant', 'meeting.participant_joined', 'users_identify', {
      id: 'body.payload.object.participant.user_id', name: 'body.payload.object.participant.user_name', email: 'body.payload.object.participant.email',
    }, { on: true }),
    trigger('meeting-started-trigger', 'Tell the host the meeting started', 'meeting.started', 'meeting-started', {
      recipients: '{"id": body.payload.object.host_id}', data: 'body.payload.object',
    }, { on: true }),
  ],
  samples: [
    sample('meeting-started', 'meeting.started', 'A meeting starts', event('meeting.started', meeting)),
    sample('participant-joined', 'meeting.participant_joined', 'Someone joins a meeting', event('meeting.participant_joined', {
      ...meeting,
      participant: { user_id: '16778240', user_name: 'Ada Lovelace', id: 'iFxeBPYun6SAiWUzBcEkX', email: 'ada@example.com', join_time: '2024-06-10T15:01:00Z', participant_uuid: '55555AAAiAAAAAiAAAAA' },
    })),
  ],
};
