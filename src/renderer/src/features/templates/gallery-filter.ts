import { eventTypeMatches } from '../../../../shared/domain/mapping';
import { SourceKeySchema } from '../../../../shared/domain/source';
import type { Template, TemplateMapping, TemplateSummary } from '../../../../shared/domain/template';

export type TemplateCategory = TemplateSummary['category'];

export const CATEGORY_LABEL: Record<TemplateCategory, string> = {
  billing: 'Billing',
  auth: 'Auth',
  data: 'Data',
  analytics: 'Analytics',
  messaging: 'Messaging',
  commerce: 'Commerce',
  developer: 'Developer',
  support: 'Support',
  productivity: 'Productivity',
  generic: 'Generic',
};

/** Templates matching every word of `query` (name, description, event types) in `category`. */
export function filterTemplates(templates: readonly TemplateSummary[], query: string, category: TemplateCategory | 'all'): TemplateSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return templates.filter((t) => {
    if (category !== 'all' && t.category !== category) return false;
    const haystack = `${t.name} ${t.description} ${t.eventTypes.join(' ')}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Categories present in the list, in the order of CATEGORY_LABEL, so the filter never offers an empty one. */
export function presentCategories(templates: readonly TemplateSummary[]): TemplateCategory[] {
  const present = new Set(templates.map((t) => t.category));
  return (Object.keys(CATEGORY_LABEL) as TemplateCategory[]).filter((c) => present.has(c));
}

/** The template id, or the first free `id-2`, `id-3`… when a source already uses it. */
export function suggestKey(templateId: string, takenKeys: readonly string[]): string {
  const taken = new Set(takenKeys);
  if (!taken.has(templateId)) return templateId;
  for (let n = 2; ; n++) if (!taken.has(`${templateId}-${n}`)) return `${templateId}-${n}`;
}

/** Why `key` cannot be used, or null. */
export function keyProblem(key: string, takenKeys: readonly string[]): string | null {
  if (key === '') return 'A key is required.';
  const parsed = SourceKeySchema.safeParse(key);
  if (!parsed.success) return `Use ${parsed.error.issues[0]?.message ?? 'a valid key'}.`;
  if (takenKeys.includes(key)) return `A source with the key "${key}" already exists.`;
  return null;
}

/** Default mappings grouped by event type, in the template's order. */
export function groupByEventType(mappings: readonly TemplateMapping[]): Array<{ eventType: string; mappings: TemplateMapping[] }> {
  const groups = new Map<string, TemplateMapping[]>();
  for (const m of mappings) groups.set(m.eventType, [...(groups.get(m.eventType) ?? []), m]);
  return [...groups].map(([eventType, list]) => ({ eventType, mappings: list }));
}

/** Samples whose event type one of the chosen mappings handles come first: those are the ones that do something. */
export function samplesByRelevance(template: Template, mappingEventTypes: readonly string[]): Template['samples'] {
  const matches = (type: string) => mappingEventTypes.some((p) => eventTypeMatches(p, type));
  return [...template.samples].sort((a, b) => Number(matches(b.eventType)) - Number(matches(a.eventType)));
}

/** An SVG as an image URL: an `<img>` never runs a script the SVG might carry. */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
