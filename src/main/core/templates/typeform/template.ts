import { freshBody, mapping, monogram, preset, sample, trigger, workflows, type TemplateInput } from '../define';

const FORM = 'lT4Z3j';
const field = (id: string, type: string, ref: string) => ({ id, type, ref });
const response = {
  event_id: '01J0B7Q8X9Y2Z3A4B5C6D7E8F9',
  event_type: 'form_response',
  form_response: {
    form_id: FORM,
    token: 'a3a12ec67a1365927098a606107fac15',
    landed_at: '2024-06-10T06:10:00Z',
    submitted_at: '2024-06-10T06:13:20Z',
    // Hidden fields are how a form learns who answered it; user_id is set in the form's link.
    hidden: { user_id: 'usr_2048' },
    definition: {
      id: FORM,
      title: 'Onboarding survey',
      fields: [field('SMEUb7VJz92Q', 'short_text', 'name'), field('JwWggjAKtOkA', 'email', 'email'), field('pn48RmPazVdM', 'opinion_scale', 'nps')],
    },
    answers: [
      { type: 'text', text: 'Mary Jackson', field: field('SMEUb7VJz92Q', 'short_text', 'name') },
      { type: 'email', email: 'mary@example.com', field: field('JwWggjAKtOkA', 'email', 'email') },
      { type: 'number', number: 9, field: field('pn48RmPazVdM', 'opinion_scale', 'nps') },
    ],
  },
};

export const typeform: TemplateInput = {
  id: 'typeform',
  version: '1.0.0',
  name: 'Typeform',
  description: 'Form responses from Typeform: identify the respondent from hidden fields and answers, and follow up on the submission.',
  category: 'productivity',
  branding: monogram('Tf', '#262627'),
  docs: [{ label: 'Typeform webhooks', url: 'https://www.typeform.com/developers/webhooks/' }],
  ...preset('typeform'),
  secretRequired: true,
  eventTypePath: 'body.event_type',
  idempotencyKeyPath: 'body.event_id',
  timestampPath: 'body.form_response.submitted_at',
  fresh: [freshBody('event_id', 'id', '01'), freshBody('form_response.token', 'id')],
  workflows: workflows('form-submitted'),
  defaultMappings: [
    mapping('form-response-identify', 'Identify the respondent', 'form_response', 'users_identify', {
      id: 'body.form_response.hidden.user_id',
      name: 'body.form_response.answers[0].text',
      email: 'body.form_response.answers[1].email',
    }, { on: true }),
    trigger('form-response-trigger', 'Follow up on the submission', 'form_response', 'form-submitted', {
      recipients: 'body.form_response.hidden.user_id',
      data: '{"form": body.form_response.definition.title, "answers": body.form_response.answers}',
    }, { on: true }),
  ],
  samples: [sample('form-response', 'form_response', 'Someone submits the form', response)],
};
