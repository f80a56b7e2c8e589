/**
 * What the core asks of its host. The Electron shell, the headless host and tests each pass their
 * own; the core never reaches for a platform API itself.
 */

/** Encrypts secrets at rest (Electron: safeStorage; headless: a 0600 key file). */
export interface SecretStore {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Native notifications; a no-op where there are none. */
export interface Notifier {
  notify(title: string, body: string): void;
}

export interface CorePorts {
  /** Where the database and key material live; created if absent. */
  dataDir: string;
  secretStore: SecretStore;
  clock?: Clock;
  logger?: Logger;
  notifier?: Notifier;
}

export const systemClock: Clock = { now: () => Date.now() };

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const consoleLogger: Logger = {
  info: (m, f) => console.log(m, f ?? ''),
  warn: (m, f) => console.warn(m, f ?? ''),
  error: (m, f) => console.error(m, f ?? ''),
};
