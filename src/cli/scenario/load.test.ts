import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../errors';
import { substitute } from './env';
import { loadScenario } from './load';

const dir = mkdtempSync(join(tmpdir(), 'inlet-scenario-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const write = (text: string): string => {
  const file = join(dir, `s${++n}.yaml`);
  writeFileSync(file, text);
  return file;
};

/** The one-line-per-problem message a bad file throws, and its exit code. */
function refusal(file: string, env: Record<string, string> = {}): { message: string; exitCode: number } {
  try {
    loadScenario(file, env);
  } catch (error) {
    if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('the scenario was accepted');
}

describe('${VAR} in scenario files', () => {
  it('fills in set variables, defaults for unset or empty ones, and keeps $${ as a literal ${', () => {
    expect(substitute('${A}/${B:-fallback}/${C:-}/$${A}/$5', { A: 'one', C: '' })).toEqual({ value: 'one/fallback//${A}/$5', problems: [] });
  });

  it('substitutes string values before validation, a plain number reading as a number, and leaves keys as written', () => {
    const file = write(
      [
        'name: ${NAME:-billing}',
        'sources:',
        '  - template: stripe',
        '    secret: "${SECRET}"',
        'steps:',
        '  - within: ${WITHIN:-2000}',
        '    send:',
        '      source: stripe',
        '      sample: invoice.paid',
        '      set: { "${KEY}": "${EMAIL}" }',
        '',
      ].join('\n'),
    );
    const loaded = loadScenario(file, { SECRET: 'whsec_abc', EMAIL: 'ci@example.com', WITHIN: '750' });
    expect(loaded.scenario.name).toBe('billing');
    expect(loaded.scenario.sources[0]!.secret).toBe('whsec_abc');
    expect(loaded.scenario.steps[0]!.within).toBe(750);
    expect(loaded.scenario.steps[0]!.send!.set).toEqual({ '${KEY}': 'ci@example.com' });
  });

  it('refuses an unset variable without a default, naming it at its line and column, exit 2', () => {
    const file = write(['sources:', '  - template: stripe', '    secret: "whsec_${STRIPE_SECRET}"', 'steps:', '  - send: { source: stripe, sample: x }', '    expect: { eventType: "${A:-ok} ${TYPE}" }', ''].join('\n'));
    const { message, exitCode } = refusal(file);
    expect(exitCode).toBe(EXIT.badInput);
    expect(message.split('\n')).toEqual([
      `${file}:3:20: the environment variable STRIPE_SECRET is not set (give a default with \${STRIPE_SECRET:-value})`,
      `${file}:6:36: the environment variable TYPE is not set (give a default with \${TYPE:-value})`,
    ]);
  });

  it('refuses a reference that is not closed or not a name', () => {
    const file = write(['name: "${OPEN"', 'sources: [{ template: "${1BAD}" }]', 'steps: [{ send: { source: s, sample: x } }]', ''].join('\n'));
    const { message } = refusal(file);
    expect(message).toContain(`${file}:1:8: "\${" is not closed`);
    expect(message).toContain(`${file}:2:24: "\${1BAD}" is not a variable reference`);
  });
});

describe('files a scenario names', () => {
  it('resolves sendFile and import paths next to the scenario file', () => {
    mkdirSync(join(dir, 'fixtures'), { recursive: true });
    writeFileSync(join(dir, 'fixtures', 'body.json'), '{}');
    const file = write(['sources: [{ template: stripe }]', 'steps:', '  - sendFile: { source: stripe, path: "${FIXTURES:-fixtures}/body.json" }', '  - import: { source: stripe, path: fixtures/body.json, replay: resign }', ''].join('\n'));
    const loaded = loadScenario(file, {});
    expect(loaded.fileOf(loaded.scenario.steps[0]!.sendFile!.path)).toBe(join(dir, 'fixtures', 'body.json'));
    expect(loaded.scenario.steps[1]!.import).toMatchObject({ path: 'fixtures/body.json', replay: 'resign' });
  });

  it('refuses a missing file at its line before anything runs, exit 2', () => {
    const file = write(['sources: [{ template: stripe }]', 'steps:', '  - sendFile:', '      source: stripe', '      path: fixtures/nowhere.json', '  - import: { source: stripe, path: . }', ''].join('\n'));
    const { message, exitCode } = refusal(file);
    expect(exitCode).toBe(EXIT.badInput);
    expect(message.split('\n')).toEqual([
      `${file}:5:13: steps[0].sendFile.path: can't read fixtures/nowhere.json: no such file`,
      `${file}:6:37: steps[1].import.path: can't read .: it is a folder`,
    ]);
  });

  it('refuses headers on a file signed as a sample, and import counts on another step', () => {
    const file = write(['sources: [{ template: stripe }]', 'steps:', '  - sendFile: { source: stripe, path: x.json, sample: invoice.paid, headers: { a: b } }', '    expect: { imported: 1 }', ''].join('\n'));
    const { message } = refusal(file);
    expect(message).toContain("steps[0].sendFile.headers: a file signed as a sample is sent with the sample's headers");
    expect(message).toContain('steps[0].expect.imported: counts what an import step imported');
  });
});
