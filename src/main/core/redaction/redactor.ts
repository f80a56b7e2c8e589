import {
  RedactionRulesSchema,
  type RedactionChange,
  type RedactionRules,
  type RedactionRulesInput,
} from '../../../shared/domain/redaction';
import { DETECTOR_FINDERS, claim, placeholder, regexFinder, type Family, type Finder } from './detectors';
import { jsonSpans } from './json-spans';
import { parsePathRule, pathMatches, formatPath } from './paths';

/** What a redactor reads and writes: a request's headers, body (text) and query string. */
export interface RedactableRequest {
  headers: Record<string, string>;
  body: string;
  query: string;
  /** A base64 body is bytes, not text: it is passed through untouched. */
  bodyEncoding?: 'utf8' | 'base64';
}

export interface RedactionResult<T extends RedactableRequest> {
  request: T;
  changes: RedactionChange[];
  /** True when any byte changed: a replay must sign it afresh, its signature no longer matches. */
  redacted: boolean;
}

export interface Redactor {
  request<T extends RedactableRequest>(r: T): RedactionResult<T>;
  /** A free text (a fixture's note, a header seen elsewhere) through the same placeholders. */
  text(text: string, where: string): { text: string; changes: RedactionChange[] };
}

/** Headers that carry credentials whole: the value (after any scheme) is a secret. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token', 'x-amz-security-token']);
/** JSON keys whose string value is a secret whatever it looks like. */
const SECRET_KEY = /^(?:password|passwd|secret|client_secret|api[_-]?key|access[_-]?token|refresh[_-]?token|auth[_-]?token|token|authorization)$/i;
const SCHEME = /^(Bearer|Basic|Token|Digest|Bot)\s+(.+)$/is;

/**
 * One redactor per exported file: every value it replaces is remembered, so the same email (card,
 * token, …) gets the same placeholder in every event, header and query of that file and joins
 * between events still work.
 */
export function createRedactor(input: RedactionRules | RedactionRulesInput): Redactor {
  const rules = RedactionRulesSchema.parse(input);
  const userFinders: Finder[] = [];
  const pathRules: string[][] = [];
  const queryRules: string[] = [];
  const headerRules = new Set<string>();
  for (const rule of rules.rules) {
    if (rule.kind === 'regex') userFinders.push(regexFinder(rule.pattern, rule.caseInsensitive));
    else if (rule.kind === 'header') headerRules.add(rule.name.toLowerCase());
    else {
      const parsed = parsePathRule(rule.path);
      if (parsed.area === 'query') queryRules.push(parsed.name);
      else pathRules.push(parsed.segments);
    }
  }
  const finders = [...userFinders, ...DETECTOR_FINDERS.filter((d) => rules.detectors[d.detector]).map((d) => d.finder)];
  const numberFinders = finders.filter((f) => f.kind === 'regex' || f.family === 'card');
  const credentials = rules.detectors.credentials;

  const seen = new Map<string, string>();
  const counters = new Map<Family, number>();
  /** Same family and value, same placeholder: cards and phones by their digits, emails in any case. */
  const replace = (family: Family, original: string, numeric = false): string => {
    const normal = family === 'card' || family === 'phone' ? original.replace(/\D/g, '') : family === 'email' || family === 'ipv6' ? original.toLowerCase() : original;
    const key = `${family}${numeric ? '#' : ''}\u0000${normal}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    const n = (counters.get(family) ?? 0) + 1;
    counters.set(family, n);
    const made = placeholder(family, n, original, numeric);
    seen.set(key, made);
    return made;
  };

  const redactText = (text: string, where: string, changes: RedactionChange[], using: readonly Finder[] = finders): string => {
    if (text === '' || using.length === 0) return text;
    const found = claim(text, using);
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (const f of found) {
      const before = text.slice(f.start, f.end);
      const after = replace(f.finder.family, before);
      changes.push({ where, kind: f.finder.kind, before, after });
      out += text.slice(at, f.start) + after;
      at = f.end;
    }
    return out + text.slice(at);
  };

  /** A whole value replaced by a rule (a header, a path, a secret-looking key). */
  const whole = (value: string, where: string, kind: string, family: Family, changes: RedactionChange[]): string => {
    const after = replace(family, value);
    changes.push({ where, kind, before: value, after });
    return after;
  };

  const redactCredential = (value: string, where: string, changes: RedactionChange[]): string => {
    const detected = redactText(value, where, changes);
    if (detected !== value) return detected;
    const scheme = SCHEME.exec(value);
    return scheme ? `${scheme[1]} ${whole(scheme[2]!, where, 'credentials', 'token', changes)}` : whole(value, where, 'credentials', 'token', changes);
  };

  const redactHeaders = (headers: Record<string, string>, changes: RedactionChange[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      const where = `header ${lower}`;
      if (headerRules.has(lower)) out[name] = value === '' ? value : whole(value, where, 'header', 'generic', changes);
      else if (credentials && CREDENTIAL_HEADERS.has(lower) && value !== '') out[name] = redactCredential(value, where, changes);
      else if (credentials && lower === 'cookie') {
        out[name] = value.replace(/(^|;\s*)([^=;]+)=([^;]*)/g, (_m, sep: string, key: string, v: string) =>
          `${sep}${key}=${v === '' ? v : redactCredential(v, `${where} ${key.trim()}`, changes)}`,
        );
      } else out[name] = redactText(value, where, changes);
    }
    return out;
  };

  /** `a=1&b=2`: each value decoded, redacted, and encoded again only when it changed. */
  const redactParams = (text: string, area: 'query' | 'body', named: (name: string) => boolean, changes: RedactionChange[]): string =>
    text
      .split('&')
      .map((part) => {
        const eq = part.indexOf('=');
        if (eq < 0) return part;
        const rawName = part.slice(0, eq);
        const rawValue = part.slice(eq + 1);
        const name = decode(rawName);
        const value = decode(rawValue);
        const where = `${area} ${name}`;
        const after = named(name) ? (value === '' ? value : whole(value, where, 'path', 'generic', changes)) : redactText(value, where, changes);
        return after === value ? part : `${rawName}=${encodeURIComponent(after)}`;
      })
      .join('&');

  const redactJson = (body: string, changes: RedactionChange[]): string | null => {
    const first = body.trimStart()[0];
    if (first !== '{' && first !== '[') return null;
    try {
      JSON.parse(body);
    } catch {
      return null;
    }
    const spans = jsonSpans(body);
    if (!spans) return null;
    let out = '';
    let at = 0;
    for (const span of spans) {
      const raw = body.slice(span.start, span.end);
      const where = `body ${formatPath(span.path)}`;
      let after = raw;
      if (pathRules.some((rule) => pathMatches(rule, span.path))) {
        if (span.type === 'string') after = JSON.stringify(whole(JSON.parse(raw) as string, where, 'path', 'generic', changes));
        else if (span.type === 'number') {
          after = replace('generic', raw, true);
          changes.push({ where, kind: 'path', before: raw, after });
        } else if (raw === 'true') {
          after = 'false';
          changes.push({ where, kind: 'path', before: raw, after });
        }
      } else if (span.type === 'string') {
        const value = JSON.parse(raw) as string;
        const key = span.path.at(-1);
        let redacted = redactText(value, where, changes);
        if (redacted === value && credentials && value !== '' && typeof key === 'string' && SECRET_KEY.test(key)) redacted = whole(value, where, 'credentials', 'token', changes);
        if (redacted !== value) after = JSON.stringify(redacted);
      } else if (span.type === 'number' && numberFinders.length > 0) {
        const found = claim(raw, numberFinders)[0];
        if (found) {
          after = replace(found.finder.family, raw, true);
          changes.push({ where, kind: found.finder.kind, before: raw, after });
        }
      }
      if (after !== raw) {
        out += body.slice(at, span.start) + after;
        at = span.end;
      }
    }
    return out + body.slice(at);
  };

  const redactBody = (r: RedactableRequest, changes: RedactionChange[]): string => {
    if (r.bodyEncoding === 'base64' || r.body === '') return r.body;
    const json = redactJson(r.body, changes);
    if (json !== null) return json;
    const contentType = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    if (/application\/x-www-form-urlencoded/i.test(contentType)) {
      return redactParams(r.body, 'body', (name) => pathRules.some((rule) => pathMatches(rule, [name])), changes);
    }
    return redactText(r.body, 'body', changes);
  };

  return {
    request<T extends RedactableRequest>(r: T): RedactionResult<T> {
      const changes: RedactionChange[] = [];
      const headers = redactHeaders(r.headers, changes);
      const query = redactParams(r.query, 'query', (name) => queryRules.includes(name), changes);
      const body = redactBody(r, changes);
      // Judged on the bytes, not the list: a value already equal to its placeholder changes nothing a signature covers.
      const redacted = body !== r.body || query !== r.query || Object.entries(headers).some(([name, value]) => r.headers[name] !== value);
      return { request: { ...r, headers, body, query }, changes, redacted };
    },
    text(text, where) {
      const changes: RedactionChange[] = [];
      return { text: redactText(text, where, changes), changes };
    },
  };
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
