import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const SERVE = resolve(__dirname, '../../../out/main/serve.js');

interface Ready {
  receiverUrl: string;
  controlUrl: string;
  token: string;
}

function startHost(dataDir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [SERVE, '--data-dir', dataDir, '--receiver-port', '0', '--control-port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited early with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('INLET_READY ')) resolvePromise({ child, ready: JSON.parse(line.slice(12)) as Ready });
    });
  });
}

let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

describe('durability', () => {
  it('keeps every acknowledged request when the host is SIGKILLed under load', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inlet-crash-'));
    const { child, ready } = await startHost(dataDir);
    cleanup.push(() => child.kill('SIGKILL'), () => rmSync(dataDir, { recursive: true, force: true }));

    const api = async (method: string, input: unknown) => {
      const res = await fetch(`${ready.controlUrl}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await res.json()) as { value: { settings: Array<{ endpointToken: string }> } }).value;
    };
    const source = await api('sources.create', { key: 'crash' });
    const url = `${ready.receiverUrl}/in/${source.settings[0]!.endpointToken}`;

    const acked = new Map<number, string>();
    let killed = false;
    let seq = 0;
    const worker = async () => {
      while (!killed) {
        const body = JSON.stringify({ type: 'load.tick', seq: seq++, pad: 'x'.repeat(200) });
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          if (res.ok) acked.set(((await res.json()) as { event_id: number }).event_id, body);
        } catch {
          return; // the host is gone; requests in flight were never acknowledged
        }
        if (acked.size >= 600 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await new Promise((r) => child.once('exit', r));

    expect(acked.size).toBeGreaterThanOrEqual(600);
    const db = new Database(join(dataDir, 'inlet.db'));
    cleanup.unshift(() => db.close());
    const get = db.prepare<[number], { body: Buffer }>('SELECT body FROM events WHERE id = ?');
    const missing = [...acked].filter(([id, body]) => get.get(id)?.body.toString('utf8') !== body);
    expect(missing).toEqual([]);
  });
});
