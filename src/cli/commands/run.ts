import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { examples, globals } from '../command';
import { badInput, CliError, EXIT } from '../errors';
import { bold, dim, out, printJson } from '../output';
import { openSession } from '../session';

interface RunOptions {
  junit?: string;
  attach?: boolean;
}

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('Run scenario files for CI: connect sources, send events, check answers, action runs and workspace records')
    .argument('<scenarios...>', 'scenario files (YAML or JSON; see docs/cli.md#scenarios)')
    .option('--junit <file>', 'also write the results as JUnit XML, for a CI server\'s test report')
    .option('--attach', 'run in the data dir\'s Inlet (the running app or host, else --data-dir itself) instead of a fresh temporary data dir')
    .action(async (files: string[], opts: RunOptions, command: Command) => {
      const g = globals(command);
      // Loaded lazily: `inlet --help` and the other commands never read this code.
      const [{ loadScenario }, { runScenario }, report] = await Promise.all([import('../scenario/load'), import('../scenario/run'), import('../scenario/report')]);
      // Every file is read and checked before anything runs: a bad one changes nothing.
      const scenarios = files.map((file) => loadScenario(file));
      const results = [];
      for (const loaded of scenarios) {
        const temp = opts.attach ? null : mkdtempSync(join(tmpdir(), 'inlet-run-'));
        const session = await openSession(temp ?? g.dataDir);
        try {
          const where = opts.attach ? ` (in ${session.dataDir}, ${session.mode})` : '';
          if (!g.json) out(loaded.scenario.name ? `${bold(loaded.name)} ${dim(`${loaded.file}${where}`)}` : bold(`${loaded.file}${where}`));
          results.push(await runScenario(session.client, session.receiverUrl, loaded, (step) => g.json || report.stepLines(step).forEach((l) => out(l))));
        } finally {
          await session.close();
          if (temp) rmSync(temp, { recursive: true, force: true });
        }
      }
      const t = report.totals(results);
      if (opts.junit) {
        try {
          writeFileSync(opts.junit, report.junitXml(results));
        } catch (error) {
          throw badInput(`Can't write the JUnit file ${opts.junit}: ${(error as Error).message}`);
        }
      }
      if (g.json) printJson({ ...t, passedAll: t.failed === 0, scenarios: results });
      else out(`\n${report.summaryLine(t)}`);
      if (t.failed > 0) throw new CliError(`${t.failed} of ${t.steps} steps failed`, EXIT.failed);
    });
  cmd.addHelpText(
    'after',
    `
Each file runs on a fresh temporary data dir (hermetic, parallel-safe) unless --attach.
Steps send samples, files (sendFile) and captures (import); files are named relative to the
scenario, and any string may read the environment: \${NAME} or \${NAME:-default}.
Exit codes: 0 every expectation held, 1 a step failed, 2 a scenario file is unreadable or malformed
(file:line:col: what is wrong; nothing runs).`,
  );
  examples(cmd, ['inlet run examples/stripe.yaml', 'inlet run scenarios/*.yaml --junit reports/inlet.xml', 'inlet run smoke.yaml --attach --json']);
}
