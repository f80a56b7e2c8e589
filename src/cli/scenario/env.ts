import { parse, Scalar, visit, type Document } from 'yaml';

/** `${NAME}`, `${NAME:-default}`, or `$${` (a literal `${`); anything else between the braces is a mistake. */
const REFERENCE = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const NAME = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

export interface EnvProblem {
  /** Offset in the file's text, for file:line:col. */
  offset: number;
  message: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** One string with its references replaced; problems name the reference and where in `text` it starts. */
export function substitute(text: string, env: Env): { value: string; problems: Array<{ index: number; message: string }> } {
  const problems: Array<{ index: number; message: string }> = [];
  const value = text.replace(REFERENCE, (match: string, inner: string | undefined, index: number) => {
    if (match === '$${') return '${';
    if (inner === undefined) {
      problems.push({ index, message: '"${" is not closed with "}" (write "$${" for a literal "${")' });
      return match;
    }
    const m = NAME.exec(inner);
    if (!m) {
      problems.push({ index, message: `"${match}" is not a variable reference: write \${NAME} or \${NAME:-default}` });
      return match;
    }
    const [, name, fallback] = m;
    const set = env[name!];
    // As in a shell: the default also stands in for a variable set to nothing.
    if (set !== undefined && set !== '') return set;
    if (fallback !== undefined) return fallback;
    problems.push({ index, message: `the environment variable ${name} is not set (give a default with \${${name}:-value})` });
    return match;
  });
  return { value, problems };
}

/** A plain (unquoted) scalar that became `500` or `true` reads as YAML would have read it written so. */
function retype(text: string): unknown {
  if (text.trim() === '') return text;
  try {
    const value: unknown = parse(text);
    return typeof value === 'number' || typeof value === 'boolean' ? value : text;
  } catch {
    return text;
  }
}

/**
 * Replaces `${NAME}` / `${NAME:-default}` in every string value of the document (keys stay as
 * written), before the scenario is validated. Returns every problem, each at its offset in `source`.
 */
export function substituteEnv(doc: Document, source: string, env: Env): EnvProblem[] {
  const problems: EnvProblem[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      const result = substitute(node.value, env);
      const [start = 0, end = source.length] = node.range ?? [];
      const written = source.slice(start, end);
      let from = 0;
      for (const p of result.problems) {
        // The reference as written in the file (quotes and escapes move it); else the value's start.
        const ref = /^\$\{[^}]*\}?/.exec(node.value.slice(p.index))?.[0] ?? '${';
        const at = written.indexOf(ref, from);
        if (at >= 0) from = at + ref.length;
        problems.push({ offset: at < 0 ? start : start + at, message: p.message });
      }
      if (result.problems.length > 0 || result.value === node.value) return;
      node.value = node.type === Scalar.PLAIN ? retype(result.value) : result.value;
    },
  });
  return problems;
}
