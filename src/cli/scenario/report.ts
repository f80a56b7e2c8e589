import { relative } from 'node:path';
import { bold, dim, green, red } from '../output';
import type { ScenarioResult, StepResult } from './run';

/** ✓/✗ and the step, then each failed expectation under it (expected vs actual). */
export function stepLines(step: StepResult): string[] {
  const answered = step.eventId === null ? 'no event' : `event ${step.eventId}${step.status === null ? '' : ` answered ${step.status}`}`;
  const sent = step.imported ? `imported ${step.imported.imported}${step.imported.events.length > 0 ? `, last ${answered}` : ''}` : answered;
  const detail = dim(`(${sent}, ${step.durationMs} ms)`);
  if (step.passed) return [`  ${green('✓')} ${step.name} ${detail}`];
  return [`  ${red('✗')} ${step.name} ${detail}`, ...step.failures.map((f) => `      ${red(f.path)}: ${f.message}`), `      ${dim(`at ${step.at}`)}`];
}

export interface Totals {
  scenarios: number;
  steps: number;
  passed: number;
  failed: number;
}

export function totals(results: readonly ScenarioResult[]): Totals {
  const steps = results.flatMap((r) => r.steps);
  const failed = steps.filter((s) => !s.passed).length;
  return { scenarios: results.length, steps: steps.length, passed: steps.length - failed, failed };
}

export function summaryLine(t: Totals): string {
  const counts = `${t.scenarios} scenario${t.scenarios === 1 ? '' : 's'}, ${t.steps} step${t.steps === 1 ? '' : 's'}: `;
  return t.failed === 0 ? bold(green(`${counts}all passed`)) : bold(`${counts}${t.passed} passed, ${red(`${t.failed} failed`)}`);
}

const escapeXml = (text: string): string =>
  // Characters XML 1.0 can't hold at all are dropped; the five special ones escaped.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed.
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, GitHub actions' test reporters): a testsuite
 * per scenario file, a testcase per step, a <failure> holding the expected-vs-actual lines.
 */
export function junitXml(results: readonly ScenarioResult[], cwd = process.cwd()): string {
  const t = totals(results);
  const time = results.reduce((n, r) => n + r.durationMs, 0);
  const suites = results.map((r) => {
    const file = relative(cwd, r.file) || r.file;
    const failed = r.steps.filter((s) => !s.passed).length;
    const cases = r.steps.map((s) => {
      const open = `    <testcase classname="${escapeXml(file)}" name="${escapeXml(s.name)}" time="${seconds(s.durationMs)}"`;
      if (s.passed) return `${open}/>`;
      const first = s.failures[0];
      const body = [...s.failures.map((f) => `${f.path}: ${f.message}`), `at ${s.at}`].join('\n');
      return `${open}>\n      <failure message="${escapeXml(first ? `${first.path}: ${first.message}` : 'failed')}" type="expectation">${escapeXml(body)}</failure>\n    </testcase>`;
    });
    return [
      `  <testsuite name="${escapeXml(r.name)}" file="${escapeXml(file)}" tests="${r.steps.length}" failures="${failed}" errors="0" skipped="0" time="${seconds(r.durationMs)}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="inlet run" tests="${t.steps}" failures="${t.failed}" errors="0" time="${seconds(time)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
