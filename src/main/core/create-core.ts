import type { PushMessage } from '../../shared/api/events';
import type { ApiResult } from '../../shared/api/result';
import type { CallCtx } from './api/dispatcher';
import type { CorePorts } from './ports';

export interface CoreOptions {
  /** Receiver bind address; 127.0.0.1 unless the user opts into exposing it. */
  receiverHost?: string;
  /** 0 picks a free port. */
  receiverPort?: number;
  bodyLimitBytes?: number;
  /** better-sqlite3 `nativeBinding`: the Electron host passes its Electron-ABI build. */
  sqliteNativeBinding?: string;
}

/** The app without a host: both the Electron shell and the headless host wrap one of these. */
export interface Core {
  /** Validates the input against the contract and runs the method. */
  dispatch(method: unknown, input: unknown, ctx: CallCtx): Promise<ApiResult<unknown>>;
  /** Push events for UIs; returns an unsubscribe function. */
  subscribe(listener: (message: PushMessage) => void): () => void;
  readonly receiverUrl: string;
  readonly dataDir: string;
  /** Stops the receiver, commits pending rows and closes the database. */
  close(): Promise<void>;
}

export async function createCore(_ports: CorePorts, _options: CoreOptions = {}): Promise<Core> {
  throw new Error('not yet built');
}
