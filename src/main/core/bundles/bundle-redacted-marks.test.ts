import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../../shared/domain/bundle';
import { captureImportEnded } from '../testing/capture-import';
import { coresClosedAfterEach } from '../testing/cores-per-test';
import { exportedLog } from '../testing/exported-log';
import type { TestCore } from '../testing/test-core';

const core = coresClosedAfterEach();
const ENV = 'development';
const CUSTOMER = 'cus_8812';
/** Only the header rule finds anything: the bodies hold nothing a detector matches. */
const REDACTION = { rules: [{ kind: 'header' as const, name: 'x-customer-id' }] };

/** A source with two logged requests: the first carries the header the rules redact, the second doesn't. */
async function twoEvents(t: TestCore): Promise<string> {
  const { id } = await t.source('shop');
  await t.call('events.import', {
    sourceId: id,
    environment: ENV,
    items: [
      { headers: { 'content-type': 'application/json', 'x-customer-id': CUSTOMER }, body: '{"type":"order.paid"}' },
      { headers: { 'content-type': 'application/json' }, body: '{"type":"order.shipped"}' },
    ],
  });
  return id;
}

const hasCustomerHeader = (headers: ReadonlyArray<readonly [string, string]>) => headers.some(([k]) => k.toLowerCase() === 'x-customer-id');

type Marks = Record<'withHeader' | 'without', boolean | undefined>;

/** Each imported event's mark, keyed by whether it carries the redacted header. */
async function marksOf(t: TestCore, ids: readonly number[]): Promise<Marks> {
  expect(ids).toHaveLength(2);
  const events = await Promise.all(ids.map((id) => t.call('events.get', { id })));
  return {
    withHeader: events.find((e) => hasCustomerHeader(e.headers))?.redacted,
    without: events.find((e) => !hasCustomerHeader(e.headers))?.redacted,
  };
}

/** A whole bundle through `bundles.import` (Settings → Import bundle, `inlet bundle import`) into an empty Inlet. */
async function marksAfterBundleImport(file: unknown): Promise<Marks> {
  const t = await core();
  return marksOf(t, (await t.call('bundles.import', { file })).eventIds);
}

/** A log slice through the log's Import captures (it carries no sources) into an Inlet with the same source. */
async function marksAfterCaptureImport(text: string): Promise<Marks> {
  const t = await core();
  const { id: sourceId } = await t.source('shop');
  const { jobId } = await t.call('captures.import', { sourceId, environment: ENV, text });
  const { state, ids = [] } = await captureImportEnded(t, jobId);
  expect(state).toBe('finished');
  return marksOf(t, ids);
}

describe('a redacted bundle marks only the events redaction changed', () => {
  it('bundles.export: the event with the redacted header is marked, the untouched one is not, and import keeps each mark', async () => {
    const from = await core();
    await twoEvents(from);
    const { bundle } = await from.call('bundles.export', { events: { max: 10 }, redaction: REDACTION });
    expect(JSON.stringify(bundle)).not.toContain(CUSTOMER);
    expect(bundle.redacted).toBe(true);
    expect(bundle.events.map((e) => [hasCustomerHeader(e.headers), e.redacted])).toEqual([[true, true], [false, false]]);

    expect(await marksAfterBundleImport(bundle)).toEqual({ withHeader: true, without: undefined });
  });

  it('a log slice written as a bundle: each event says it, and the import dialog badges and imports only the changed one as redacted', async () => {
    const from = await core();
    const sourceId = await twoEvents(from);
    const { text, summary } = await exportedLog(from, { format: 'bundle', filter: { sourceId }, redaction: REDACTION });
    expect(summary).toMatchObject({ count: 2, redactedEvents: 1 });
    const file = JSON.parse(text) as Bundle;
    expect(file.events.map((e) => [hasCustomerHeader(e.headers), e.redacted])).toEqual([[true, true], [false, false]]);

    const preview = await from.call('captures.preview', { text });
    expect(preview.requests.map((r) => r.redacted)).toEqual([true, false]);

    expect(await marksAfterCaptureImport(text)).toEqual({ withHeader: true, without: undefined });
  });

  it('an older bundle, marked redacted as a whole with no mark per event, still imports every event as redacted', async () => {
    const from = await core();
    const sourceId = await twoEvents(from);
    const { bundle } = await from.call('bundles.export', { events: { max: 10 }, redaction: REDACTION });
    const old = { ...bundle, events: bundle.events.map(({ redacted: _mark, ...e }) => e) };
    expect(JSON.stringify(old.events)).not.toContain('"redacted"');
    expect(await marksAfterBundleImport(old)).toEqual({ withHeader: true, without: true });

    // The log slice as it was written then: `"redacted":true` in its head, before the events.
    const slice = JSON.parse((await exportedLog(from, { format: 'bundle', filter: { sourceId }, redaction: REDACTION })).text) as Bundle;
    const oldSlice = JSON.stringify({ ...slice, events: slice.events.map(({ redacted: _mark, ...e }) => e) });
    expect((await from.call('captures.preview', { text: oldSlice })).requests.map((r) => r.redacted)).toEqual([true, true]);
    expect(await marksAfterCaptureImport(oldSlice)).toEqual({ withHeader: true, without: true });
  });
});
