import { nestedDeeperThan, tooDeepMessage } from '../../../shared/json/nesting';

const TOO_DEEP = `JSON ${tooDeepMessage()}: kept as sent, not parsed for mapping`;

export interface ParsedBody {
  /** The view mappings read as `body.*`; null when there is none (binary, empty, unparseable, too deep). */
  value: unknown;
  parseError: string | null;
}

const isJsonType = (ct: string) => ct.includes('/json') || ct.includes('+json');

/**
 * Parses JSON and form bodies for mapping; text stays text and anything else stays bytes only.
 * JSON nested deeper than MAX_JSON_DEPTH is never parsed: the sender picks the depth, and every
 * consumer of the structure (sandbox transfer, mapping, the editor's tree) walks it.
 */
export function parseBody(contentType: string | null, body: Buffer): ParsedBody {
  const ct = (contentType ?? '').toLowerCase();
  if (body.length === 0) return { value: null, parseError: null };
  if (isJsonType(ct) || (ct === '' && looksLikeJson(body))) {
    if (nestedDeeperThan(body)) return { value: null, parseError: TOO_DEEP };
    try {
      return { value: JSON.parse(body.toString('utf8')), parseError: null };
    } catch (error) {
      return { value: null, parseError: `Malformed JSON: ${(error as Error).message}` };
    }
  }
  if (ct.startsWith('application/x-www-form-urlencoded')) {
    return { value: Object.fromEntries(new URLSearchParams(body.toString('utf8'))), parseError: null };
  }
  if (ct.startsWith('text/')) {
    const text = body.toString('utf8');
    // Some senders label JSON as text/plain; read it as JSON when it is, else keep the text.
    if (looksLikeJson(body)) {
      if (nestedDeeperThan(body)) return { value: null, parseError: TOO_DEEP };
      try {
        return { value: JSON.parse(text), parseError: null };
      } catch {
        return { value: text, parseError: null };
      }
    }
    return { value: text, parseError: null };
  }
  return { value: null, parseError: null };
}

function looksLikeJson(body: Buffer): boolean {
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x7b || byte === 0x5b; // { or [
  }
  return false;
}
