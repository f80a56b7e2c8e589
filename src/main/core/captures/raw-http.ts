import { toEntry, type CaptureEntry, type Chunks } from './entry';
import { readLines } from './lines';

/** `POST /path HTTP/1.1` (the version may be left out); the target is a path or an absolute URL. */
export const REQUEST_LINE = /^([A-Z]{3,7}) +((?:https?:\/\/|\/)\S*)(?: +HTTP\/\d(?:\.\d)?)?$/;
const HEADER = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*)$/;
/** `.http` files (VS Code REST Client, JetBrains) separate requests with ###. */
const SEPARATOR = /^###/;

interface Pending {
  line: number;
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body: string[];
  inBody: boolean;
  error: string | null;
}

/**
 * Raw HTTP requests: a request line, headers, a blank line and the body, one or several (a new
 * request starts at `###` or at a request line after a blank line). Read line by line.
 */
export async function* fromRawHttp(chunks: Chunks): AsyncGenerator<CaptureEntry> {
  let current: Pending | null = null;
  let blankBefore = true;
  let stray: number | null = null;
  const finish = (p: Pending): CaptureEntry => {
    const at = { line: p.line };
    if (p.error) return { kind: 'error', at, error: p.error };
    while (p.body.length > 0 && p.body.at(-1)!.trim() === '') p.body.pop();
    return toEntry(at, { method: p.method, headers: p.headers, body: p.body.join('\n'), target: p.target });
  };
  for await (const { text, line } of readLines(chunks)) {
    const requestLine = REQUEST_LINE.exec(text);
    if (SEPARATOR.test(text) || (requestLine && blankBefore && (current === null || current.inBody))) {
      if (current) yield finish(current);
      current = null;
      if (stray !== null) yield { kind: 'error', at: { line: stray }, error: 'expected a request line such as “POST /webhooks HTTP/1.1”.' };
      stray = null;
    }
    blankBefore = text.trim() === '';
    if (SEPARATOR.test(text)) {
      blankBefore = true;
      continue;
    }
    if (current === null) {
      if (requestLine) current = { line, method: requestLine[1]!, target: requestLine[2]!, headers: [], body: [], inBody: false, error: null };
      else if (!blankBefore && !text.startsWith('#') && !text.startsWith('//')) stray ??= line;
      continue;
    }
    if (current.inBody) current.body.push(text);
    else if (blankBefore) current.inBody = true;
    else {
      const header = HEADER.exec(text);
      if (header) current.headers.push([header[1]!, header[2]!.trim()]);
      else current.error ??= `line ${line}: expected a header “Name: value”, got “${text.slice(0, 40)}”.`;
    }
  }
  if (current) yield finish(current);
  if (stray !== null) yield { kind: 'error', at: { line: stray }, error: 'expected a request line such as “POST /webhooks HTTP/1.1”.' };
}
