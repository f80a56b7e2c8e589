import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../ports';

export const LOCK_FILE_NAME = 'inlet.lock';

/** What the lock file says about its holder. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: number;
  /** Linux boot id: a pid from before a reboot is not the same process, whatever runs under it now. */
  bootId?: string;
  /** Tells this holder's file apart from a successor's, so a late release never removes another's lock. */
  nonce: string;
}

/** Another live process holds the data dir; the message names it and what to do. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner ? `Another Inlet (pid ${owner.pid}${owner.hostname === hostname() ? '' : ` on ${owner.hostname}`})` : 'Another Inlet';
    super(
      `${who} is using ${dataDir}; stop it or pass another --data-dir. ` +
        `(If no Inlet is running there, delete ${join(dataDir, LOCK_FILE_NAME)}.)`,
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

export interface LockOptions {
  logger?: Logger;
  /** Tests: pretend to be another process. */
  pid?: number;
  isAlive?: (pid: number) => boolean;
}

function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `kill(pid, 0)` checks existence without signalling; EPERM means it exists but is someone else's. */
export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return { pid: parsed.pid, hostname: parsed.hostname, startedAt: Number(parsed.startedAt) || 0, bootId: parsed.bootId, nonce: String(parsed.nonce ?? '') };
  } catch {
    return null;
  }
}

/**
 * A holder is stale when it ran on this machine and is gone: its pid is dead, or it ran before the
 * last reboot. A holder on another host (a shared folder) can't be checked, so it is respected.
 */
function isStale(owner: LockOwner | null, isAlive: (pid: number) => boolean, bootId: string | undefined): boolean {
  // A file we can't parse was cut short while being written (a crash right after creating it).
  if (!owner) return true;
  if (owner.hostname !== hostname()) return false;
  if (bootId && owner.bootId && owner.bootId !== bootId) return true;
  return !isAlive(owner.pid);
}

/**
 * Takes the data dir for this process before the database is opened: `inlet.lock` is created
 * exclusively (O_EXCL) holding the pid, so two hosts never share one database. A lock left by a
 * process that died (SIGKILL, power loss) is taken over, with a log line.
 */
export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  const isAlive = options.isAlive ?? pidIsAlive;
  const bootId = readBootId();
  const me: LockOwner = {
    pid: options.pid ?? process.pid,
    hostname: hostname(),
    startedAt: Date.now(),
    ...(bootId ? { bootId } : {}),
    nonce: randomBytes(8).toString('hex'),
  };
  // Bounded: each round either takes the lock, meets a live holder, or removes one stale file.
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (!isStale(owner, isAlive, bootId)) throw new DataDirLockedError(dataDir, owner);
      options.logger?.warn(
        `Taking over ${path}: the Inlet that held it (pid ${owner?.pid ?? 'unknown'}) is no longer running (it stopped without releasing it).`,
      );
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    return holdLock(path, me.nonce);
  }
  throw new DataDirLockedError(dataDir, readOwner(path));
}

function holdLock(path: string, nonce: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    // Only our own file: after a takeover by a successor, theirs must stay.
    if (readOwner(path)?.nonce !== nonce) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // `process.exit()` from any path (an error at start, a second Ctrl+C) still frees the data dir.
  process.on('exit', release);
  return { path, release };
}
