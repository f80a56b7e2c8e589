import { freshHeader, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';
import { compositeEventScript } from '../scripts';

const repository = {
  id: 812345678, node_id: 'R_kgDOMG6Yrg', name: 'inlet-demo', full_name: 'octo-org/inlet-demo', private: false,
  html_url: 'https://github.com/octo-org/inlet-demo', default_branch: 'main',
  owner: { login: 'octo-org', id: 9919, type: 'Organization', avatar_url: 'https://avatars.githubusercontent.com/u/9919?v=4' },
};
const person = (login: string, id: number) => ({ login, id, node_id: `U_kgDO${id}`, type: 'User', avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, html_url: `https://github.com/${login}` });
const octocat = person('octocat', 583231);
const hubot = person('hubot', 480938);
/** GitHub's delivery headers; the event name is a header, the action is in the body. */
const headers = (event: string) => ({
  'x-github-event': event,
  'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  'x-github-hook-id': '471209317',
  'x-github-hook-installation-target-type': 'repository',
  'x-github-hook-installation-target-id': String(repository.id),
  'user-agent': 'GitHub-Hookshot/7a1f2c3',
});
const issue = { id: 2349802001, number: 42, title: 'Webhook retries are not deduplicated', state: 'open', html_url: `${repository.html_url}/issues/42`, body: 'Steps to reproduce…', user: octocat, labels: [{ name: 'bug' }], assignees: [] };
const pullRequest = { id: 1923456780, number: 43, title: 'Deduplicate retried deliveries', state: 'open', html_url: `${repository.html_url}/pull/43`, user: octocat, head: { ref: 'dedupe' }, base: { ref: 'main' }, requested_reviewers: [hubot] };

export const github: TemplateInput = {
  id: 'github',
  version: '1.0.0',
  name: 'GitHub',
  description: 'Repository webhooks from GitHub: event types like issues.opened, from the X-GitHub-Event header and the body action.',
  category: 'developer',
  branding: monogram('GH', '#24292F'),
  docs: [
    { label: 'GitHub webhook events', url: 'https://docs.github.com/en/webhooks/webhook-events-and-payloads' },
    { label: 'Validating deliveries', url: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries' },
  ],
  ...preset('github'),
  secretRequired: true,
  // A path reads one value, and GitHub splits the type between a header and the body's action.
  preprocess: {
    source: compositeEventScript('GitHub: X-GitHub-Event + body.action, e.g. "issues.opened" (or "ping").', 'ctx.headers["x-github-event"]', 'body.action'),
    vars: [],
  },
  eventTypePath: 'preprocess.event',
  idempotencyKeyPath: 'headers.x-github-delivery',
  fresh: [freshHeader('x-github-delivery', 'uuid')],
  workflows: workflows('github-issue-opened', 'github-review-requested'),
  defaultMappings: [
    trigger('issues-opened-trigger', 'Tell the repository owner about a new issue', 'issues.opened', 'github-issue-opened', {
      // Inline recipients are identified on the fly: GitHub logins need no identify step first.
      recipients: '{"id": body.repository.owner.login, "avatar": body.repository.owner.avatar_url}',
      data: '{"title": body.issue.title, "url": body.issue.html_url, "repository": body.repository.full_name, "author": body.sender.login}',
    }, { on: true }),
    trigger('review-requested-trigger', 'Ask the reviewer for a review', 'pull_request.review_requested', 'github-review-requested', {
      recipients: '{"id": body.requested_reviewer.login, "avatar": body.requested_reviewer.avatar_url}',
      data: '{"title": body.pull_request.title, "url": body.pull_request.html_url, "author": body.sender.login}',
    }, { on: true }),
    mapping('star-created-identify', 'Identify who starred the repository', 'star.created', 'users_identify', {
      id: 'body.sender.login',
      avatar: 'body.sender.avatar_url',
      custom_properties: '{"github_id": body.sender.id, "starred": body.repository.full_name}',
    }),
  ],
  samples: [
    sample('issues-opened', 'issues.opened', 'An issue is opened', { action: 'opened', issue, repository, sender: octocat }, headers('issues')),
    sample('pull-request-review-requested', 'pull_request.review_requested', 'A review is requested', {
      action: 'review_requested', number: 43, pull_request: pullRequest, requested_reviewer: hubot, repository, sender: octocat,
    }, headers('pull_request')),
    sample('star-created', 'star.created', 'Someone stars the repository', { action: 'created', starred_at: '2024-06-10T06:13:20Z', repository, sender: hubot }, headers('star')),
    sample('ping', 'ping', 'The webhook is created (ping)', { zen: 'Design for failure.', hook_id: 471209317, hook: { type: 'Repository', id: 471209317, events: ['issues', 'pull_request', 'star'] }, repository, sender: octocat }, headers('ping')),
  ],
};
