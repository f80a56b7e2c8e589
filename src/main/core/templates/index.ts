/**
 * The pre-built integrations (SPEC §7). Each lives in its own folder as data; this registry parses
 * them once through `TemplateSchema`, so defaults apply and a broken template fails at load.
 */
import { TemplateSchema, type HandshakeKind, type Template, type TemplateInput, type TemplateSummary } from '../../../shared/domain/template';
import { eventTypeMatches } from '../../../shared/domain/mapping';
import { stripe } from './stripe/template';

export { answerHandshake, type HandshakeAnswer, type HandshakeInput } from './handshakes';

const inputs: readonly TemplateInput[] = [stripe];

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
