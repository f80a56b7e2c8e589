import { randomBytes } from 'node:crypto';
import type { Core } from '../core/create-core';
import { writeConnectionFile } from './connection-file';
import { createControlServer, type ControlServerOptions } from './http-bridge';

/** The control API of a running app, announced in its data dir. */
export interface PublishedControl {
  url: string;
  token: string;
  /** Removes control.json first (no command attaches to a server going away), then stops the server. */
  close(): Promise<void>;
}

/**
 * What the desktop app does so that `inlet` commands on its data dir attach to it instead of
 * refusing a locked data dir: the control API on 127.0.0.1 (a free port, a token made for this run)
 * and the same 0600 `control.json` the headless host writes. Nothing listens beyond loopback.
 */
export async function publishControl(
  core: ControlServerOptions['core'] & Pick<Core, 'receiverUrl'>,
  dataDir: string,
  options: { port?: number; token?: string } = {},
): Promise<PublishedControl> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const server = await createControlServer({ core, token, host: '127.0.0.1', port: options.port ?? 0 });
  const removeFile = writeConnectionFile(dataDir, { url: server.url, token, pid: process.pid, receiverUrl: core.receiverUrl });
  // A crash or a kill that skips close() still takes the file along where Node gets to run exit handlers.
  process.once('exit', removeFile);
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    token,
    close() {
      closing ??= (async () => {
        removeFile();
        process.off('exit', removeFile);
        await server.close();
      })();
      return closing;
    },
  };
}
