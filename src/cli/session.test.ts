import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TunnelProvider } from '../main/core/tunnel/providers/provider';
import { startTestCore } from '../main/core/testing/test-core';
import { openSession } from './session';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data dir whose settings say "start the tunnel at launch" (towards a port nothing listens on). */
async function dataDirWithTunnelOnLaunch(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'inlet-session-'));
  dirs.push(dir);
  const t = await startTestCore({ dir });
  await t.call('settings.update', { tunnel: { startOnLaunch: true, serverUrl: 'http://127.0.0.1:9' } });
  await t.close();
  return dir;
}

/** Counts the tunnels a core asks for, and never opens one. */
function countingProvider(): TunnelProvider & { opened: number } {
  const provider = {
    name: 'counting',
    opened: 0,
    open: () => {
      provider.opened++;
      return new Promise<never>(() => {});
    },
  };
  return provider;
}

describe('the embedded core of an inlet command', () => {
  it('leaves the tunnel closed although the settings start it at launch', async () => {
    const dir = await dataDirWithTunnelOnLaunch();
    const session = await openSession(dir);
    try {
      expect(session.mode).toBe('embedded');
      expect(await session.client.call('tunnel.status', {})).toEqual({ state: 'stopped' });
    } finally {
      await session.close();
    }
  });

  it('startTunnelOnLaunch: false is what keeps it closed: the same data dir opens it otherwise', async () => {
    const dir = await dataDirWithTunnelOnLaunch();
    const provider = countingProvider();
    const app = await startTestCore({ dir, tunnelProvider: provider });
    await expect.poll(() => provider.opened).toBe(1);
    await app.close();
    const command = await startTestCore({ dir, tunnelProvider: provider, startTunnelOnLaunch: false });
    expect(await command.call('tunnel.status', {})).toEqual({ state: 'stopped' });
    expect(provider.opened).toBe(1);
    await command.close();
  });
});
