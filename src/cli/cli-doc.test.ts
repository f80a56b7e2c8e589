import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../main/core/testing/snapshot-file';
import { builtInletDataDirs } from './testing/cli-test-setup';
import { CLI_DOC_INTRO, commandSection, DOCUMENTED_COMMANDS } from './testing/cli-doc';
import { runInlet } from './testing/run-inlet';

const DOC = resolve(__dirname, '../../docs/cli.md');
const dir = builtInletDataDirs('inlet-cli-doc-')();

describe('docs/cli.md', () => {
  it('holds the real --help of every command, and every command has an example', async () => {
    const helps = await Promise.all(DOCUMENTED_COMMANDS.map((path) => runInlet(dir, [...path, '--help'])));
    helps.forEach((h, i) => {
      expect(h.code, DOCUMENTED_COMMANDS[i]!.join(' ')).toBe(0);
      const path = DOCUMENTED_COMMANDS[i]!;
      if (path[0] !== 'serve') expect(h.stdout, `inlet ${path.join(' ')} --help`).toMatch(/\nExamples:\n {2}\$ inlet /);
    });
    const expected = CLI_DOC_INTRO + DOCUMENTED_COMMANDS.map((path, i) => commandSection(path, helps[i]!.stdout)).join('');
    expect(readSnapshotFile(DOC, expected, 'UPDATE_CLI_DOC')).toBe(expected);
  }, 120_000);

  it('documents every command inlet --help lists', async () => {
    const top = await runInlet(dir, ['--help']);
    const listed = [...top.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(listed).toEqual([...new Set(DOCUMENTED_COMMANDS.filter((p) => p.length > 0).map((p) => p[0]))]);
  }, 60_000);
});
