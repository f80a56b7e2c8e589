import { basename } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { badInput } from '../errors';
import { readInputFile } from '../read-file';
import { ScenarioSchema, type Scenario } from './schema';

export type Path = ReadonlyArray<PropertyKey>;

/** A validated scenario, and where each of its parts was written (for messages that point at the line). */
export interface LoadedScenario {
  file: string;
  name: string;
  scenario: Scenario;
  /** `file:line:col` of the value at `path`, or of its nearest written parent. */
  at(path: Path): string;
}

/** `steps[2].expect.status`: how a path reads in a message. */
export const formatPath = (path: Path): string =>
  path.reduce<string>((text, seg) => (typeof seg === 'number' ? `${text}[${seg}]` : `${text}${text ? '.' : ''}${String(seg)}`), '');

/** The node written at `path` (the key itself when `key`: an unknown field), else the nearest parent's. */
function nodeAt(doc: Document, path: Path, key = false): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = (doc.contents as Node | null) ?? null;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      node = pair.value;
      const last = i === path.length - 1;
      found = ((key && last ? (pair.key as Node | null) : (pair.value as Node | null)) ?? (pair.key as Node | null)) ?? found;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!node) break;
      found = node as Node;
    } else break;
  }
  return found;
}

/** zod's wording, made to read after a path: "expected number, received string" → "expected a number, got a string". */
function wording(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${article(issue.expected)}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** Reads, parses (YAML or JSON) and validates one scenario file; a bad file throws one line per problem, exit code 2. */
export function loadScenario(file: string): LoadedScenario {
  const text = readInputFile(file, 'scenario file');
  const name = basename(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const first = doc.errors[0];
  if (first) {
    const { line, col } = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    throw badInput(`${file}:${line}:${col}: ${first.message.split('\n')[0]}`);
  }
  const at = (path: Path, key = false): string => position(nodeAt(doc, path, key)?.range?.[0] ?? 0);
  const parsed = ScenarioSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const where = formatPath(issue.path);
      return `${unknownKey === undefined ? at(issue.path) : at([...issue.path, unknownKey], true)}: ${where ? `${where}: ` : ''}${wording(issue)}`;
    });
    throw badInput(lines.join('\n'));
  }
  return { file, name: parsed.data.name ?? name, scenario: parsed.data, at };
}
