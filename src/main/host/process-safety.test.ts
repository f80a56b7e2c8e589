import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../core/testing/built-app';
import { controlApi, exited, runToExit as launchToExit, startHost as launchHost, type HostProcess } from './testing/host-process';

/** Crash tests for issue #8 items 2, 3 and 9: real `node out/main/serve.js` processes on real files. */
beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

type Host = HostProcess;

let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.reverse().forEach((f) => f());
  cleanup = [];
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const killLater = (child: ChildProcess) => cleanup.push(() => child.kill('SIGKILL'));
const startHost = (dataDir: string, extra: string[] = []) => launchHost(dataDir, extra, killLater);
const runToExit = (dataDir: string, extra: string[] = []) => launchToExit(dataDir, extra, killLater);

async function stop(host: Host, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  host.child.kill(signal);
  await exited(host.child);
}

interface SourceOut {
  id: string;
  settings: Array<{ environment: string; endpointToken: string; secrets: Array<{ unusable?: boolean }> }>;
}

describe('a data dir whose secret.key is gone (issue #8 item 2)', () => {
  it('starts with a warning, answers 401 with a diagnosis, logs the request and stays alive', async () => {
    const original = tempDir('inlet-key-');
    const first = await startHost(original);
    const api = controlApi(first.ready);
    const source = await api<SourceOut>('sources.create', { key: 'shop' });
    await api('sources.update', {
      id: source.id,
      settings: { development: { verification: { scheme: 'shared_secret', header: 'x-token' }, enforceVerification: true } },
    });
    await api('sources.addSecret', { id: source.id, environment: 'development', secret: 'tok_0123456789abcdef' });
    await stop(first);

    const copy = tempDir('inlet-key-copy-');
    cpSync(original, copy, { recursive: true });
    unlinkSync(join(copy, 'secret.key'));
    const host = await startHost(copy);
    expect(host.stderr()).toMatch(/secret\.key was missing, so a new key was created/);
    expect(host.stderr()).toMatch(/1 saved secret can't be decrypted on this machine/);

    const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;
    const url = `${host.ready.receiverUrl}/in/${token}`;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url, { method: 'POST', headers: { 'x-token': 'tok_0123456789abcdef' }, body: '{"n":1}' });
      expect(res.status).toBe(401);
    }
    expect(host.child.exitCode).toBeNull();

    const api2 = controlApi(host.ready);
    const page = await api2<{ items: Array<{ id: number; responseStatus: number }> }>('events.list', { limit: 10 });
    expect(page.items.map((e) => e.responseStatus)).toEqual([401, 401, 401]);
    const event = await api2<{ verificationResult: { diagnosis?: { code: string; message: string } } }>('events.get', { id: page.items[0]!.id });
    expect(event.verificationResult.diagnosis).toMatchObject({ code: 'secret_unusable', message: expect.stringMatching(/can't be decrypted on this machine/) });
    const listed = await api2<SourceOut>('sources.get', { id: source.id });
    expect(listed.settings.find((s) => s.environment === 'development')!.secrets).toEqual([expect.objectContaining({ unusable: true })]);
  }, 30_000);
});

describe('one process per data dir (issue #8 item 3)', () => {
  it('refuses a second host naming the first one\'s pid, and takes over the lock after the first is SIGKILLed', async () => {
    const dir = tempDir('inlet-lock-');
    const a = await startHost(dir);
    const api = controlApi(a.ready);
    await api('sources.create', { key: 'first' });

    const b = await runToExit(dir);
    expect(b.code).not.toBe(0);
    expect(b.stderr).toContain(`Another Inlet (pid ${a.child.pid}) is using ${dir}; stop it or pass another --data-dir`);
    expect(b.stdout).not.toContain('INLET_READY');

    // A is untouched: still serving, still holding the lock.
    expect(await api<unknown[]>('sources.list', {})).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'inlet.lock'), 'utf8'))).toMatchObject({ pid: a.child.pid });

    await stop(a, 'SIGKILL');
    expect(existsSync(join(dir, 'inlet.lock'))).toBe(true);
    const c = await startHost(dir);
    expect(c.stderr()).toMatch(new RegExp(`Taking over .*inlet\\.lock: the Inlet that held it \\(pid ${a.child.pid}\\)`));
    expect(await controlApi(c.ready)<unknown[]>('sources.list', {})).toHaveLength(1);

    // A clean stop releases the lock.
    await stop(c);
    expect(existsSync(join(dir, 'inlet.lock'))).toBe(false);
  }, 30_000);
});

describe('a damaged database (issue #8 item 9)', () => {
  it('refuses to start with the ways out, exports what is readable, and starts fresh keeping the damaged file', async () => {
    const dir = tempDir('inlet-damaged-');
    const host = await startHost(dir);
    const api = controlApi(host.ready);
    const source = await api<SourceOut>('sources.create', { key: 'load' });
    const total = 3000;
    // Imported in batches: the same rows the receiver writes, without 3,000 round trips on a busy machine.
    for (let from = 0; from < total; from += 500) {
      const items = Array.from({ length: 500 }, (_, i) => ({ body: JSON.stringify({ seq: from + i, pad: 'x'.repeat(1000) }), headers: { 'content-type': 'application/json' } }));
      await api('events.import', { sourceId: source.id, environment: 'development', items });
    }
    await stop(host);

    const dbFile = join(dir, 'inlet.db');
    const key = readFileSync(join(dir, 'secret.key'));
    const size = statSync(dbFile).size;
    expect(size).toBeGreaterThan(3 * 1024 * 1024);
    const fd = openSync(dbFile, 'r+');
    writeSync(fd, randomBytes(1024 * 1024), 0, 1024 * 1024, Math.floor(size / 3));
    closeSync(fd);

    const refused = await runToExit(dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/The database .*inlet\.db is damaged/);
    expect(refused.stderr).toContain('--export-readable');
    expect(refused.stderr).toContain('--start-fresh');
    expect(refused.stdout).not.toContain('INLET_READY');

    const out = join(dir, 'readable.jsonl');
    const exported = await runToExit(dir, ['--export-readable', out]);
    expect(exported.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const count = Number(/Exported (\d+) readable event/.exec(exported.stdout)?.[1]);
    expect(count).toBe(lines.length);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(total);
    const first = JSON.parse(lines[0]!) as { body: string; bodyEncoding: string; method: string };
    expect(first).toMatchObject({ method: 'POST', bodyEncoding: 'utf8' });
    expect(JSON.parse(first.body)).toMatchObject({ pad: 'x'.repeat(1000) });

    const fresh = await startHost(dir, ['--start-fresh']);
    cleanup.push(() => fresh.child.kill('SIGKILL'));
    const aside = readdirSync(dir).filter((f) => /^inlet\.db\.damaged-[\w-]+$/.test(f));
    expect(aside).toHaveLength(1);
    expect(statSync(join(dir, aside[0]!)).size).toBe(size);
    expect(readFileSync(join(dir, 'secret.key')).equals(key)).toBe(true);
    const page = await controlApi(fresh.ready)<{ items: unknown[] }>('events.list', { limit: 10 });
    expect(page.items).toEqual([]);
  }, 60_000);
});
