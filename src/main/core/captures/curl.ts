import { toEntry, type CaptureEntry, type RawRequest } from './entry';
import { splitCommands, type ShellCommand } from './shell-words';

/** curl options whose value is the next word (or attached, for short ones); the rest are flags. */
const WITH_VALUE = new Set([
  '-X', '--request', '-H', '--header', '-d', '--data', '--data-ascii', '--data-raw', '--data-binary', '--data-urlencode', '--json',
  '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-F', '--form', '--form-string', '--url',
  '-o', '--output', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '--retry', '-x', '--proxy', '--cacert',
  '--cert', '-E', '--key', '--resolve', '-T', '--upload-file', '-c', '--cookie-jar', '-r', '--range', '--limit-rate',
  '-U', '--proxy-user', '--interface', '--max-redirs', '-K', '--config', '--oauth2-bearer', '--retry-delay', '--retry-max-time',
  '--aws-sigv4', '--variable', '--expand-data', '--url-query', '-z', '--time-cond', '--dns-servers', '--unix-socket',
]);
const SHORT_WITH_VALUE = new Set([...WITH_VALUE].filter((o) => /^-[A-Za-z]$/.test(o)).map((o) => o[1]!));

interface CurlState {
  url: string | null;
  method: string | null;
  headers: Array<[string, string]>;
  data: string[];
  json: boolean;
  get: boolean;
  urlQuery: string[];
}

/** Every curl command in a paste (one or many, any tool's flavour); other commands are errors by line. */
export function* fromCurlText(text: string): Generator<CaptureEntry> {
  for (const command of splitCommands(text)) yield fromCurlCommand(command);
}

export function fromCurlCommand({ words, line }: ShellCommand): CaptureEntry {
  const at = { line };
  const [program, ...args] = words;
  if (!program || !/(^|[\\/])curl(\.exe)?$/i.test(program)) return { kind: 'error', at, error: `is not a curl command (it starts with “${(program ?? '').slice(0, 30)}”).` };
  const state: CurlState = { url: null, method: null, headers: [], data: [], json: false, get: false, urlQuery: [] };
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    let option = word;
    let value: string | undefined;
    if (/^-[A-Za-z]/.test(word) && !word.startsWith('--')) {
      // -sSL, -XPOST, -H'a: b': flags bundled, the last may take the rest of the word or the next one.
      const found = expandShort(word, state);
      if (found === null) continue;
      option = found.option;
      value = found.value;
    } else if (word === '--get') {
      state.get = true;
      continue;
    } else if (word === '--head') {
      state.method = 'HEAD';
      continue;
    } else if (word === '--') continue;
    else if (!word.startsWith('-')) {
      state.url ??= word;
      continue;
    }
    if (!WITH_VALUE.has(option)) continue;
    if (value === undefined) {
      value = args[i + 1];
      i += 1;
    }
    if (value === undefined) return { kind: 'error', at, error: `${option} needs a value.` };
    const problem = apply(state, option, value);
    if (problem) return { kind: 'error', at, error: problem };
  }
  if (state.url === null) return { kind: 'error', at, error: 'has no URL.' };
  return toEntry(at, toRaw(state));
}

function expandShort(word: string, state: CurlState): { option: string; value: string | undefined } | null {
  for (let j = 1; j < word.length; j++) {
    const flag = word[j]!;
    if (flag === 'G') state.get = true;
    if (flag === 'I') state.method = 'HEAD';
    if (SHORT_WITH_VALUE.has(flag)) return { option: `-${flag}`, value: j + 1 < word.length ? word.slice(j + 1) : undefined };
  }
  return null;
}

/** One option applied; a string says why the command can't be imported. */
function apply(state: CurlState, option: string, value: string): string | null {
  switch (option) {
    case '-X':
    case '--request':
      state.method = value.toUpperCase();
      return null;
    case '-H':
    case '--header': {
      if (value.startsWith('@')) return `${option} ${value} reads headers from a file that is not part of the paste.`;
      const colon = value.indexOf(':');
      // "Name;" sends an empty header, "Name:" removes one curl would add.
      if (colon < 0) {
        if (value.endsWith(';')) state.headers.push([value.slice(0, -1).trim(), '']);
        return null;
      }
      const v = value.slice(colon + 1).trim();
      if (v !== '') state.headers.push([value.slice(0, colon).trim(), v]);
      return null;
    }
    case '-d':
    case '--data':
    case '--data-ascii':
    case '--data-binary':
      if (value.startsWith('@')) return `${option} ${value.slice(0, 40)} reads the body from a file that is not part of the paste; paste the body with --data-raw instead.`;
      // Only a body read from a file (@file) loses its newlines; a literal one is sent as written.
      state.data.push(value);
      return null;
    case '--data-raw':
      state.data.push(value);
      return null;
    case '--json':
      if (value.startsWith('@')) return `--json ${value.slice(0, 40)} reads the body from a file that is not part of the paste.`;
      state.data.push(value);
      state.json = true;
      return null;
    case '--data-urlencode':
      return urlencoded(state, value);
    case '-u':
    case '--user':
      state.headers.push(['Authorization', `Basic ${Buffer.from(value.includes(':') ? value : `${value}:`).toString('base64')}`]);
      return null;
    case '--oauth2-bearer':
      state.headers.push(['Authorization', `Bearer ${value}`]);
      return null;
    case '-A':
    case '--user-agent':
      state.headers.push(['User-Agent', value]);
      return null;
    case '-e':
    case '--referer':
      state.headers.push(['Referer', value]);
      return null;
    case '-b':
    case '--cookie':
      if (value.includes('=')) state.headers.push(['Cookie', value]);
      return null;
    case '-F':
    case '--form':
    case '--form-string':
      return 'sends a multipart form (-F); webhooks are imported from --data bodies.';
    case '--url':
      state.url ??= value;
      return null;
    case '--url-query':
      state.urlQuery.push(value);
      return null;
    case '-T':
    case '--upload-file':
      return `uploads ${value.slice(0, 40)}, a file that is not part of the paste.`;
    default:
      return null;
  }
}

/** curl's --data-urlencode forms: content, =content, name=content (name@file reads a file). */
function urlencoded(state: CurlState, value: string): string | null {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) return `--data-urlencode ${value.slice(0, 40)} reads a file that is not part of the paste.`;
  if (eq < 0) state.data.push(encodeURIComponent(value));
  else if (eq === 0) state.data.push(encodeURIComponent(value.slice(1)));
  else state.data.push(`${value.slice(0, eq)}=${encodeURIComponent(value.slice(eq + 1))}`);
  return null;
}

function toRaw(state: CurlState): RawRequest {
  const body = state.data.join('&');
  const has = (name: string) => state.headers.some(([n]) => n.toLowerCase() === name);
  const headers = [...state.headers];
  if (state.json) {
    if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
    if (!has('accept')) headers.push(['Accept', 'application/json']);
  } else if (state.data.length > 0 && !has('content-type') && !state.get) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  let target = state.url ?? '';
  const extra = [...state.urlQuery, ...(state.get ? state.data : [])].join('&');
  if (extra !== '') target += (target.includes('?') ? '&' : '?') + extra;
  const method = state.method ?? (state.get ? 'GET' : state.data.length > 0 ? 'POST' : 'GET');
  return { method, headers, body: state.get ? '' : body, target };
}
