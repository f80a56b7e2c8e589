import { homedir } from 'node:os';
import { join } from 'node:path';

/** Options of `npm run serve` after defaults are applied. */
export interface ServeOptions {
  dataDir: string;
  receiverHost: string;
  receiverPort: number;
  controlPort: number;
  /** Undefined means "generate one for this run". */
  token: string | undefined;
  /** A way out of a damaged database; undefined for a normal start. */
  recovery: Recovery | undefined;
}

export type Recovery = { kind: 'start-fresh' } | { kind: 'export-readable'; file: string };

export type ParseResult =
  | { kind: 'options'; options: ServeOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export const USAGE = `Usage: inlet serve [options]   (or: npm run serve -- [options])

Runs Inlet without Electron: the webhook receiver, the control API and the UI in your browser.

Options:
  --data-dir <dir>        where the database and key file live
                          (default: $INLET_DATA_DIR, else the platform app-data folder)
  --receiver-host <host>  receiver bind address (default: 127.0.0.1)
  --receiver-port <port>  receiver port, 0 = any free port (default: 4750)
  --control-port <port>   control API and UI port on 127.0.0.1, 0 = any free port (default: 4751)
  --token <token>         control API token, at least 16 characters
                          (default: $INLET_TOKEN, else random per run)
  --help                  show this help

If the database is damaged, Inlet refuses to start and names these ways out:
  --export-readable <file>  write every event that can still be read to <file> as JSON Lines
                            (skipping damaged pages), print the counts and exit; changes nothing
  --start-fresh             if the database is damaged, move it aside (inlet.db.damaged-<time>,
                            with its -wal/-shm) and start with an empty one; secret.key is kept.
                            A sound database is opened as usual.
`;

type Env = Readonly<Record<string, string | undefined>>;

/** The per-user app-data folder, as Electron's `app.getPath('userData')` would name it. */
export function defaultDataDir(env: Env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Inlet');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Inlet');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Inlet');
}

const FLAGS = ['--data-dir', '--receiver-host', '--receiver-port', '--control-port', '--token', '--export-readable'] as const;
type Flag = (typeof FLAGS)[number];
const isFlag = (s: string): s is Flag => (FLAGS as readonly string[]).includes(s);

const parsePort = (flag: string, raw: string): number | string => {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) return `${flag} expects a port number 0–65535, got "${raw}"`;
  return Number(raw);
};

/** Parses `--flag value` and `--flag=value`; never throws, never exits. */
export function parseServeArgs(argv: readonly string[], env: Env): ParseResult {
  const given = new Map<Flag, string>();
  let startFresh = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--start-fresh') {
      startFresh = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!isFlag(name)) return { kind: 'error', message: `unknown option "${arg}"` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return { kind: 'error', message: `${name} needs a value` };
    }
    given.set(name, value);
  }

  const receiverPort = parsePort('--receiver-port', given.get('--receiver-port') ?? '4750');
  if (typeof receiverPort === 'string') return { kind: 'error', message: receiverPort };
  const controlPort = parsePort('--control-port', given.get('--control-port') ?? '4751');
  if (typeof controlPort === 'string') return { kind: 'error', message: controlPort };

  const token = given.get('--token') ?? (env.INLET_TOKEN || undefined);
  if (token !== undefined && token.length < 16) {
    return { kind: 'error', message: '--token (or INLET_TOKEN) must be at least 16 characters' };
  }
  const exportFile = given.get('--export-readable');
  if (startFresh && exportFile !== undefined) {
    return { kind: 'error', message: '--start-fresh and --export-readable are two different ways out; pick one' };
  }
  const recovery: Recovery | undefined = startFresh
    ? { kind: 'start-fresh' }
    : exportFile !== undefined
      ? { kind: 'export-readable', file: exportFile }
      : undefined;
  return {
    kind: 'options',
    options: {
      dataDir: given.get('--data-dir') ?? (env.INLET_DATA_DIR || defaultDataDir(env)),
      receiverHost: given.get('--receiver-host') ?? '127.0.0.1',
      receiverPort,
      controlPort,
      token,
      recovery,
    },
  };
}
