import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const TEAM = 'T0001JH3J';
/** The Events API envelope around one event. */
const callback = (event: Record<string, unknown>, eventId: string) => ({
  token: 'XXYYZZ',
  team_id: TEAM,
  api_app_id: 'A0FFV41KK',
  event,
  type: 'event_callback',
  event_id: eventId,
  event_time: 1718000000,
  authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'U0BOT0001', is_bot: true, is_enterprise_install: false }],
  is_ext_shared_channel: false,
});
const newMember = {
  id: 'U061F7AUR', team_id: TEAM, name: 'grace', real_name: 'Grace Hopper', tz: 'America/New_York', is_bot: false,
  profile: { real_name: 'Grace Hopper', display_name: 'grace', email: 'grace@example.com', image_192: 'https://avatars.slack-edge.com/2024-06-10/grace_192.png' },
};

export const slack: TemplateInput = {
  id: 'slack',
  version: '1.0.0',
  name: 'Slack',
  description: "Slack Events API: identify people who join the workspace, react to mentions of your app. Answers Slack's URL verification itself.",
  category: 'messaging',
  branding: monogram('Sl', '#4A154B'),
  docs: [
    { label: 'Slack Events API', url: 'https://api.slack.com/apis/events-api' },
    { label: 'Verifying requests from Slack', url: 'https://api.slack.com/authentication/verifying-requests-from-slack' },
  ],
  ...preset('slack'),
  secretRequired: true,
  // The outer type is always event_callback; the inner one names the event.
  eventTypePath: 'body.event.type',
  idempotencyKeyPath: 'body.event_id',
  timestampPath: 'body.event_time',
  handshake: 'slack_url_verification',
  fresh: [freshBody('event_id', 'id', 'Ev'), freshBody('event_time', 'unix_s')],
  workflows: workflows('slack-mention'),
  defaultMappings: [
    mapping('team-join-identify', 'Identify the new member', 'team_join', 'users_identify', {
      id: 'body.event.user.id',
      name: 'body.event.user.real_name',
      email: 'body.event.user.profile.email',
      avatar: 'body.event.user.profile.image_192',
      timezone: 'body.event.user.tz',
    }, { on: true }),
    trigger('app-mention-trigger', 'Follow up on a mention of the app', 'app_mention', 'slack-mention', {
      recipients: 'body.event.user',
      data: '{"text": body.event.text, "channel": body.event.channel, "ts": body.event.ts}',
    }, { on: true }),
  ],
  samples: [
    sample('team-join', 'team_join', 'Someone joins the workspace', callback({ type: 'team_join', user: newMember, event_ts: '1718000000.000100' }, 'Ev08MFMKH6')),
    sample('app-mention', 'app_mention', 'Someone mentions the app', callback({
      type: 'app_mention', user: newMember.id, text: '<@U0BOT0001> what changed in billing this week?', ts: '1718000100.000200',
      channel: 'C0LAN2Q65', event_ts: '1718000100.000200',
    }, 'Ev08MFMKH7')),
  ],
};
