import { mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const USER_ID = '8ccaa7af-909f-44e7-84cb-67cdccb56be6';
const user = {
  id: USER_ID,
  aud: 'authenticated',
  role: 'authenticated',
  email: 'grace@example.com',
  phone: '',
  app_metadata: { provider: 'email', providers: ['email'] },
  user_metadata: { full_name: 'Grace Hopper' },
  identities: [],
  created_at: '2024-06-10T06:13:20.123456Z',
  updated_at: '2024-06-10T06:13:20.123456Z',
  is_anonymous: false,
};
/** The Send Email hook's payload: the user, and what to send them. */
const sendEmail = (action: string, token: string) => ({
  user,
  email_data: {
    token,
    token_hash: '7d5b7b1964cf5d388340a7f04f1dbb5eeb6c7b52ef8270e1737a58d0',
    redirect_to: 'http://localhost:3000/welcome',
    email_action_type: action,
    site_url: 'https://abcdefghijklmnop.supabase.co',
    token_new: '',
    token_hash_new: '',
  },
});

export const supabaseAuthHook: TemplateInput = {
  id: 'supabase-auth-hook',
  version: '1.0.0',
  name: 'Supabase (Send Email auth hook)',
  description: "Supabase Auth's Send Email hook, signed with Standard Webhooks: identify the user and send sign-up, recovery and magic-link emails through a workflow.",
  category: 'auth',
  branding: monogram('Sb', '#3ECF8E', '#1C1C1C'),
  docs: [
    { label: 'Supabase Send Email hook', url: 'https://supabase.com/docs/guides/auth/auth-hooks/send-email-hook' },
    { label: 'Standard Webhooks', url: 'https://www.standardwebhooks.com/' },
  ],
  ...preset('supabase-auth-hook'),
  secretRequired: true,
  // The hook kind is implied by the endpoint; within Send Email, the action names the email.
  eventTypePath: 'body.email_data.email_action_type',
  idempotencyKeyPath: 'headers.webhook-id',
  workflows: workflows('supabase-auth-email'),
  defaultMappings: [
    mapping('signup-identify', 'Identify the new user', 'signup', 'users_identify', {
      id: 'body.user.id',
      email: 'body.user.email',
      name: 'body.user.user_metadata.full_name',
      custom_properties: 'body.user.user_metadata',
    }, { on: true }),
    trigger('auth-email-trigger', 'Send the auth email', '*', 'supabase-auth-email', {
      recipients: 'body.user.id',
      data: 'body.email_data',
    }, { on: true }),
  ],
  samples: [
    sample('signup', 'signup', 'A user signs up and must confirm their email', sendEmail('signup', '305805')),
    sample('recovery', 'recovery', 'A user asks for a password reset', sendEmail('recovery', '914273')),
    sample('magiclink', 'magiclink', 'A user asks for a magic link', sendEmail('magiclink', '552018')),
  ],
};
