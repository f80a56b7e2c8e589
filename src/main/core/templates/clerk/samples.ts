import { sample } from '../define';

export const USER = 'user_29w83sxmDNGwOuEthce5gg56FcC';
export const ORG = 'org_29w9IfBrPmcpi0IeBVaKtA7R94W';
const INSTANCE = 'ins_2ggVzkQhNnU2a3Lh4vBc5dEf6';
const EMAIL = 'idn_29w83yL7CwVlJXylYLxcslromF1';

/** Clerk's event envelope (delivered through Svix). */
const event = (type: string, data: Record<string, unknown>) => ({
  data,
  event_attributes: { http_request: { client_ip: '203.0.113.7', user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)' } },
  instance_id: INSTANCE,
  object: 'event',
  timestamp: 1718000000123,
  type,
});

const user = (email: string) => ({
  backup_code_enabled: false,
  banned: false,
  created_at: 1718000000123,
  email_addresses: [{ email_address: email, id: EMAIL, linked_to: [], object: 'email_address', verification: { status: 'verified', strategy: 'email_code' } }],
  external_accounts: [],
  external_id: null,
  first_name: 'Ada',
  id: USER,
  image_url: 'https://img.clerk.com/eyJ0eXBlIjoicHJveHkifQ',
  last_name: 'Lovelace',
  last_sign_in_at: null,
  object: 'user',
  password_enabled: true,
  phone_numbers: [{ id: 'idn_2ggVzkQhNnU2a3Lh4vBc5dEf6', object: 'phone_number', phone_number: '+15555550100', verification: { status: 'verified', strategy: 'phone_code' } }],
  primary_email_address_id: EMAIL,
  primary_phone_number_id: 'idn_2ggVzkQhNnU2a3Lh4vBc5dEf6',
  private_metadata: {},
  public_metadata: { plan: 'team', role: 'admin' },
  two_factor_enabled: false,
  unsafe_metadata: {},
  updated_at: 1718000000123,
  username: null,
});

const organization = (name: string) => ({
  created_at: 1718000100000,
  created_by: USER,
  id: ORG,
  image_url: 'https://img.clerk.com/eyJ0eXBlIjoib3JnIn0',
  logo_url: null,
  max_allowed_memberships: 5,
  members_count: 1,
  name,
  object: 'organization',
  public_metadata: { tier: 'growth' },
  slug: 'acme-inc',
  updated_at: 1718000100000,
});

const membership = {
  created_at: 1718000500000,
  id: 'orgmem_29w8XWVKsrcRaTh3dN1zwlYf0qC',
  object: 'organization_membership',
  organization: organization('Acme Inc'),
  permissions: ['org:sys_profile:manage', 'org:sys_memberships:read'],
  public_metadata: {},
  public_user_data: { first_name: 'Ada', identifier: 'ada@example.com', image_url: 'https://img.clerk.com/eyJ0eXBlIjoicHJveHkifQ', last_name: 'Lovelace', user_id: USER },
  role: 'org:admin',
  updated_at: 1718000500000,
};

const session = {
  abandon_at: 1720592000000,
  client_id: 'client_2ggW0aBcDeFgHiJkLmNoPqRsT',
  created_at: 1718000600000,
  expire_at: 1718605400000,
  id: 'sess_2ggW1bCdEfGhIjKlMnOpQrStU',
  last_active_at: 1718000600000,
  object: 'session',
  status: 'active',
  updated_at: 1718000600000,
  user_id: USER,
};

export const clerkSamples = [
  sample('user-created', 'user.created', 'A user signs up', event('user.created', user('ada@example.com'))),
  sample('user-updated', 'user.updated', 'A user changes their email', event('user.updated', user('ada.lovelace@example.com'))),
  sample('session-created', 'session.created', 'A user signs in', event('session.created', session)),
  sample('organization-created', 'organization.created', 'An organization is created', event('organization.created', organization('Acme Inc'))),
  sample('organization-updated', 'organization.updated', 'An organization is renamed', event('organization.updated', organization('Acme Corporation'))),
  sample('membership-created', 'organizationMembership.created', 'A user joins an organization', event('organizationMembership.created', membership)),
  sample('membership-deleted', 'organizationMembership.deleted', 'A user leaves an organization', event('organizationMembership.deleted', membership)),
  sample('organization-deleted', 'organization.deleted', 'An organization is deleted', event('organization.deleted', { deleted: true, id: ORG, object: 'organization' })),
  sample('user-deleted', 'user.deleted', 'A user deletes their account', event('user.deleted', { deleted: true, id: USER, object: 'user' })),
];
