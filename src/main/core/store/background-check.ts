import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { DAMAGED_DATABASE_OPTIONS, QUICK_CHECK_MAX_ERRORS } from './integrity';

/**
 * The start-up integrity check of a database too large to check before the host answers
 * (see `checksAtOpen`): `PRAGMA quick_check` on a connection of its own in a child process, so the
 * host serves the UI and the receiver while it reads every page (23-30 s for a 1.1 GB log on a
 * loaded machine, during which a check at open left the UI waiting). A process, not a worker
 * thread: SQLite can't be interrupted mid-check, and a worker thread held the host's exit until
 * the check was over (26 s), while a process is killed at once.
 */
export interface BackgroundCheck {
  /** The problems found (empty: sound), why the check could not run, or null once stopped. */
  readonly result: Promise<BackgroundCheckOutcome | null>;
  /** Kills the check. */
  stop(): void;
}

export type BackgroundCheckOutcome = { problems: string[] } | { failed: string };

export interface BackgroundCheckOptions {
  nativeBinding?: string | undefined;
  maxErrors?: number;
}

/** Run by `node -e` (or Electron as Node): reads its job from argv, answers one JSON line. */
const CHECK_SOURCE = `
const [modulePath, file, maxErrors, nativeBinding] = process.argv.slice(1);
let db;
try {
  const Database = require(modulePath);
  db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const rows = db.pragma('quick_check(' + Number(maxErrors) + ')');
  process.stdout.write(JSON.stringify({ problems: rows.map((r) => r.quick_check) }) + '\\n');
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String((error && error.message) || error) }) + '\\n');
} finally {
  if (db) db.close();
}
`;

const requireHere = createRequire(import.meta.url);

export function checkInBackground(file: string, options: BackgroundCheckOptions = {}): BackgroundCheck {
  const maxErrors = Math.max(1, Math.floor(options.maxErrors ?? QUICK_CHECK_MAX_ERRORS));
  let settle: (value: BackgroundCheckOutcome | null) => void = () => {};
  const result = new Promise<BackgroundCheckOutcome | null>((resolve) => (settle = resolve));
  const args = ['-e', CHECK_SOURCE, requireHere.resolve('better-sqlite3'), file, String(maxErrors), options.nativeBinding ?? ''];
  // In Electron, execPath is the app: run it as plain Node (Node itself ignores the variable).
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  child.unref();
  child.once('spawn', () => {
    try {
      // The host's own work comes first; 19 is the lowest priority everywhere Node runs.
      if (child.pid !== undefined) setPriority(child.pid, 19);
    } catch {
      // Not allowed here: the check runs at normal priority.
    }
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  child.once('error', (error) => settle({ failed: error.message }));
  child.once('close', (code, signal) => {
    try {
      const answer = JSON.parse(out) as { problems?: string[]; error?: string };
      if (answer.problems) return settle({ problems: answer.problems.length === 1 && answer.problems[0] === 'ok' ? [] : answer.problems });
      settle({ failed: answer.error ?? 'no answer' });
    } catch {
      settle({ failed: `the check ended without an answer (${signal ?? `exit ${code}`})${err ? `: ${err.trim().slice(0, 300)}` : ''}` });
    }
  });
  return {
    result,
    stop() {
      settle(null);
      child.kill('SIGKILL');
    },
  };
}

/** How long after start the check begins: the UI's first loads go first, and a short-lived core (an `inlet` command) never starts it. */
export const CHECK_DELAY_MS = 3000;

/**
 * Checks `file` in the background, `delayMs` after the call, and says in the host's log (and to
 * `onOutcome`, which tells the UIs) what it found: damage with the ways out (the host keeps running; what is on the damaged pages fails
 * where it is read).
 */
export function checkAndReport(
  file: string,
  logger: { warn(message: string): void; error(message: string): void },
  options: BackgroundCheckOptions & { delayMs?: number; onOutcome?: (outcome: BackgroundCheckOutcome) => void } = {},
): { stop(): void } {
  let check: BackgroundCheck | null = null;
  const timer = setTimeout(() => {
    check = checkInBackground(file, options);
    void check.result.then((outcome) => {
      if (outcome === null) return;
      options.onOutcome?.(outcome);
      if ('failed' in outcome) logger.warn(`The database ${file} could not be checked for damage: ${outcome.failed}`);
      else if (outcome.problems.length > 0) logger.error(describeFoundLater(file, outcome.problems));
    });
  }, options.delayMs ?? CHECK_DELAY_MS);
  timer.unref();
  return {
    stop() {
      clearTimeout(timer);
      check?.stop();
    },
  };
}

/** Damage found while the host runs: what is wrong, and the same ways out as a refused start. */
export function describeFoundLater(file: string, problems: string[]): string {
  const listed = problems.slice(0, 3).join('; ');
  return (
    `The database ${file} is damaged (${listed}${problems.length > 3 ? '; …' : ''}). Inlet keeps running, but events on the ` +
    `damaged pages can't be read. Stop Inlet to use one of the ways out.\n${DAMAGED_DATABASE_OPTIONS}`
  );
}
