import { jsonLanguage } from '@codemirror/lang-json';

/** Header pairs as editable lines, `name: value`, in the logged order (repeats on their own lines). */
export const headersToText = (pairs: ReadonlyArray<readonly [string, string]>): string => pairs.map(([n, v]) => `${n}: ${v}`).join('\n');

/**
 * Edited header lines back into headers: names lower-cased, a repeated name joined with ", " (as
 * Node joins them), blank lines skipped; a line without `name:` is reported by its number.
 */
export function parseHeaderLines(text: string): { headers: Record<string, string>; problems: string[] } {
  const headers: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      problems.push(`Line ${i + 1} is not "name: value".`);
      return;
    }
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  });
  return { headers, problems };
}

/** Where the JSON syntax first breaks (Lezer's error recovery), or null when the tree has no error. */
function errorOffset(text: string): number | null {
  let at: number | null = null;
  jsonLanguage.parser.parse(text).iterate({
    enter: (node) => {
      if (at !== null) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at;
}

/** Where a JSON text stops parsing, as "Line 3, column 8: Unexpected token '}'"; null when it parses. */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    // Engines quote the text after the first comma, or add "at position N": the first clause is the reason.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/, ".*$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    const offset = /at position (\d+)/.exec(String(error))?.[1] ?? errorOffset(text) ?? text.length;
    const before = text.slice(0, Number(offset));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `Line ${line}, column ${column}: ${reason}`;
  }
}

/** Whether the body is edited as JSON: a JSON content type, or text that parses as JSON. */
export const isJsonBody = (contentType: string | null, text: string): boolean =>
  /[/+]json\b/i.test(contentType ?? '') || (text.trim() !== '' && jsonProblem(text) === null);

/** The JSON pretty-printed for editing; text that does not parse is left as it is. */
export function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
