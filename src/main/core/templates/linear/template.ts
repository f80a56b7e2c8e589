import { freshBody, freshHeader, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';
import { compositeEventScript } from '../scripts';

const ORG = 'c1c6c7b0-5f5e-4a4f-9a1d-2f7a1e0b9c8d';
const assignee = { id: '2e9b1f4c-7a3d-4c8e-9f2a-6b1d0e5c4a3b', name: 'Katherine Johnson', email: 'katherine@example.com' };
const issue = {
  id: '9f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8', identifier: 'ENG-128', number: 128, title: 'Retry deliveries with backoff', priority: 2,
  url: 'https://linear.app/inlet/issue/ENG-128/retry-deliveries-with-backoff', assigneeId: assignee.id, assignee,
  state: { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Todo', type: 'unstarted' }, team: { id: 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f', key: 'ENG', name: 'Engineering' },
  createdAt: '2024-06-10T06:13:20.000Z', updatedAt: '2024-06-10T06:13:20.000Z',
};
/** Linear's payload: `{action, type, data, url, webhookTimestamp, …}`; the SDK checks webhookTimestamp (±60 s). */
const payload = (type: string, action: string, data: Record<string, unknown>) => ({
  action, type, createdAt: '2024-06-10T06:13:20.000Z', data, url: issue.url, organizationId: ORG,
  webhookTimestamp: 1718000000000, webhookId: '0c5d4e3f-2a1b-4c9d-8e7f-6a5b4c3d2e1f',
  actor: { id: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d', name: 'Dorothy Vaughan', type: 'user' },
});
const headers = (entity: string) => ({ 'linear-event': entity, 'linear-delivery': '3f2e1d0c-9b8a-4776-a5b4-c3d2e1f0a9b8', 'user-agent': 'Linear-Webhook' });

export const linear: TemplateInput = {
  id: 'linear',
  version: '1.0.0',
  name: 'Linear',
  description: 'Issue and comment webhooks from Linear, typed Entity.action (Issue.create): notify assignees about new issues and comments.',
  category: 'productivity',
  branding: monogram('L', '#5E6AD2'),
  docs: [{ label: 'Linear webhooks', url: 'https://linear.app/developers/webhooks' }],
  ...preset('linear'),
  secretRequired: true,
  preprocess: { source: compositeEventScript('Linear: body.type + body.action, e.g. "Issue.create".', 'body.type', 'body.action'), vars: [] },
  eventTypePath: 'preprocess.event',
  idempotencyKeyPath: 'headers.linear-delivery',
  timestampPath: 'body.webhookTimestamp',
  fresh: [freshHeader('linear-delivery', 'uuid'), freshBody('webhookTimestamp', 'unix_ms')],
  signedAt: freshBody('webhookTimestamp', 'unix_ms'),
  workflows: workflows('linear-issue-assigned', 'linear-comment-added'),
  defaultMappings: [
    trigger('issue-create-trigger', 'Tell the assignee about the new issue', 'Issue.create', 'linear-issue-assigned', {
      recipients: '{"id": body.data.assignee.id, "name": body.data.assignee.name, "email": body.data.assignee.email}',
      data: '{"identifier": body.data.identifier, "title": body.data.title, "url": body.data.url}',
    }, { on: true }),
    trigger('comment-create-trigger', 'Tell the assignee about the comment', 'Comment.create', 'linear-comment-added', {
      recipients: '{"id": body.data.issue.assignee.id, "name": body.data.issue.assignee.name}',
      data: '{"body": body.data.body, "issue": body.data.issue.identifier, "author": body.actor.name}',
    }, { on: true }),
    mapping('issue-update-identify', 'Keep the assignee known', 'Issue.update', 'users_identify', {
      id: 'body.data.assignee.id', name: 'body.data.assignee.name', email: 'body.data.assignee.email',
    }),
  ],
  samples: [
    sample('issue-create', 'Issue.create', 'An issue is created', payload('Issue', 'create', issue), headers('Issue')),
    sample('issue-update', 'Issue.update', 'An issue moves to In Progress', {
      ...payload('Issue', 'update', { ...issue, state: { ...issue.state, name: 'In Progress', type: 'started' } }),
      updatedFrom: { stateId: issue.state.id, updatedAt: issue.updatedAt },
    }, headers('Issue')),
    sample('comment-create', 'Comment.create', 'Someone comments on an issue', payload('Comment', 'create', {
      id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', body: 'Backoff should cap at 10 minutes.', issueId: issue.id,
      issue: { id: issue.id, identifier: issue.identifier, title: issue.title, assignee }, user: { id: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d', name: 'Dorothy Vaughan' },
      createdAt: '2024-06-10T07:00:00.000Z',
    }), headers('Comment')),
  ],
};
