import { Command, CommanderError } from 'commander';
import { registerBundles } from './commands/bundle';
import { registerCatalog } from './commands/catalog';
import { registerEvents } from './commands/events';
import { registerImportCaptures } from './commands/import-captures';
import { registerListen } from './commands/listen';
import { registerExportLog } from './commands/export-log';
import { registerReplay } from './commands/replay';
import { registerRun } from './commands/run';
import { registerSend } from './commands/send';
import { registerServe } from './commands/serve';
import { describeFailure, EXIT } from './errors';
import { red } from './output';

/** `inlet`: argument parsing and terminal output; every command calls the control API. */
export function buildProgram(): Command {
  const program = new Command('inlet')
    .description('Incoming webhooks on your own machine, from the terminal: listen, send, replay, inspect and test.')
    .option('--data-dir <dir>', 'the data dir (default: $INLET_DATA_DIR, else the app\'s own folder)')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .exitOverride();
  registerServe(program);
  registerListen(program);
  registerSend(program);
  registerEvents(program);
  registerReplay(program);
  registerImportCaptures(program);
  registerExportLog(program);
  registerBundles(program);
  registerRun(program);
  registerCatalog(program);
  program.addHelpText(
    'after',
    `
Attach or embed: when Inlet (the app or \`inlet serve\`) runs on the data dir, commands talk to it;
otherwise each command opens the data dir itself for its duration.

Exit codes: 0 ok, 1 a failed operation or expectation, 2 bad input (unknown name, bad option, unreadable file).
Colour only on a terminal; NO_COLOR turns it off.

Examples:
  $ inlet listen stripe --secret whsec_…
  $ inlet send stripe invoice.paid --set data.object.amount_paid=500
  $ inlet events --source stripe --json
  $ inlet run examples/stripe.yaml --junit inlet-report.xml
`,
  );
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  program.commands.forEach(function exitOverride(c: Command) {
    c.exitOverride();
    c.commands.forEach(exitOverride);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; a usage mistake is bad input.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
      return;
    }
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`${red('inlet:')} ${message}\n`);
    process.exitCode = exitCode;
  }
}
