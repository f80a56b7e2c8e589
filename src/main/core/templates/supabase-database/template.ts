import { SUPABASE_DATABASE_SCRIPT } from '../../script-sandbox';
import { forEach, freshBody, identifyFrom, mapping, monogram, sample, scriptSecret, trigger, workflows, type TemplateInput } from '../define';

const [secretVar] = SUPABASE_DATABASE_SCRIPT.vars;
const USER_ID = '0f9d3c6a-8a2b-4f7e-9c1d-5e6f7a8b9c0d';

const authUser = (email: string, updatedAt: string) => ({
  id: USER_ID,
  aud: 'authenticated',
  role: 'authenticated',
  email,
  phone: '+15555550142',
  created_at: '2024-06-10T06:13:20.123456+00:00',
  updated_at: updatedAt,
  last_sign_in_at: null,
  email_confirmed_at: null,
  raw_app_meta_data: { provider: 'email', providers: ['email'] },
  raw_user_meta_data: { full_name: 'Ada Lovelace', avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4', email_verified: false },
  is_anonymous: false,
});
const change = (type: 'INSERT' | 'UPDATE' | 'DELETE', table: string, schema: string, record: unknown, oldRecord: unknown) =>
  ({ type, table, schema, record, old_record: oldRecord });
const order = { id: 1042, user_id: USER_ID, status: 'paid', total_cents: 4900, currency: 'usd', created_at: '2024-06-10T07:00:00+00:00', updated_at: '2024-06-10T07:00:00+00:00' };

const identifyRecord = identifyFrom('body.record', {
  email: 'email',
  phone: 'phone',
  name: 'body.record.raw_user_meta_data.full_name',
  avatar: 'body.record.raw_user_meta_data.avatar_url',
  custom: 'raw_user_meta_data',
});

export const supabaseDatabase: TemplateInput = {
  id: 'supabase-database',
  version: '1.0.0',
  name: 'Supabase (database webhooks)',
  description: 'Row changes from Supabase database webhooks, named schema.table:TYPE (auth.users:INSERT): identify users, react to new rows.',
  category: 'data',
  branding: monogram('Sb', '#3ECF8E', '#1C1C1C'),
  docs: [
    { label: 'Supabase database webhooks', url: 'https://supabase.com/docs/guides/database/webhooks' },
    { label: 'Knock: Supabase source', url: 'https://docs.knock.app/integrations/sources/supabase' },
  ],
  ...scriptSecret(
    { source: SUPABASE_DATABASE_SCRIPT.source, varName: secretVar?.name ?? 'SUPABASE_WEBHOOK_SECRET', help: secretVar?.description ?? '' },
    false,
    'Optional. Supabase signs nothing: invent a long random value, add it to the webhook in Supabase as the header x-webhook-secret, and paste it here.',
  ),
  eventTypePath: 'preprocess.event',
  // Knock's Supabase source has no idempotency path by default ("Supabase" source page). The script
  // still returns preprocess.idempotency_key (table + id + updated_at) for whoever turns it on.
  idempotencyKeyPath: null,
  // That key includes updated_at: a fresh one makes each test a new change of the row.
  fresh: [freshBody('record.updated_at', 'iso'), freshBody('old_record.updated_at', 'iso')],
  workflows: workflows('order-created'),
  defaultMappings: [
    ...forEach(['auth.users:INSERT', 'auth.users:UPDATE'], (type, slug) =>
      mapping(`${slug}-identify`, 'Identify the user', type, 'users_identify', identifyRecord, { on: true })),
    mapping('auth-users-delete-delete', 'Delete the user', 'auth.users:DELETE', 'users_delete', { id: 'body.old_record.id' }),
    trigger('public-orders-insert-trigger', 'Notify the owner of a new row', 'public.orders:INSERT', 'order-created', { recipients: 'body.record.user_id', data: 'body.record' }),
  ],
  samples: [
    sample('auth-users-insert', 'auth.users:INSERT', 'A user signs up', change('INSERT', 'users', 'auth', authUser('ada@example.com', '2024-06-10T06:13:20.123456+00:00'), null)),
    sample('auth-users-update', 'auth.users:UPDATE', 'A user changes their email', change('UPDATE', 'users', 'auth',
      authUser('ada.lovelace@example.com', '2024-06-11T09:00:00.000000+00:00'), authUser('ada@example.com', '2024-06-10T06:13:20.123456+00:00'))),
    sample('public-orders-insert', 'public.orders:INSERT', 'A row is added to public.orders', change('INSERT', 'orders', 'public', order, null)),
    sample('auth-users-delete', 'auth.users:DELETE', 'A user is deleted', change('DELETE', 'users', 'auth', null, authUser('ada.lovelace@example.com', '2024-06-11T09:00:00.000000+00:00'))),
  ],
};
