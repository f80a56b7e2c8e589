import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { badInput } from '../errors';
import { readInputFile } from '../read-file';
import { substituteEnv } from './env';
import { ScenarioSchema, type Scenario } from './schema';

export type Path = ReadonlyArray<PropertyKey>;

/** A validated scenario, and where each of its parts was written (for messages that point at the line). */
export interface LoadedScenario {
  file: string;
  name: string;
  scenario: Scenario;
  /** `file:line:col` of the value at `path`, or of its nearest written parent. */
  at(path: Path): string;
  /** A file the scenario names (`sendFile.path`, `import.path`), relative to the scenario file. */
  fileOf(path: string): string;
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

/** Why a file can't be read, in words; null when it can. */
function unreadable(file: string): string | null {
  try {
    if (statSync(file).isDirectory()) return 'it is a folder';
    accessSync(file, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  }
}

/**
 * Reads, parses (YAML or JSON), fills in `${VAR}` from `env` and validates one scenario file, and
 * checks that the files it names can be read; a bad file throws one line per problem, exit code 2.
 */
export function loadScenario(file: string, env: Readonly<Record<string, string | undefined>> = process.env): LoadedScenario {
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
  const envProblems = substituteEnv(doc, text, env);
  if (envProblems.length > 0) throw badInput(envProblems.map((p) => `${position(p.offset)}: ${p.message}`).join('\n'));
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
  const fileOf = (path: string): string => resolve(dirname(file), path);
  // Checked now, so a missing fixture stops the run before any step changes anything.
  const missing = parsed.data.steps.flatMap((step, i) => {
    const kind = step.sendFile ? 'sendFile' : step.import ? 'import' : null;
    const path = step.sendFile?.path ?? step.import?.path;
    const why = path === undefined ? null : unreadable(fileOf(path));
    return kind && why ? [`${at(['steps', i, kind, 'path'])}: steps[${i}].${kind}.path: can't read ${path}: ${why}`] : [];
  });
  if (missing.length > 0) throw badInput(missing.join('\n'));
  return { file, name: parsed.data.name ?? name, scenario: parsed.data, at, fileOf };
}
