import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../main/core/testing/built-app';
import { controlApi } from '../main/host/testing/host-process';
import { builtInletDataDirs, hostStoppedAfterEach } from './testing/cli-test-setup';
import { runInlet } from './testing/run-inlet';

/** `inlet run` through the real binary: the shipped examples, a wrong expectation, a broken file, attach mode. */
const EXAMPLES = ['stripe', 'clerk', 'github', 'stripe-files'].map((name) => join(ROOT, 'examples', `${name}.yaml`));
const freshDir = builtInletDataDirs('inlet-run-test-');

const WRONG = `name: A receipt for the wrong amount
sources:
  - template: stripe
    secret: whsec_aW5sZXQtcnVuLXRlc3Qtc3RyaXBlLXNlY3JldA==
steps:
  - name: the customer is known
    send: { source: stripe, sample: customer.created }
    expect: { status: 200, actions: success }
  - name: the receipt run carries the amount
    within: 300
    send:
      source: stripe
      sample: invoice.paid
      set:
        data.object.amount_paid: 500
    expect:
      status: 200
      workflowRuns:
        - workflow: invoice-paid
          data:
            data.object.amount_paid: 999
  - name: the answer is a teapot
    send: { source: stripe, sample: invoice.created }
    expect:
      status: 418
`;

describe('inlet run', () => {
  it('passes the shipped Stripe, Clerk, GitHub and Stripe-from-files examples, each on a temporary data dir, and writes a JUnit report without failures', async () => {
    const dir = freshDir();
    const junit = join(dir, 'report.xml');
    const run = await runInlet(dir, ['run', ...EXAMPLES, '--junit', junit]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/4 scenarios, 14 steps: all passed/);
    expect(run.stdout).not.toMatch(/✗/);
    expect(run.stdout.match(/✓/g)).toHaveLength(14);
    expect(run.stdout).toMatch(/✓ events from a Stripe export are imported, re-signed and replayed through the mappings \(imported 2, last event 5 answered 200/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="inlet run" tests="14" failures="0"/);
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).not.toMatch(/<failure/);
    // Hermetic: the data dir it was pointed at stays untouched, and no temporary one is left behind.
    expect(readdirSync(dir)).toEqual(['report.xml']);
  }, 120_000);

  it('fails a wrong expectation with exit 1, the expected and actual values, and a <failure> in the JUnit report', async () => {
    const dir = freshDir();
    const file = join(dir, 'wrong.yaml');
    writeFileSync(file, WRONG);
    const junit = join(dir, 'report.xml');
    const run = await runInlet(dir, ['run', file, '--junit', junit]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ the receipt run carries the amount/);
    expect(run.stdout).toMatch(/✓ the customer is known/);
    expect(run.stdout).toMatch(
      /expect\.workflowRuns\[0\]: expected a run of invoice-paid, found 0; its runs: cus_QHkRn3ZqLw8tYv completed; in cus_QHkRn3ZqLw8tYv's run: data\.data\.object\.amount_paid expected 999, got 500/,
    );
    expect(run.stdout).toMatch(/✗ the answer is a teapot/);
    expect(run.stdout).toMatch(/expect\.status: expected 418, got 200/);
    expect(run.stdout).toMatch(/at .*wrong\.yaml:22:5/);
    expect(run.stdout).toMatch(/1 scenario, 3 steps: 1 passed, 2 failed/);
    expect(run.stderr).toMatch(/2 of 3 steps failed/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="inlet run" tests="3" failures="2"/);
    expect(xml).toMatch(/<failure message="expect\.status: expected 418, got 200" type="expectation">/);
  }, 60_000);

  it('--json prints every step with its event, answer and failures', async () => {
    const dir = freshDir();
    const file = join(dir, 'wrong.yaml');
    writeFileSync(file, WRONG);
    const run = await runInlet(dir, ['--json', 'run', file]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { passedAll: boolean; failed: number; scenarios: Array<{ steps: Array<{ status: number; eventId: number; failures: Array<{ path: string; expected: unknown; actual: unknown }> }> }> };
    expect(result).toMatchObject({ passedAll: false, failed: 2 });
    expect(result.scenarios[0]!.steps[2]).toMatchObject({ status: 200, eventId: 3, failures: [{ path: 'expect.status', expected: 418, actual: 200 }] });
  }, 60_000);

  it('checks deliveries: a source with forwardTo delivers each event to the app, and a wrong status fails', async () => {
    const received: string[] = [];
    const app = createServer((req, res) => {
      req.resume().on('end', () => {
        received.push(String(req.headers['stripe-signature']));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    try {
      const dir = freshDir();
      const file = join(dir, 'forward.yaml');
      const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks`;
      writeFileSync(
        file,
        [
          'sources:', '  - template: stripe', '    secret: whsec_aW5sZXQtcnVuLWRlbGl2ZXJ5LXRlc3Q=', `    forwardTo: ${url}`,
          'steps:', '  - send: { source: stripe, sample: customer.created }', '    expect:', '      deliveries: [{ status: delivered, responseStatus: 202 }]',
          '  - send: { source: stripe, sample: customer.updated }', '    within: 2000', '    expect:', '      deliveries: [{ status: delivered, responseStatus: 200 }]', '',
        ].join('\n'),
      );
      const run = await runInlet(dir, ['run', file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✓ send stripe customer\.created/);
      expect(run.stdout).toMatch(/expect\.deliveries\[0\]: expected \{"status":"delivered","responseStatus":200\}, got \{"status":"delivered","responseStatus":202\}/);
      expect(received).toHaveLength(2);
    } finally {
      app.close();
    }
  }, 60_000);

  it('refuses a malformed file with exit 2 and file:line:col messages, before running anything', async () => {
    const dir = freshDir();
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(good, WRONG);
    writeFileSync(
      bad,
      ['sources:', '  - template: stripe', 'steps:', '  - send:', '      source: stripe', '      sample: invoice.paid', '    expect:', '      status: two hundred', '      colour: blue', ''].join('\n'),
    );
    const run = await runInlet(dir, ['run', good, bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${bad}:8:15: steps[0].expect.status: expected a number`);
    expect(run.stderr).toContain(`${bad}:9:7: steps[0].expect: unknown field "colour"`);

    writeFileSync(bad, 'sources:\n  - template: stripe\n steps: [\n');
    const syntax = await runInlet(dir, ['run', bad]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(new RegExp(`^inlet: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: `));
    expect(syntax.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('names an unknown template or sample at its line with exit 2, and runs no step', async () => {
    const dir = freshDir();
    const file = join(dir, 'unknown.yaml');
    writeFileSync(file, 'sources:\n  - template: stripe\n    secret: whsec_abc\nsteps:\n  - send: { source: stripe, sample: invoice.forgotten }\n');
    const run = await runInlet(dir, ['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown\.yaml:5:37: steps\[0\]\.send\.sample: Stripe has no sample "invoice\.forgotten"; it has: /);
    expect(run.stdout).not.toMatch(/[✓✗]/);
  }, 60_000);
});

describe('inlet run with files and ${VAR}', () => {
  const CUSTOMER = join(ROOT, 'examples', 'fixtures', 'stripe', 'customer-created.json');
  const EVENTS = join(ROOT, 'examples', 'fixtures', 'stripe', 'events.json');
  const scenario = (steps: string[]) =>
    ['sources:', '  - template: stripe', '    secret: "${SECRET}"', '    mappings: all', 'steps:', ...steps, ''].join('\n');

  it('fills ${VAR} from the environment: the signed file carries the value, and an unset variable is refused at its line with exit 2', async () => {
    const dir = freshDir();
    const file = join(dir, 'env.yaml');
    writeFileSync(
      file,
      scenario([
        '  - sendFile:',
        `      path: ${CUSTOMER}`,
        '      source: stripe',
        '      sample: customer.created',
        '      set: { data.object.email: "${EMAIL:-nobody@example.com}" }',
        '    expect: { verification: verified, users: [{ id: cus_Ex4mpleFi1es1, email: ci@example.test }] }',
      ]),
    );
    const run = await runInlet(dir, ['run', file], { SECRET: 'whsec_aW5sZXQtZW52LXRlc3Q=', EMAIL: 'ci@example.test' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/✓ send .*customer-created\.json to stripe/);
    expect(run.code).toBe(0);

    const unset = await runInlet(dir, ['run', file], { EMAIL: 'ci@example.test' });
    expect(unset.code).toBe(2);
    expect(unset.stdout).toBe('');
    expect(unset.stderr).toContain(`${file}:3:14: the environment variable SECRET is not set`);
  }, 60_000);

  it('imports a Stripe events export (replayed or not), holds each event to the expectations and fails a wrong count with both numbers; a missing file stops the run before any step', async () => {
    const dir = freshDir();
    const file = join(dir, 'import.yaml');
    writeFileSync(
      file,
      scenario([
        `  - import: { source: stripe, path: ${EVENTS} }`,
        // Stripe's export carries no signature: judged now, it fails verification, and nothing is mapped.
        '    expect: { imported: 2, skipped: 0, origin: import, verification: failed, eventType: customer.updated, workflowRuns: [{ workflow: invoice-paid, count: 0 }] }',
        `  - import: { source: stripe, path: ${EVENTS}, replay: ignore_verification }`,
        '    expect: { imported: 3, origin: replay, workflowRuns: [{ workflow: invoice-paid, recipient: cus_Ex4mpleFi1es1, count: 1 }] }',
      ]),
    );
    const run = await runInlet(dir, ['run', file], { SECRET: 'whsec_aW5sZXQtaW1wb3J0LXRlc3Q=' });
    expect(run.stdout).toMatch(/✗ import .*events\.json into stripe \(imported 2, last event 2,/);
    // One file, two event types: each event is held to the step's expectations, and named when it fails one.
    expect(run.stdout).toMatch(/expect\.eventType: event 2: expected "customer\.updated", got "invoice\.paid"/);
    expect(run.stdout).not.toMatch(/event 1: /);
    expect(run.stdout).toMatch(/✗ import .*events\.json into stripe and replay \(imported 2, last event 6 answered 200/);
    expect(run.stdout).toMatch(/expect\.imported: expected 3, got 2\n/);
    expect(run.stdout.match(/expect\./g)).toHaveLength(2);
    expect(run.code).toBe(1);

    writeFileSync(file, scenario(['  - send: { source: stripe, sample: customer.created }', '  - import: { source: stripe, path: captures/missing.har }']));
    const missing = await runInlet(dir, ['run', file], { SECRET: 'whsec_aW5sZXQtaW1wb3J0LXRlc3Q=' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain(`${file}:7:37: steps[1].import.path: can't read captures/missing.har: no such file`);
  }, 60_000);
});

describe('inlet run --attach', () => {
  const hosts = hostStoppedAfterEach();

  it('runs in the running host: its log and workspace hold the scenario\'s events', async () => {
    const dir = freshDir();
    const host = await hosts.start(dir);
    const run = await runInlet(dir, ['run', '--attach', EXAMPLES[0]!]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(in .*, attached\)/);
    const call = controlApi(host.ready);
    const users = await call<{ items: Array<{ id: string; email: string }> }>('workspace.users', { environment: 'development' });
    expect(users.items).toEqual([expect.objectContaining({ id: 'cus_QHkRn3ZqLw8tYv', email: 'jenny@example.com' })]);
    expect(existsSync(join(dir, 'control.json'))).toBe(true);
  }, 60_000);
});
