import type { Command } from 'commander';
import { openSession, type Session } from './session';

/** Options every command takes (declared once on the program, shown in each command's help). */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

export const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

/** Runs `body` with the contract attached or embedded; the session closes however `body` ends. */
export async function withSession<T>(cmd: Command, body: (session: Session, g: GlobalOptions) => Promise<T>): Promise<T> {
  const g = globals(cmd);
  const session = await openSession(g.dataDir);
  try {
    return await body(session, g);
  } finally {
    await session.close();
  }
}

/** The help's "Examples:" section, shown after the options. */
export function examples(cmd: Command, lines: readonly string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}
