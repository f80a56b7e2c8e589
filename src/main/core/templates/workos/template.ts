import { forEach, freshBody, identifyFrom, mapping, monogram, preset, trigger, workflows, type TemplateInput } from '../define';
import { workosSamples } from './samples';

const GROUPS = '"directory_groups"';
const identifyDirectoryUser = identifyFrom('body.data', {
  email: 'body.data.email ?? body.data.emails[0].value',
  name: '"{{body.data.first_name}} {{body.data.last_name ?? ""}}"',
  custom: 'custom_attributes',
});
const groupMember = { collection: GROUPS, object_id: 'body.data.group.id', recipients: 'body.data.user.id' };

export const workos: TemplateInput = {
  id: 'workos',
  version: '1.0.0',
  name: 'WorkOS',
  description: 'Directory Sync, SSO and AuthKit events from WorkOS: users, groups as objects, memberships as subscriptions.',
  category: 'auth',
  branding: monogram('W', '#6363F1'),
  docs: [
    { label: 'WorkOS events', url: 'https://workos.com/docs/events' },
    { label: 'Knock: WorkOS source', url: 'https://docs.knock.app/integrations/sources/workos' },
  ],
  ...preset('workos'),
  secretRequired: true,
  eventTypePath: 'body.event',
  idempotencyKeyPath: 'body.id',
  fresh: [freshBody('id', 'id', 'event_')],
  workflows: workflows('sso-connection-changed'),
  defaultMappings: [
    ...forEach(['dsync.user.created', 'dsync.user.updated'], (type, slug) =>
      mapping(`${slug}-identify`, 'Identify the directory user', type, 'users_identify', identifyDirectoryUser, { on: true })),
    mapping('dsync-group-created-set-object', 'Keep the group as an object', 'dsync.group.created', 'objects_set', {
      collection: GROUPS,
      id: 'body.data.id',
      name: 'body.data.name',
      custom_properties: '{"organization_id": body.data.organization_id, "directory_id": body.data.directory_id}',
    }, { on: true }),
    mapping('dsync-group-user-added-subscribe', 'Subscribe the user to the group', 'dsync.group.user_added', 'objects_subscribe', groupMember, { on: true }),
    mapping('dsync-group-user-removed-unsubscribe', 'Unsubscribe the user from the group', 'dsync.group.user_removed', 'objects_unsubscribe', groupMember, { on: true }),
    mapping('dsync-group-deleted-delete-object', 'Delete the group object', 'dsync.group.deleted', 'objects_delete', { collection: GROUPS, id: 'body.data.id' }),
    mapping('dsync-user-deleted-delete', 'Delete the deprovisioned user', 'dsync.user.deleted', 'users_delete', { id: 'body.data.id' }),
    ...forEach(['connection.activated', 'connection.deactivated'], (type, slug) =>
      trigger(`${slug}-trigger`, 'Tell admins about the SSO connection', type, 'sso-connection-changed', {
        // Who administers SSO is not in the event: replace with your admins' user ids.
        recipients: '["sso-admin"]',
        tenant: 'body.data.organization_id',
        data: 'body.data',
      })),
    mapping('user-created-identify', 'Identify the AuthKit user', 'user.created', 'users_identify',
      identifyFrom('body.data', { email: 'email', name: '"{{body.data.first_name}} {{body.data.last_name ?? ""}}"', avatar: 'profile_picture_url' })),
    mapping('organization-created-set-tenant', 'Set the tenant', 'organization.created', 'tenants_set', { id: 'body.data.id', name: 'body.data.name' }),
    mapping('organization-membership-created-subscribe', 'Subscribe the member to the tenant', 'organization_membership.created', 'objects_subscribe', {
      collection: '"$tenants"',
      object_id: 'body.data.organization_id',
      recipients: 'body.data.user_id',
      properties: '{"role": body.data.role.slug}',
    }),
  ],
  samples: workosSamples,
};
