import { createServer, type IncomingMessage, type Server } from 'node:http';
import { statSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { controlApi, exited } from '../main/host/testing/host-process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { signStripe } from '../main/core/verification/testing/sdk-signers';
import { builtInletDataDirs, hostStoppedAfterEach } from './testing/cli-test-setup';
import { INLET_BIN, runInlet } from './testing/run-inlet';
import { holdWriteLock } from '../main/core/testing/locked-database';
import { SEARCH_INDEX_FILE } from '../main/core/store/search-index';

const WHSEC = `whsec_${Buffer.from('inlet-cli-test-secret-0123456789').toString('base64')}`;
const freshDir = builtInletDataDirs('inlet-cli-');

/** A tiny app on loopback that keeps what it receives, as a developer's endpoint would. */
async function captureApp(): Promise<{ url: string; received: Array<{ headers: IncomingMessage['headers']; body: string }>; server: Server }> {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, received, server };
}

async function connectedStripe(): Promise<string> {
  const dir = freshDir();
  const run = await runInlet(dir, ['sources', 'connect', 'stripe', '--secret', WHSEC]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return dir;
}

describe('inlet send (embedded core)', () => {
  it('applies --set before signing: the Stripe SDK verifies what the app receives, with the new amount', async () => {
    const dir = await connectedStripe();
    const app = await captureApp();
    try {
      const run = await runInlet(dir, ['send', 'stripe', 'invoice.paid', '--set', 'data.object.amount_paid=500', '--set', 'data.object.currency=eur', '--to', app.url]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/→ 200/);
      expect(app.received).toHaveLength(1);
      const { headers, body } = app.received[0]!;
      const event = new Stripe('sk_test_dummy').webhooks.constructEvent(body, String(headers['stripe-signature']), WHSEC);
      expect(event.type).toBe('invoice.paid');
      expect(event.data.object).toMatchObject({ amount_paid: 500, currency: 'eur' });
    } finally {
      app.server.close();
    }
  }, 60_000);

  it('sends through the real receiver and events --json lists the verified event', async () => {
    const dir = await connectedStripe();
    const sent = await runInlet(dir, ['--json', 'send', 'stripe', 'invoice.paid', '--set', 'data.object.amount_paid=1234']);
    expect(sent.code).toBe(0);
    const result = JSON.parse(sent.stdout) as { status: number; event: { id: number; verification: string } };
    expect(result).toMatchObject({ status: 200, event: { verification: 'verified' } });
    const list = await runInlet(dir, ['events', '--json']);
    expect(list.code).toBe(0);
    const events = JSON.parse(list.stdout) as Array<{ id: number; eventType: string; verification: string }>;
    expect(events).toEqual([expect.objectContaining({ id: result.event.id, eventType: 'invoice.paid', verification: 'verified' })]);
    const shown = await runInlet(dir, ['events', 'show', String(result.event.id), '--json']);
    expect((JSON.parse(shown.stdout) as { parsedBody: { data: { object: { amount_paid: number } } } }).parsedBody.data.object.amount_paid).toBe(1234);
  }, 60_000);
});

describe('inlet events --search', () => {
  it('says when the search index is behind (another program locks it), and finds the event once it is not', async () => {
    const dir = await connectedStripe();
    const release = holdWriteLock(dir, SEARCH_INDEX_FILE);
    let behind;
    try {
      // Logged (and answered) while the index can't be written: the receiver never waits for it.
      expect((await runInlet(dir, ['send', 'stripe', 'invoice.paid'])).code).toBe(0);
      behind = await runInlet(dir, ['events', '--search', 'invoice', '--json']);
    } finally {
      release();
    }
    expect(behind.code).toBe(0);
    expect(behind.stderr).toMatch(/still indexing the newest events for search: some matches may be missing/);
    expect(JSON.parse(behind.stdout)).toEqual([]);
    const found = await runInlet(dir, ['events', '--search', 'invoice', '--json']);
    expect(found.stderr).toBe('');
    expect(JSON.parse(found.stdout)).toEqual([expect.objectContaining({ eventType: 'invoice.paid' })]);
  }, 60_000);
});

describe('bad input: one line naming the problem, exit 2, nothing done', () => {
  const expectRefused = async (dir: string, args: string[], message: RegExp) => {
    const run = await runInlet(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    const events = await runInlet(dir, ['events', '--json']);
    expect(JSON.parse(events.stdout)).toEqual([]);
  };

  it('refuses an unknown template, a --set path missing from the sample, and an unreadable --data file', async () => {
    const dir = await connectedStripe();
    await expectRefused(dir, ['send', 'nope', 'invoice.paid'], /Unknown source or template "nope"/);
    await expectRefused(dir, ['send', 'stripe', 'invoice.paid', '--set', 'data.objekt.amount_paid=5'], /data\.objekt is not in the payload/);
    await expectRefused(dir, ['send', 'stripe', 'invoice.paid', '--set', 'amount'], /--set "amount": write it as path=value/);
    await expectRefused(dir, ['send', 'stripe', 'invoice.paid', '--data', join(dir, 'missing.json')], /Can't read the --data file .*missing\.json: no such file/);
    await expectRefused(dir, ['send', 'stripe', 'invoice.nope'], /Stripe has no sample "invoice.nope"/);
  }, 120_000);

  it('refuses a --forward-to that is not an http(s) URL, before touching the data dir', async () => {
    const dir = freshDir();
    const run = await runInlet(dir, ['listen', 'stripe', '--forward-to', 'localhost:3000/webhooks']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--forward-to "localhost:3000\/webhooks": http:\/\/ or https:\/\/ only/);
    expect(existsSync(join(dir, 'inlet.db'))).toBe(false);
  });

  it('refuses an unknown option with exit 2', async () => {
    const run = await runInlet(freshDir(), ['events', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--colour'/);
  });
});

describe('attach mode', () => {
  const hosts = hostStoppedAfterEach();

  it('talks to the running host through control.json instead of opening the data dir a second time', async () => {
    const dir = freshDir();
    const host = await hosts.start(dir);
    const file = join(dir, 'control.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ url: host.ready.controlUrl, pid: host.child.pid });
    const lockBefore = readFileSync(join(dir, 'inlet.lock'), 'utf8');

    expect((await runInlet(dir, ['sources', 'connect', 'stripe', '--secret', WHSEC])).code).toBe(0);
    const sent = await runInlet(dir, ['--json', 'send', 'stripe', 'customer.created']);
    expect(sent.stderr).toBe('');
    const { event } = JSON.parse(sent.stdout) as { event: { id: number } };
    // The host itself logged it: its own API sees the event, and its lock was never taken over.
    const call = controlApi(host.ready);
    await expect(call('events.get', { id: event.id })).resolves.toMatchObject({ verification: 'verified', eventType: 'customer.created' });
    expect(readFileSync(join(dir, 'inlet.lock'), 'utf8')).toBe(lockBefore);

    await hosts.stop();
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});

describe('config and captures', () => {
  it('round-trips: export writes captures that import reads back into another data dir', async () => {
    const dir = await connectedStripe();
    expect((await runInlet(dir, ['send', 'stripe', 'invoice.paid'])).code).toBe(0);
    const captures = join(dir, 'captures.json');
    expect((await runInlet(dir, ['export', '-o', captures])).code).toBe(0);
    const config = join(dir, 'config.json');
    const pass = { INLET_TEST_PASS: 'a passphrase for tests' };
    expect((await runInlet(dir, ['config', 'export', '-o', config, '--passphrase-env', 'INLET_TEST_PASS'], pass)).code).toBe(0);

    const other = freshDir();
    expect((await runInlet(other, ['config', 'import', config, '--passphrase-env', 'INLET_TEST_PASS'], pass)).code).toBe(0);
    const imported = await runInlet(other, ['--json', 'import', captures, '--source', 'stripe']);
    expect(imported.code).toBe(0);
    const { ids } = JSON.parse(imported.stdout) as { ids: number[] };
    expect(ids).toHaveLength(1);
    const replayed = await runInlet(other, ['--json', 'replay', String(ids[0])]);
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout)).toEqual([expect.objectContaining({ replayOf: ids[0], verification: 'verified', eventType: 'invoice.paid' })]);
  }, 120_000);

  it('imports a capture file but its bad item, which it names, and exits 1', async () => {
    const dir = await connectedStripe();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ headers: {}, body: '{}' }, { headers: {}, method: 'GET', body: 'x' }, { headers: 5, body: '{}' }]));
    const run = await runInlet(dir, ['import', file, '--source', 'stripe']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Imported 1 request\(s\) \(inlet\) into stripe \(development\); 1 skipped/);
    expect(run.stdout).toMatch(/entry 3: Headers must be an object/);
    expect(JSON.parse((await runInlet(dir, ['events', '--json'])).stdout)).toHaveLength(1);
  }, 60_000);

  it('previews copied cURL commands with --dry-run, then imports the picked one', async () => {
    const dir = await connectedStripe();
    const file = join(dir, 'copied.sh');
    writeFileSync(file, `curl 'https://x.test/a' -H 'content-type: application/json' --data-raw $'{"type":"invoice.paid","note":"it\\'s"}'\ncurl https://x.test/b --data-binary @body.json\ncurl https://x.test/c --json '{"type":"customer.created"}'\n`);
    const preview = await runInlet(dir, ['import', file, '--source', 'stripe', '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^cURL commands: 2 request\(s\) to import, 0 skipped, 1 that cannot be imported/);
    expect(preview.stdout).toMatch(/#1 \(line 1\)\s+POST https:\/\/x.test\/a\s+invoice.paid/);
    expect(preview.stdout).toMatch(/line 2: --data-binary @body.json reads the body from a file/);
    const run = await runInlet(dir, ['--json', 'import', file, '--source', 'stripe', '--entries', '3']);
    expect(run.code).toBe(0);
    const { ids } = JSON.parse(run.stdout) as { ids: number[] };
    expect(ids).toHaveLength(1);
    expect(JSON.parse((await runInlet(dir, ['events', '--json'])).stdout)).toEqual([expect.objectContaining({ id: ids[0], eventType: 'customer.created', origin: 'import' })]);
  }, 60_000);
});

describe('inlet replay --resign', () => {
  it('re-signs a capture whose Stripe signature is 10 minutes old, so it verifies where --as-configured is refused', async () => {
    const dir = await connectedStripe();
    const signedAt = Date.now() - 10 * 60_000;
    const payload = { id: 'evt_stale', object: 'event', type: 'invoice.paid', data: { object: { id: 'in_1', customer: 'cus_1' } } };
    const { headers, body } = await signStripe({ payload, secret: WHSEC, timestamp: signedAt });
    const file = join(dir, 'stale.jsonl');
    writeFileSync(file, `${JSON.stringify({ headers, body })}\n`);
    const imported = await runInlet(dir, ['--json', 'import', file, '--source', 'stripe']);
    expect(imported.code).toBe(0);
    const [id] = (JSON.parse(imported.stdout) as { ids: number[] }).ids;

    const asConfigured = await runInlet(dir, ['--json', 'replay', String(id), '--as-configured']);
    expect(JSON.parse(asConfigured.stdout)).toEqual([expect.objectContaining({ replayOf: id, verification: 'failed' })]);
    const resigned = await runInlet(dir, ['--json', 'replay', String(id), '--resign']);
    expect(resigned.code).toBe(0);
    expect(JSON.parse(resigned.stdout)).toEqual([expect.objectContaining({ replayOf: id, verification: 'verified', eventType: 'invoice.paid', responseStatus: 200 })]);
    // A bulk replay without a mode says first which events it re-signs, and why; then re-signs them.
    const bulk = await runInlet(dir, ['replay', '--source', 'stripe', '--origin', 'import']);
    expect(bulk.stderr).toContain('The event will be re-signed: its signature is older than Stripe accepts (5 minutes).');
    expect(bulk.code).toBe(0);
  }, 60_000);
});

describe('inlet listen --forward-to', () => {
  it('forwards a Stripe-signed event to the app byte for byte (the Stripe SDK verifies it there) and prints the delivery', async () => {
    const dir = await connectedStripe();
    const app = await captureApp();
    const child = spawn(process.execPath, [INLET_BIN, '--data-dir', dir, 'listen', 'stripe', '--forward-to', app.url], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, INLET_SKIP_BUILD: '1', NO_COLOR: '1' },
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    try {
      await expect.poll(() => lines.find((l) => l.startsWith('Local URL:')), { timeout: 30_000 }).toBeDefined();
      const local = lines.find((l) => l.startsWith('Local URL:'))!.slice('Local URL:'.length).trim();
      await expect.poll(() => lines.some((l) => l.startsWith(`Forwarding to ${app.url}`)), { timeout: 30_000 }).toBe(true);
      const payload = { id: 'evt_forwarded', object: 'event', type: 'invoice.paid', data: { object: { id: 'in_1', customer: 'cus_1' } } };
      const signed = await signStripe({ payload, secret: WHSEC, timestamp: Date.now() });
      const answer = await fetch(local, { method: 'POST', headers: signed.headers, body: signed.body });
      expect(answer.status).toBe(200);
      await expect.poll(() => app.received.length, { timeout: 30_000 }).toBe(1);
      const { headers, body } = app.received[0]!;
      expect(body).toBe(signed.body);
      const event = new Stripe('sk_test_dummy').webhooks.constructEvent(body, String(headers['stripe-signature']), WHSEC);
      expect(event.id).toBe('evt_forwarded');
      expect(headers['x-inlet-event-id']).toMatch(/^\d+$/);
      await expect.poll(() => lines.find((l) => l.includes('↳') && /200/.test(l)), { timeout: 30_000 }).toBeDefined();
    } finally {
      child.kill('SIGINT');
      await exited(child);
      app.server.close();
    }
  }, 120_000);
});
