import type { JsonValue } from './ast';

/**
 * The source of an expression that evaluates to `value` exactly: what the editor writes when the
 * user types a constant (`invoice-paid` → `"invoice-paid"`). Braces are escaped so that a constant
 * string containing `{{` stays a constant instead of becoming a template.
 */
export const literalSource = (value: JsonValue): string => {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(literalSource).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${literalSource(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
};

const quote = (s: string): string => JSON.stringify(s).replace(/\{/g, '\\{');
