import { forEach, identifyFrom, mapping, monogram, preset, trigger, workflows, type TemplateInput } from '../define';
import { clerkSamples } from './samples';

const identifyUser = identifyFrom('body.data', {
  email: 'body.data.email_addresses[0].email_address',
  name: '"{{body.data.first_name}} {{body.data.last_name ?? ""}}"',
  phone: 'body.data.phone_numbers[0].phone_number',
  avatar: 'image_url',
  custom: 'public_metadata',
});
const setTenant = {
  id: 'body.data.id',
  name: 'body.data.name',
  settings: '{"branding": {"logo_url": body.data.image_url}}',
  custom_properties: 'body.data.public_metadata',
};
const membership = { collection: '"$tenants"', object_id: 'body.data.organization.id', recipients: 'body.data.public_user_data.user_id' };

export const clerk: TemplateInput = {
  id: 'clerk',
  version: '1.0.0',
  name: 'Clerk',
  description: 'Users and organizations from Clerk: identify users, keep tenants and their memberships in sync.',
  category: 'auth',
  branding: monogram('C', '#6C47FF'),
  docs: [
    { label: 'Clerk webhooks', url: 'https://clerk.com/docs/webhooks/overview' },
    { label: 'Knock: Clerk source', url: 'https://docs.knock.app/integrations/sources/clerk' },
  ],
  ...preset('clerk'),
  secretRequired: true,
  eventTypePath: 'body.type',
  // Svix keeps svix-id across retries of one message; the signer sends a new one per test.
  idempotencyKeyPath: 'headers.svix-id',
  workflows: workflows('new-sign-in'),
  defaultMappings: [
    ...forEach(['user.created', 'user.updated'], (type, slug) =>
      mapping(`${slug}-identify`, 'Identify the user', type, 'users_identify', identifyUser, { on: true })),
    ...forEach(['organization.created', 'organization.updated'], (type, slug) =>
      mapping(`${slug}-set-tenant`, 'Set the tenant', type, 'tenants_set', setTenant, { on: true })),
    mapping('organization-deleted-delete-tenant', 'Delete the tenant', 'organization.deleted', 'tenants_delete', { id: 'body.data.id' }, { on: true }),
    mapping('membership-created-subscribe', 'Subscribe the member to the tenant', 'organizationMembership.created', 'objects_subscribe', {
      ...membership,
      properties: '{"role": body.data.role}',
    }),
    mapping('membership-deleted-unsubscribe', 'Unsubscribe the member from the tenant', 'organizationMembership.deleted', 'objects_unsubscribe', membership),
    mapping('user-deleted-delete', 'Delete the user', 'user.deleted', 'users_delete', { id: 'body.data.id' }),
    trigger('session-created-trigger', 'Notify about a new sign-in', 'session.created', 'new-sign-in', { recipients: 'body.data.user_id', data: 'body.data' }),
  ],
  samples: clerkSamples,
};
