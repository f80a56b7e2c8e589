import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import type { LogExportFormat } from '../../../shared/domain/log-export';
import { REDACTED_NOTE } from '../portability/import-events';
import { getTemplate } from '../templates/index';
import { testSecretFor } from '../templates/testing/template-secrets';
import { captureImportEnded } from '../testing/capture-import';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import { exportedLog } from '../testing/exported-log';
import type { TestCore } from '../testing/test-core';

const ENV = 'development';
const EMAIL = 'ada.lovelace@example.com';
const stripe = getTemplate('stripe')!;

const core = coresClosedAfterEach();

const connect = (t: TestCore, secret: string) => t.call('sources.connect', { templateId: stripe.id, key: 'stripe', mappingIds: [], secrets: { [ENV]: secret } });

/** A Stripe source with one event signed just now whose body carries an email, and the secret it was signed with. */
async function signedEvent(): Promise<{ t: TestCore; sourceId: string; secret: string }> {
  const t = await core();
  const secret = testSecretFor(stripe);
  const source = await connect(t, secret);
  const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1', email: EMAIL } } });
  const sent = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: 'invoice-paid' }, body });
  expect(sent.event.verification).toBe('verified');
  return { t, sourceId: source.id, secret };
}

async function exportLog(t: TestCore, sourceId: string, format: LogExportFormat, redact: boolean): Promise<string> {
  return (await exportedLog(t, { format, filter: { sourceId }, ...(redact ? { redaction: {} } : {}) })).text;
}

/** Imports a capture text into a fresh core whose Stripe source has the same secret; the imported event's id. */
async function importInto(text: string, secret: string): Promise<{ t: TestCore; id: number }> {
  const t = await core();
  const source = await connect(t, secret);
  const { jobId } = await t.call('captures.import', { sourceId: source.id, environment: ENV, text });
  const { state, ids = [] } = await captureImportEnded(t, jobId);
  expect(state).toBe('finished');
  expect(ids).toHaveLength(1);
  return { t, id: ids[0]! };
}

describe('a capture exported redacted and imported elsewhere', () => {
  it.each(['jsonl', 'har', 'bundle'] as const)('(%s) is remembered as redacted and replays re-signed by default, though its signature is fresh', async (format) => {
    const { t: from, sourceId, secret } = await signedEvent();
    const text = await exportLog(from, sourceId, format, true);
    expect(text).not.toContain(EMAIL);
    // The import dialog's preview says so before anything is written.
    expect((await from.call('captures.preview', { text })).requests).toMatchObject([{ redacted: true }]);

    const { t, id } = await importInto(text, secret);
    const imported = await t.call('events.get', { id });
    expect(imported).toMatchObject({ origin: 'import', redacted: true, verification: 'failed', error: REDACTED_NOTE });

    const options = await t.call('events.replayOptions', { id });
    expect(options.defaultMode).toBe('resign');
    expect(options.reason).toMatch(/redacted when it was exported.*re-signs it/);
    expect(options.modes.find((m) => m.mode === 'as_is')?.reason).toMatch(/no longer matches its signature/);

    const replay = await t.call('events.replay', { id });
    expect(replay).toMatchObject({ replayMode: 'resign', verification: 'verified' });
    const sent = await t.call('events.get', { id: replay.id });
    expect(sent.redacted).toBeUndefined();
    const signature = sent.headers.find(([k]) => k === 'stripe-signature')?.[1] ?? '';
    expect(new Stripe('sk_test_dummy').webhooks.constructEvent(sent.bodyText ?? '', signature, secret).type).toBe('customer.created');
  });

  it('stays redacted when replayed unsigned, so a replay of that replay re-signs by default', async () => {
    const { t: from, sourceId, secret } = await signedEvent();
    const { t, id } = await importInto(await exportLog(from, sourceId, 'jsonl', true), secret);
    const ignored = await t.call('events.replay', { id, mode: 'ignore_verification' });
    expect(ignored.redacted).toBe(true);
    expect((await t.call('events.replayOptions', { id: ignored.id })).defaultMode).toBe('resign');
    expect(await t.call('events.replay', { id: ignored.id })).toMatchObject({ replayMode: 'resign', verification: 'verified' });
  });

  it('replays re-signed in bulk when no mode is asked for', async () => {
    const { t: from, sourceId, secret } = await signedEvent();
    const { t, id } = await importInto(await exportLog(from, sourceId, 'jsonl', true), secret);
    await t.call('events.replayMany', { ids: [id] });
    await vi.waitFor(async () => {
      const replays = (await t.call('events.list', { replayOf: id, limit: 10 })).items;
      expect(replays).toMatchObject([{ replayMode: 'resign', verification: 'verified' }]);
    }, { timeout: 15_000 });
  });

  it('without redaction keeps its signature, which verifies as configured while fresh', async () => {
    const { t: from, sourceId, secret } = await signedEvent();
    const text = await exportLog(from, sourceId, 'jsonl', false);
    expect((await from.call('captures.preview', { text })).requests).toMatchObject([{ redacted: false }]);
    const { t, id } = await importInto(text, secret);
    expect(await t.call('events.get', { id })).toMatchObject({ verification: 'verified' });
    expect((await t.call('events.get', { id })).redacted).toBeUndefined();
    expect((await t.call('events.replayOptions', { id })).defaultMode).toBe('as_is');
  });
});

describe('a redacted bundle imported into a fresh Inlet', () => {
  it('marks its log slice redacted, so each event replays re-signed by default', async () => {
    const { t: from, secret } = await signedEvent();
    const { bundle } = await from.call('bundles.export', { events: { max: 10 }, redaction: {}, passphrase: 'correct horse battery' });
    expect(JSON.stringify(bundle)).not.toContain(EMAIL);

    const t = await core();
    const report = await t.call('bundles.import', { file: bundle, passphrase: 'correct horse battery' });
    expect(report.eventIds).toHaveLength(1);
    const id = report.eventIds[0]!;
    expect(await t.call('events.get', { id })).toMatchObject({ origin: 'import', redacted: true });
    const options = await t.call('events.replayOptions', { id });
    expect(options).toMatchObject({ defaultMode: 'resign', reason: expect.stringMatching(/redacted/) });
    const replay = await t.call('events.replay', { id });
    expect(replay).toMatchObject({ replayMode: 'resign', verification: 'verified' });
    const sent = await t.call('events.get', { id: replay.id });
    const signature = sent.headers.find(([k]) => k === 'stripe-signature')?.[1] ?? '';
    expect(new Stripe('sk_test_dummy').webhooks.constructEvent(sent.bodyText ?? '', signature, secret).type).toBe('customer.created');
  });
});
