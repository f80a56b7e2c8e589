import { sample } from '../define';

export const DIRECTORY_USER = 'directory_user_01E1X56GH84T3FB41SD6PZGDBX';
export const GROUP = 'directory_group_01E1X5GPMMXF4T1DCERMVEEPVW';
const DIRECTORY = 'directory_01E1X194NTJ3PYMAY79DYV0F0P';
export const ORG = 'org_01EZTR6WYX1A0DSE2CYMGXQ24Y';
const AT = '2024-06-10T06:13:20.000Z';

/** WorkOS's event envelope; `id` is the dedupe key. */
const event = (type: string, id: string, data: Record<string, unknown>) => ({ id, event: type, data, created_at: AT });

const directoryUser = (title: string) => ({
  id: DIRECTORY_USER,
  object: 'directory_user',
  idp_id: '2936',
  directory_id: DIRECTORY,
  organization_id: ORG,
  first_name: 'Eric',
  last_name: 'Schneider',
  email: 'eric@example.com',
  emails: [{ primary: true, type: 'work', value: 'eric@example.com' }],
  username: 'eric@example.com',
  job_title: title,
  state: 'active',
  role: { slug: 'member' },
  custom_attributes: { department: 'Engineering', job_title: title },
  raw_attributes: {},
  created_at: AT,
  updated_at: AT,
});

const group = { id: GROUP, object: 'directory_group', idp_id: '02grqrue4294w24', directory_id: DIRECTORY, organization_id: ORG, name: 'Developers', created_at: AT, updated_at: AT };
const connection = (state: string) => ({
  id: 'conn_01E4ZCR3C56J083X43JQXF3JK5',
  object: 'connection',
  organization_id: ORG,
  connection_type: 'OktaSAML',
  name: 'Foo Corp Okta',
  state,
  domains: [{ id: 'org_domain_01EHZNVPK2QXHMVWCEDQEKY69A', object: 'connection_domain', domain: 'foo-corp.com' }],
  created_at: AT,
  updated_at: AT,
});
const authUser = {
  id: 'user_01E4ZCR3C5A4QZ2Z2JQXGKZJ9E', object: 'user', email: 'marcelina@example.com', first_name: 'Marcelina', last_name: 'Davis',
  email_verified: true, profile_picture_url: 'https://workoscdn.com/images/v1/123abc', created_at: AT, updated_at: AT,
};
const organization = { id: ORG, object: 'organization', name: 'Foo Corp', allow_profiles_outside_organization: false, domains: [], created_at: AT, updated_at: AT };
const orgMembership = {
  id: 'om_01E4ZCR3C56J083X43JQXF3JK5', object: 'organization_membership', user_id: authUser.id, organization_id: ORG,
  role: { slug: 'admin' }, status: 'active', created_at: AT, updated_at: AT,
};

export const workosSamples = [
  sample('dsync-user-created', 'dsync.user.created', 'A directory user is provisioned', event('dsync.user.created', 'event_01HZX4Q7R8S9T0V1W2X3Y4Z5A6', directoryUser('Software Engineer'))),
  sample('dsync-user-updated', 'dsync.user.updated', 'A directory user is promoted', event('dsync.user.updated', 'event_01HZX4Q7R8S9T0V1W2X3Y4Z5A7', directoryUser('Staff Engineer'))),
  sample('dsync-group-created', 'dsync.group.created', 'A directory group is created', event('dsync.group.created', 'event_01HZX5A1B2C3D4E5F6G7H8J9K0', group)),
  sample('dsync-group-user-added', 'dsync.group.user_added', 'A user is added to a group', event('dsync.group.user_added', 'event_01HZX5B8C9D0E1F2G3H4J5K6L7', { directory_id: DIRECTORY, user: directoryUser('Staff Engineer'), group })),
  sample('connection-activated', 'connection.activated', 'An SSO connection goes live', event('connection.activated', 'event_01HZX6C1D2E3F4G5H6J7K8L9M0', connection('active'))),
  sample('user-created', 'user.created', 'An AuthKit user signs up', event('user.created', 'event_01HZX7D1E2F3G4H5J6K7L8M9N0', authUser)),
  sample('organization-created', 'organization.created', 'An organization is created', event('organization.created', 'event_01HZX7E1F2G3H4J5K6L7M8N9P0', organization)),
  sample('organization-membership-created', 'organization_membership.created', 'A user joins an organization', event('organization_membership.created', 'event_01HZX7F1G2H3J4K5L6M7N8P9Q0', orgMembership)),
  sample('connection-deactivated', 'connection.deactivated', 'An SSO connection is turned off', event('connection.deactivated', 'event_01HZX6C1D2E3F4G5H6J7K8L9M1', connection('inactive'))),
  sample('dsync-group-user-removed', 'dsync.group.user_removed', 'A user is removed from a group', event('dsync.group.user_removed', 'event_01HZX5B8C9D0E1F2G3H4J5K6L8', { directory_id: DIRECTORY, user: directoryUser('Staff Engineer'), group })),
  sample('dsync-group-deleted', 'dsync.group.deleted', 'A directory group is deleted', event('dsync.group.deleted', 'event_01HZX5A1B2C3D4E5F6G7H8J9K1', group)),
  sample('dsync-user-deleted', 'dsync.user.deleted', 'A directory user is deprovisioned', event('dsync.user.deleted', 'event_01HZX4Q7R8S9T0V1W2X3Y4Z5A8', { ...directoryUser('Staff Engineer'), state: 'inactive' })),
];
