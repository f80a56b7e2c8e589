import Database from 'better-sqlite3';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../core/testing/built-app';
import { controlApi, exited, startHost } from './testing/host-process';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

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
      params: { key: '"tick"', recipients: 'body.user', data: 'body' },
    });
    const url = `${first.ready.receiverUrl}/in/${source.settings[0]!.endpointToken}`;
    const dbPath = join(dataDir, 'inlet.db');

    // Freeze the host under load and look at the log: a frozen process can't process anything, so
    // if some acknowledged events are pending now, they are exactly what a SIGKILL leaves pending.
    const pendingNow = (): number[] => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare<[], { id: number }>("SELECT id FROM event_state WHERE processing = 'pending'").all().map((r) => r.id);
      } finally {
        db.close();
      }
    };
    const acked: number[] = [];
    let pendingAtCrash: number[] = [];
    let killed = false;
    let probing = false;
    let seq = 0;
    const crashIfSomethingPending = async () => {
      // One probe at a time: another worker's SIGCONT must not thaw the host while this one reads.
      if (probing) return;
      probing = true;
      first.child.kill('SIGSTOP');
      await stopped(first.child);
      const pending = pendingNow();
      if (pending.length > 0) {
        pendingAtCrash = pending;
        killed = true;
        first.child.kill('SIGKILL');
      } else {
        first.child.kill('SIGCONT');
      }
      probing = false;
    };
    const worker = async () => {
      while (!killed && acked.length < 20_000) {
        const user = `u${seq++}`;
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'load.tick', user }) });
          if (res.ok) acked.push(((await res.json()) as { event_id: number }).event_id);
        } catch {
          return;
        }
        if (acked.length >= 400 && acked.length % 25 === 0 && !killed) await crashIfSomethingPending();
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(killed, 'the host never had an acknowledged event pending while under load').toBe(true);
    await exited(first.child);
    expect(pendingAtCrash.length).toBeGreaterThan(0);

    const second = await startHost(dataDir);
    cleanup.push(() => second.child.kill('SIGKILL'));
    await vi.waitFor(() => expect(pendingNow()).toEqual([]), { timeout: 10_000, interval: 50 });
    second.child.kill('SIGTERM');
    await exited(second.child);

    const db = new Database(dbPath);
    cleanup.unshift(() => db.close());
    const rows = db.prepare("SELECT s.id, s.processing, json_array_length(s.action_runs) AS runs FROM event_state s JOIN events e ON e.id = s.id WHERE e.source_id IS NOT NULL").all() as Array<{ id: number; processing: string; runs: number | null }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const notDoneOnce = (id: number) => byId.get(id)?.processing !== 'done' || byId.get(id)?.runs !== 2;
    expect(acked.filter(notDoneOnce)).toEqual([]);
    expect(pendingAtCrash.filter(notDoneOnce)).toEqual([]);
    expect(rows.filter((r) => r.processing !== 'done')).toEqual([]);
    // Exactly once: one workflow run per logged event, none twice — including those the restart finished.
    const runsPerEvent = db.prepare<[], { eventId: number; n: number }>('SELECT event_id AS eventId, COUNT(*) AS n FROM ws_workflow_runs GROUP BY event_id').all();
    expect(runsPerEvent.filter((r) => r.n !== 1)).toEqual([]);
    expect(runsPerEvent.map((r) => r.eventId).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
  }, 60_000);
});

/** The process state letter (`T` = stopped): from /proc on Linux, else from `ps` (macOS). */
const stateOf = (pid: number): string | undefined =>
  existsSync(`/proc/${pid}/stat`)
    ? readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]
    : execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim()[0];

/** Resolves once the kernel reports the process stopped (signals are delivered asynchronously). */
async function stopped(child: ChildProcess): Promise<void> {
  await vi.waitFor(() => expect(stateOf(child.pid!)).toBe('T'), { timeout: 5_000, interval: 5 });
}

