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

/** Resolves when the child has exited, even if it already had (an 'exit' listener would wait forever). */
const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));

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
    await exited(child);

    expect(acked.size).toBeGreaterThanOrEqual(600);
    const db = new Database(join(dataDir, 'inlet.db'));
    cleanup.unshift(() => db.close());
    const get = db.prepare<[number], { body: Buffer }>('SELECT body FROM events WHERE id = ?');
    const missing = [...acked].filter(([id, body]) => get.get(id)?.body.toString('utf8') !== body);
    expect(missing).toEqual([]);
  });
});

describe('processing across a crash', () => {
  it('processes every acknowledged event exactly once after the host is killed mid-stream and restarted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inlet-restart-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startHost(dataDir);
    cleanup.push(() => first.child.kill('SIGKILL'));
    const api = controlApi(first.ready);
    const source = (await api('sources.create', { key: 'restart' })) as { id: string; settings: Array<{ endpointToken: string }> };
    await api('workflows.create', { environment: 'development', key: 'tick' });
    await api('mappings.create', {
      sourceId: source.id, eventType: 'load.tick', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' },
    });
    await api('mappings.create', {
      sourceId: source.id, eventType: 'load.tick', actionType: 'workflows_trigger', activeIn: ['development'],
      params: { key: '"tick"', recipients: 'body.user' },
    });
    const url = `${first.ready.receiverUrl}/in/${source.settings[0]!.endpointToken}`;

    const acked: number[] = [];
    let killed = false;
    let seq = 0;
    const worker = async () => {
      while (!killed) {
        const user = `u${seq++}`;
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'load.tick', user }) });
          if (res.ok) acked.push(((await res.json()) as { event_id: number }).event_id);
        } catch {
          return;
        }
        if (acked.length >= 400 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await exited(first.child);

    // Some acknowledged events were not processed yet when the host died; the restart must finish them.
    const before = new Database(join(dataDir, 'inlet.db'));
    const pendingAtCrash = (before.prepare("SELECT COUNT(*) AS n FROM events WHERE processing = 'pending'").get() as { n: number }).n;
    before.close();

    const second = await startHost(dataDir);
    cleanup.push(() => second.child.kill('SIGKILL'));
    const api2 = controlApi(second.ready);
    for (;;) {
      const page = (await api2('events.list', { limit: 500 })) as { items: Array<{ processing: string }> };
      if (page.items.every((e) => e.processing !== 'pending')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    second.child.kill('SIGTERM');
    await exited(second.child);

    const db = new Database(join(dataDir, 'inlet.db'));
    cleanup.unshift(() => db.close());
    const rows = db.prepare("SELECT id, processing, json_array_length(action_runs) AS runs FROM events WHERE source_id IS NOT NULL").all() as Array<{ id: number; processing: string; runs: number | null }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(acked.filter((id) => byId.get(id)?.processing !== 'done' || byId.get(id)?.runs !== 2)).toEqual([]);
    expect(rows.filter((r) => r.processing !== 'done')).toEqual([]);
    const workflowRuns = (db.prepare('SELECT COUNT(*) AS n FROM ws_workflow_runs').get() as { n: number }).n;
    // Exactly once: one identify and one workflow run per logged event, none twice.
    expect(workflowRuns).toBe(rows.length);
    expect(pendingAtCrash).toBeGreaterThanOrEqual(0);
  });
});

function controlApi(ready: Ready) {
  return async (method: string, input: unknown): Promise<unknown> => {
    const res = await fetch(`${ready.controlUrl}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const answer = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
    return answer.value;
  };
}
