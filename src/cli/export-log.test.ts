import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Har12Schema } from '../main/core/exports/testing/har-schema';
import { builtInletDataDirs, hostStoppedAfterEach } from './testing/cli-test-setup';
import { runInlet } from './testing/run-inlet';

const WHSEC = `whsec_${Buffer.from('inlet-cli-export-secret-0123456789').toString('base64')}`;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const freshDir = builtInletDataDirs('inlet-cli-export-');
const hosts = hostStoppedAfterEach();

/** A data dir with Stripe connected and two events whose bodies carry the customer's email. */
async function stripeWithEvents(): Promise<{ dir: string; emails: string[] }> {
  const dir = freshDir();
  expect((await runInlet(dir, ['sources', 'connect', 'stripe', '--secret', WHSEC])).code).toBe(0);
  for (const type of ['customer.created', 'customer.updated']) expect((await runInlet(dir, ['send', 'stripe', type, '--set', 'data.object.email=jane.doe@acme-corp.io'])).code).toBe(0);
  const plain = await runInlet(dir, ['export']);
  expect(plain.code).toBe(0);
  const emails = [...new Set(plain.stdout.match(EMAIL) ?? [])].filter((e) => !e.endsWith('@example.com'));
  expect(emails).toContain('jane.doe@acme-corp.io');
  return { dir, emails };
}

describe('inlet export', () => {
  it('writes a redacted HAR file from its own core, with no email left in it', async () => {
    const { dir, emails } = await stripeWithEvents();
    const file = join(dir, 'stripe.har');
    const run = await runInlet(dir, ['export', '--source', 'stripe', '--format', 'har', '--redact', '-o', file]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Wrote 2 event\(s\) to .*stripe\.har \(2 redacted/);
    const text = readFileSync(file, 'utf8');
    for (const email of emails) expect(text).not.toContain(email);
    expect(Har12Schema.parse(JSON.parse(text)).log.entries).toHaveLength(2);
  }, 120_000);

  it('streams from a running Inlet to stdout, and reports the count with --json -o', async () => {
    const { dir, emails } = await stripeWithEvents();
    await hosts.start(dir);
    const run = await runInlet(dir, ['export', '--format', 'jsonl', '--redact', 'emails']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ inlet: { format: 'jsonl', redaction: { detectors: ['emails'] } } });
    expect(lines).toHaveLength(3);
    for (const email of emails) expect(run.stdout).not.toContain(email);
    const file = join(dir, 'out.http');
    const json = await runInlet(dir, ['--json', 'export', '--format', 'http', '-o', file]);
    expect(JSON.parse(json.stdout)).toMatchObject({ file, format: 'http', count: 2, redactedEvents: 0 });
    expect(readFileSync(file, 'utf8').match(/^###/gm)).toHaveLength(2);
  }, 120_000);

  it('writes a bundle carrying the workspace snapshot with --workspace, redacted like the events', async () => {
    const { dir, emails } = await stripeWithEvents();
    const file = join(dir, 'demo.inlet-bundle.json');
    const run = await runInlet(dir, ['export', '--format', 'bundle', '--env', 'development', '--workspace', '--redact', '-o', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    for (const email of emails) expect(text).not.toContain(email);
    const bundle = JSON.parse(text) as { format: string; events: unknown[]; workspace?: Array<{ environment: string; users: Array<{ email: string | null }> }> };
    expect(bundle).toMatchObject({ format: 'inlet.bundle', events: [expect.anything(), expect.anything()] });
    // The customer the Stripe events identified travels, under its placeholder.
    expect(bundle.workspace?.map((w) => w.environment)).toEqual(['development']);
    expect(bundle.workspace?.[0]?.users).toEqual([expect.objectContaining({ email: expect.stringMatching(/^redacted-\d+@example\.com$/) })]);
  }, 120_000);

  it('refuses --workspace with a format that has no room for it, naming the one that has (exit 2)', async () => {
    const dir = freshDir();
    const file = join(dir, 'out.har');
    const run = await runInlet(dir, ['export', '--format', 'har', '--workspace', '-o', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workspace needs --format bundle: a jsonl, har or http file carries requests only, so it has no room for the workspace snapshot.');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an unknown detector before reading anything (exit 2)', async () => {
    const dir = freshDir();
    const run = await runInlet(dir, ['export', '--redact', 'emails,ssn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown detector "ssn"');
  });
});
