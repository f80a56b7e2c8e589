import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import nodeFlags from '../../main/host/node-flags.json';

/** Built next to cli.js from src/main/host/serve.ts. */
const SERVE_ENTRY = fileURLToPath(new URL('./serve.js', import.meta.url));

/** `inlet serve`: the headless host in its own process, with every argument (its own --help too) passed on. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run Inlet without Electron: the receiver, the control API and the UI in your browser (`inlet serve --help` for its options)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[options...]', 'passed to the host')
    .action((args: string[]) => {
      const g = program.opts<{ dataDir?: string }>();
      const passed = g.dataDir !== undefined && !args.includes('--data-dir') ? ['--data-dir', g.dataDir, ...args] : args;
      // Its own process group, so a terminal Ctrl+C reaches the host once (forwarded by us), not twice.
      const child = spawn(process.execPath, [...nodeFlags.flags, SERVE_ENTRY, ...passed], { stdio: 'inherit', detached: process.platform !== 'win32' });
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
      process.on('exit', () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      });
      return new Promise<void>((resolve) => {
        child.on('exit', (code, signal) => {
          process.exitCode = code ?? (signal ? 1 : 0);
          resolve();
        });
      });
    });
}
