/** RFC 9110 token characters: anything else cannot be a header name. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export type HeaderParse = { ok: true; headers: Record<string, string> } | { ok: false; errors: string[] };

/**
 * Headers as a support engineer pastes them: `Name: value` lines (as copied from devtools or a
 * provider's dashboard) or a JSON object. Repeated names are joined with ", " as HTTP does.
 */
export function parseHeaderText(text: string): HeaderParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, headers: {} };
  return trimmed.startsWith('{') ? parseHeaderJson(trimmed) : parseHeaderLines(text);
}

function parseHeaderLines(text: string): HeaderParse {
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const colon = line.indexOf(':');
    // ":authority"-style pseudo-headers from HTTP/2 captures are not request headers.
    if (colon === 0) return;
    if (colon < 0) {
      errors.push(`Line ${i + 1}: expected “Name: value”, got “${clip(line)}”.`);
      return;
    }
    const name = line.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) {
      errors.push(`Line ${i + 1}: “${clip(name)}” is not a valid header name.`);
      return;
    }
    add(headers, name, line.slice(colon + 1).trim());
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, headers };
}

function parseHeaderJson(text: string): HeaderParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The headers look like JSON but do not parse: ${(error as Error).message}`] };
  }
  return headersFromValue(value);
}

/** Headers from a parsed value: an object of strings, or `[name, value]` pairs as the log shows them. */
export function headersFromValue(value: unknown): HeaderParse {
  const entries = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.entries(value) : null;
  if (entries === null) return { ok: false, errors: ['Headers must be an object of names to values.'] };
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
      errors.push(`Header ${clip(JSON.stringify(entry) ?? '')} is not a [name, value] pair.`);
      continue;
    }
    const [name, v] = entry as [string, unknown];
    if (!HEADER_NAME.test(name)) errors.push(`“${clip(name)}” is not a valid header name.`);
    else if (typeof v === 'number' || typeof v === 'boolean') add(headers, name, String(v));
    else if (typeof v !== 'string') errors.push(`Header “${name}” must have a text value.`);
    else add(headers, name, v);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, headers };
}

function add(headers: Record<string, string>, name: string, value: string): void {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
  headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
