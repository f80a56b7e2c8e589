import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, ROOT } from '../core/testing/built-app';
import { controlApi, startHost } from './testing/host-process';
import { getPreset } from '../core/verification';
import { signStripe } from '../core/verification/testing/sdk-signers';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const SECRET = 'whsec_busy_database_test_0123456789';
const LOCK_MS = 8_000;

/** Another program (think `sqlite3 inlet.db`, a backup tool) holding the write lock for `ms`. */
function holdWriteLock(file: string, ms: number): { child: ChildProcess; locked: Promise<void>; released: Promise<void> } {
  const script = `
    const db = new (require('better-sqlite3'))(process.env.LOCK_FILE);
    db.exec('BEGIN IMMEDIATE');
    console.log('LOCKED');
    setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('RELEASED'); }, Number(process.env.LOCK_MS));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, LOCK_FILE: file, LOCK_MS: String(ms) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const seen = (word: string) => new Promise<void>((r) => lines.on('line', (line) => line === word && r()));
  return { child, locked: seen('LOCKED'), released: seen('RELEASED') };
}

let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

describe('a database locked by another process', () => {
  it('keeps the host alive, answers 503 with Retry-After, and processes every acknowledged event exactly once after the lock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inlet-busy-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { child: host, ready } = await startHost(dataDir);
    cleanup.unshift(() => host.kill('SIGKILL'));
    const api = controlApi(ready);
    const source = (await api('sources.create', { key: 'busy' })) as { id: string; settings: Array<{ environment: string; endpointToken: string }> };
    await api('sources.update', { id: source.id, settings: { development: { verification: getPreset('stripe')!.config, enforceVerification: true } } });
    await api('sources.addSecret', { id: source.id, environment: 'development', secret: SECRET });
    await api('workflows.create', { environment: 'development', key: 'paid' });
    await api('mappings.create', {
      sourceId: source.id, eventType: 'invoice.paid', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.data.object.customer' },
    });
    await api('mappings.create', {
      sourceId: source.id, eventType: 'invoice.paid', actionType: 'workflows_trigger', activeIn: ['development'],
      params: { key: '"paid"', recipients: 'body.data.object.customer', data: 'body' },
    });
    const url = `${ready.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;

    const acked: number[] = [];
    const refused: Array<{ retryAfter: string | null }> = [];
    const unexpected: string[] = [];
    let seq = 0;
    let stop = false;
    const send = async (): Promise<void> => {
      const n = seq++;
      const payload = { id: `evt_${n}`, type: 'invoice.paid', data: { object: { id: `in_${n}`, customer: `cus_${n % 7}` } } };
      const signed = await signStripe({ payload, secret: SECRET, timestamp: Date.now() });
      try {
        const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
        if (res.status === 200) acked.push(((await res.json()) as { event_id: number }).event_id);
        else if (res.status === 503) refused.push({ retryAfter: res.headers.get('retry-after') });
        else unexpected.push(`${res.status} ${await res.text()}`);
      } catch (error) {
        unexpected.push(`no answer: ${String(error)}`);
      }
    };
    // Bounded load: at most 1,500 requests from 6 senders, for as long as the scenario runs.
    const load = Promise.all(Array.from({ length: 6 }, async () => {
      while (!stop && seq < 1_500) await send();
    }));

    await expect.poll(() => acked.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(50);
    const lock = holdWriteLock(join(dataDir, 'inlet.db'), LOCK_MS);
    cleanup.unshift(() => lock.child.kill('SIGKILL'));
    await lock.locked;

    // The control server shares the host's event loop: a prompt answer means the loop is not stalled.
    const controlLatencies: number[] = [];
    let released = false;
    void lock.released.then(() => (released = true));
    while (!released) {
      const started = performance.now();
      await api('events.count', {});
      controlLatencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 250));
    }
    const ackedBeforeRelease = acked.length;
    await expect.poll(() => acked.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(ackedBeforeRelease + 50);
    stop = true;
    await load;

    expect(host.exitCode).toBeNull();
    expect(unexpected).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((r) => !(Number(r.retryAfter) >= 1))).toEqual([]);
    expect(Math.max(...controlLatencies)).toBeLessThan(2_000);

    const db = new Database(join(dataDir, 'inlet.db'), { readonly: true });
    cleanup.unshift(() => db.close());
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    await expect.poll(() => count("SELECT COUNT(*) AS n FROM event_state WHERE processing = 'pending'"), { timeout: 20_000 }).toBe(0);
    // "Logged when possible": the refused requests are recorded once the database is writable again.
    await expect.poll(() => count('SELECT COUNT(*) AS n FROM events WHERE response_status = 503'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(count('SELECT COUNT(*) AS n FROM events WHERE response_status = 503')).toBeLessThanOrEqual(refused.length);

    const runs = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM ws_workflow_runs WHERE event_id = ?');
    const status = db.prepare<[number], { processing: string; action_status: string | null }>('SELECT processing, action_status FROM event_state WHERE id = ?');
    const wrong = acked.filter((id) => runs.get(id)?.n !== 1 || status.get(id)?.action_status !== 'success');
    expect(wrong, JSON.stringify(db.prepare('SELECT s.id, e.event_type, s.processing, s.action_status, s.action_runs FROM event_state s JOIN events e ON e.id = s.id WHERE s.id = ?').get(wrong[0] ?? 0))).toEqual([]);
    expect(count("SELECT COUNT(*) AS n FROM event_state WHERE action_status = 'error'")).toBe(0);
    expect(host.exitCode).toBeNull();
  }, 90_000);
});
