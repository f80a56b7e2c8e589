import { chmodSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pidIsAlive } from '../core/store/data-dir-lock';

/** Where a running host says how to reach its control API, for `inlet` commands on the same data dir. */
export const CONNECTION_FILE_NAME = 'control.json';

export interface ConnectionInfo {
  /** The control API's base URL, e.g. `http://127.0.0.1:4751`. */
  url: string;
  token: string;
  pid: number;
  /** The receiver's base URL (webhooks go to `<receiverUrl>/in/<endpoint token>`). */
  receiverUrl: string;
}

/** Written whole under a temporary name, then renamed, so a reader never sees half a file; 0600 because it holds the token. */
export function writeConnectionFile(dataDir: string, info: ConnectionInfo): () => void {
  const path = join(dataDir, CONNECTION_FILE_NAME);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    // Only our own: a successor's file must survive our late exit.
    if (readConnectionFile(dataDir, { checkAlive: false })?.pid !== info.pid) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}

const isInfo = (v: unknown): v is ConnectionInfo =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ConnectionInfo).url === 'string' &&
  typeof (v as ConnectionInfo).token === 'string' &&
  typeof (v as ConnectionInfo).pid === 'number' &&
  typeof (v as ConnectionInfo).receiverUrl === 'string';

/** The running host's connection, or null when none is running (no file, an unreadable one, or a dead pid's). */
export function readConnectionFile(dataDir: string, options: { checkAlive?: boolean } = {}): ConnectionInfo | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, CONNECTION_FILE_NAME), 'utf8'));
  } catch {
    return null;
  }
  if (!isInfo(parsed)) return null;
  if (options.checkAlive !== false && !pidIsAlive(parsed.pid)) return null;
  return parsed;
}
