/**
 * Builders the template files share, so each provider folder reads as data: its verification
 * preset, its mappings and its samples, without repeating the shapes they have in common.
 */
import type { ActionType } from '../../../shared/domain/action';
import type { FreshValue, TemplateInput, TemplateMapping, TemplateSample } from '../../../shared/domain/template';
import type { VerificationConfig } from '../../../shared/domain/verification';
import type { Condition } from '../../../shared/expr/schema';
import { getPreset } from '../verification';

export type { TemplateInput };
type MappingInput = Omit<TemplateMapping, 'condition'> & { condition?: Condition };
type SampleInput = Omit<TemplateSample, 'contentType'> & { contentType?: string };

/** A built-in verification preset's config and secret hint; a missing id is a programming error. */
export function preset(id: string): { verification: VerificationConfig; secretHint: string | undefined } {
  const found = getPreset(id);
  if (!found) throw new Error(`No verification preset "${id}"`);
  return { verification: found.config, secretHint: found.secretHint };
}

/** An original mark: the provider's initials on a rounded square in its brand colour. */
export function monogram(letters: string, color: string, fg = '#FFFFFF'): { logoSvg: string; color: string } {
  const size = letters.length > 1 ? 26 : 34;
  const logoSvg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${letters}">` +
    `<rect width="64" height="64" rx="14" fill="${color}"/>` +
    `<text x="32" y="33" fill="${fg}" font-family="system-ui,sans-serif" font-size="${size}" font-weight="700" ` +
    `text-anchor="middle" dominant-baseline="central">${letters}</text></svg>`;
  return { logoSvg, color };
}

export interface MappingOptions {
  /** Checked in the connect dialog; Knock's shipped defaults and clearly useful ones are. */
  on?: boolean;
  condition?: Condition;
}

/** One default mapping. `params` values are expressions (docs/mapping-language.md). */
export function mapping(
  id: string,
  label: string,
  eventType: string,
  actionType: ActionType,
  params: Record<string, string>,
  { on = false, condition }: MappingOptions = {},
): MappingInput {
  return { id, label, eventType, actionType, params, enabledByDefault: on, ...(condition ? { condition } : {}) };
}

/** A workflow trigger: the workflow key as a literal, recipients and data (required, as in Knock's editor) as expressions. */
export function trigger(
  id: string,
  label: string,
  eventType: string,
  workflow: string,
  params: { recipients: string; data: string; tenant?: string; actor?: string; cancellation_key?: string },
  options: MappingOptions = {},
): MappingInput {
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return mapping(id, label, eventType, 'workflows_trigger', { key: JSON.stringify(workflow), ...defined }, options);
}

/** The same mapping for several event types (Knock lists `user.created` and `user.updated` apart). */
export function forEach(eventTypes: readonly string[], make: (eventType: string, slug: string) => MappingInput): MappingInput[] {
  return eventTypes.map((t) => make(t, t.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()));
}

/** A sample delivery. JSON bodies are given as values; form bodies as the exact string. */
export function sample(id: string, eventType: string, label: string, body: unknown, headers: Record<string, string> = {}, contentType?: string): SampleInput {
  const type = contentType ?? (typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json');
  return { id, eventType, label, body, headers: { 'content-type': type, ...headers }, contentType: type };
}

/** A header renewed on every test send. */
export const freshHeader = (key: string, kind: FreshValue['kind'], prefix = ''): FreshValue => ({ in: 'header', key, kind, prefix });
/** A body value renewed on every test send (`*` = every list item). */
export const freshBody = (key: string, kind: FreshValue['kind'], prefix = ''): FreshValue => ({ in: 'body', key, kind, prefix });

/** Workflows the default mappings trigger, with readable names derived from their keys. */
export function workflows(...keys: string[]): Array<{ key: string; name: string }> {
  return keys.map((key) => ({ key, name: key.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }));
}

/**
 * Identify-user parameters from a person record at `at` (`body.data`, `body.record`): a bare key
 * (`email`) is read under `at`; anything else (a full path, a template, a fallback) is kept as is.
 */
export function identifyFrom(at: string, fields: { email?: string; name?: string; phone?: string; avatar?: string; custom?: string; id?: string }): Record<string, string> {
  const path = (f: string | undefined) => (f === undefined ? undefined : /^[A-Za-z0-9_$-]+$/.test(f) ? `${at}.${f}` : f);
  const entries: Array<[string, string | undefined]> = [
    ['id', path(fields.id ?? 'id')],
    ['email', path(fields.email)],
    ['name', path(fields.name)],
    ['phone_number', path(fields.phone)],
    ['avatar', path(fields.avatar)],
    ['custom_properties', path(fields.custom)],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Settings for senders that sign nothing (Supabase database webhooks, PostHog, Custom HTTP): no
 * declarative scheme; a built-in script compares a header with a secret variable, which is where
 * the connect dialog's secret goes.
 */
export function scriptSecret(script: { source: string; varName: string; help: string }, required: boolean, secretHint: string) {
  return {
    verification: { scheme: 'none' } as const,
    secretHint,
    secretRequired: required,
    preprocess: { source: script.source, vars: [{ name: script.varName, secret: true, required, help: script.help }] },
    secretVar: { name: script.varName, header: 'x-webhook-secret', prefix: '' },
  };
}
