import type { Hmac } from 'node:crypto';

/** Values a signed-content template may refer to; `body` is always the raw bytes. */
export type ContentVar = 'id' | 'timestamp' | 'body' | 'method' | 'url';
export type ContentValues = Partial<Record<Exclude<ContentVar, 'body'>, string>>;

type Segment = { text: string } | { variable: ContentVar };

/** A signed-content template split once into literal text and variables. */
export interface CompiledTemplate {
  segments: readonly Segment[];
  /** Variables other than `body` that the template uses, in order of first use. */
  variables: readonly Exclude<ContentVar, 'body'>[];
}

const PLACEHOLDER = /\{(id|timestamp|body|method|url)\}/g;
const cache = new Map<string, CompiledTemplate>();

/** Compiles `{timestamp}.{body}`-style templates; cached, since configs reuse a handful of them. */
export function compileTemplate(template: string): CompiledTemplate {
  const hit = cache.get(template);
  if (hit) return hit;
  const segments: Segment[] = [];
  const variables: Exclude<ContentVar, 'body'>[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) segments.push({ text: template.slice(last, m.index) });
    const variable = m[1] as ContentVar;
    segments.push({ variable });
    if (variable !== 'body' && !variables.includes(variable)) variables.push(variable);
    last = m.index + m[0].length;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  const compiled = { segments, variables };
  cache.set(template, compiled);
  return compiled;
}

/**
 * Feeds the signed content into `hmac` without copying the body; the text around it goes in as
 * one string each side, since every `update` is a call into native code.
 */
export function feedContent(hmac: Hmac, template: CompiledTemplate, values: ContentValues, body: Buffer): Hmac {
  let text = '';
  for (const segment of template.segments) {
    if ('text' in segment) text += segment.text;
    else if (segment.variable !== 'body') text += values[segment.variable] ?? '';
    else {
      if (text !== '') hmac.update(text, 'utf8');
      text = '';
      hmac.update(body);
    }
  }
  if (text !== '') hmac.update(text, 'utf8');
  return hmac;
}
