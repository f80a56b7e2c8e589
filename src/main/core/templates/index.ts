/**
 * The pre-built integrations (SPEC §7). Each lives in its own folder as data; this registry parses
 * them once through `TemplateSchema`, so defaults apply and a broken template fails at load.
 */
import { TemplateSchema, type HandshakeKind, type Template, type TemplateInput, type TemplateSummary } from '../../../shared/domain/template';
import { eventTypeMatches } from '../../../shared/domain/mapping';
import { stripe } from './stripe/template';
import { clerk } from './clerk/template';
import { workos } from './workos/template';
import { supabaseDatabase } from './supabase-database/template';
import { supabaseAuthHook } from './supabase-auth-hook/template';
import { posthogKnock } from './posthog-knock/template';
import { posthogWebhook } from './posthog-webhook/template';
import { customHttp } from './custom-http/template';
import { github } from './github/template';
import { shopify } from './shopify/template';
import { slack } from './slack/template';
import { twilio } from './twilio/template';
import { linear } from './linear/template';
import { resend } from './resend/template';
import { paddle } from './paddle/template';
import { square } from './square/template';
import { hubspot } from './hubspot/template';
import { calendly } from './calendly/template';
import { typeform } from './typeform/template';
import { zoom } from './zoom/template';
import { lemonSqueezy } from './lemon-squeezy/template';
import { intercom } from './intercom/template';
import { sendgrid } from './sendgrid/template';
import { mailgun } from './mailgun/template';
import { standardWebhooks } from './standard-webhooks/template';

export { answerHandshake, type HandshakeAnswer, type HandshakeInput } from './handshakes';

const inputs: readonly TemplateInput[] = [
  stripe, clerk, workos, supabaseDatabase, supabaseAuthHook, posthogKnock, posthogWebhook, customHttp,
  github, shopify, slack, twilio, linear, resend, paddle, square, hubspot, calendly, typeform, zoom, lemonSqueezy, intercom, sendgrid, mailgun, standardWebhooks,
];

/** Every template, in gallery order. */
export const templates: readonly Template[] = Object.freeze(inputs.map((t) => TemplateSchema.parse(t)));

const byId = new Map(templates.map((t) => [t.id, t]));

/** The template with this id, or undefined. */
export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}

/** The handshake the receiver answers for sources made from `templateId`, if any. */
export function handshakeOf(templateId: string): HandshakeKind | null {
  return byId.get(templateId)?.handshake ?? null;
}

/** The event types a template maps, in mapping order, without repeats. */
export function mappedEventTypes(template: Template): string[] {
  return [...new Set(template.defaultMappings.map((m) => m.eventType))];
}

/** What the gallery shows of a template. */
export function summarize(template: Template): TemplateSummary {
  const { id, version, name, description, category, branding } = template;
  return { id, version, name, description, category, branding, eventTypes: mappedEventTypes(template) };
}

/** The samples a mapping's event type (exact or pattern) applies to. */
export function samplesFor(template: Template, eventType: string) {
  return template.samples.filter((s) => eventTypeMatches(eventType, s.eventType));
}
