import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { recordingLogger } from '../testing/locked-database';
import { startTestCore, type TestCore } from '../testing/test-core';
import { SEARCH_INDEX_FILE } from './search-index';

let dir: string;
let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);

/** A log of 150 events with many distinct words each (an index of many pages); returns them. */
async function logWithIndex(logger: ReturnType<typeof recordingLogger>): Promise<string[][]> {
  t = await startTestCore({ dir, logger, startTunnelOnLaunch: false });
  const { url } = await t.source('shop');
  const words = Array.from({ length: 150 }, () => Array.from({ length: 60 }, () => `w${randomBytes(5).toString('hex')}`));
  for (const list of words) expect(await post(url, { type: 'order.paid', note: list.join(' ') })).toBe(200);
  const last = words.at(-1)![0]!;
  await vi.waitFor(async () => expect((await t!.call('events.list', { search: last, limit: 10 })).items).toHaveLength(1));
  await t.close();
  t = undefined;
  return words;
}

/** Noise over every page of the index's terms, while Inlet is stopped; its header and meta stay readable. */
function damageIndex(): string {
  const file = join(dir, SEARCH_INDEX_FILE);
  const index = new Database(file);
  const pages = index.prepare<[], number>("SELECT pageno FROM dbstat WHERE name = 'events_fts_data'").pluck().all();
  const pageSize = index.pragma('page_size', { simple: true }) as number;
  index.close();
  expect(pages.length).toBeGreaterThan(3);
  const fd = openSync(file, 'r+');
  for (const page of pages) writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return file;
}

const rebuilt = (logger: ReturnType<typeof recordingLogger>, file: string) =>
  logger.lines.filter((line) => line.includes(`The search index (${file}) is damaged: it is being rebuilt from the log`));

it('a search that meets a damaged index gets it rebuilt from the log and finds again; the log is not called damaged', async () => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-search-damage-'));
  const logger = recordingLogger();
  const words = await logWithIndex(logger);
  const wanted = words[42]![7]!;
  const file = damageIndex();

  t = await startTestCore({ dir, logger, startTunnelOnLaunch: false });
  const first = await t.call('events.list', { search: wanted, limit: 10 });
  expect(first.searchBehind).toBe(true);
  await vi.waitFor(async () => expect((await t!.call('events.list', { search: wanted, limit: 10 })).items).toHaveLength(1), { timeout: 10_000 });
  expect(await t.call('events.count', { search: words[3]![0]! })).toMatchObject({ count: 1 });
  expect((await t.call('health.get', {})).database.state).toBe('sound');
  expect(rebuilt(logger, file)).toHaveLength(1);
}, 60_000);

it('the indexing thread that meets a damaged index gets it rebuilt too, with no search asking', async () => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-search-damage-'));
  const logger = recordingLogger();
  const words = await logWithIndex(logger);
  const file = damageIndex();

  t = await startTestCore({ dir, logger, startTunnelOnLaunch: false });
  const [shop] = await t.call('sources.list', {});
  const token = shop!.settings.find((s) => s.environment === 'development')!.endpointToken;
  expect(await post(`${t.core.receiverUrl}/in/${token}`, { type: 'order.paid', note: 'newcomer' })).toBe(200);
  await vi.waitFor(() => expect(rebuilt(logger, file)).toHaveLength(1), { timeout: 10_000 });
  await vi.waitFor(async () => expect((await t!.call('events.list', { search: 'newcomer', limit: 10 })).items).toHaveLength(1), { timeout: 10_000 });
  expect((await t.call('events.list', { search: words[0]![0]!, limit: 10 })).items).toHaveLength(1);
  expect((await t.call('health.get', {})).database.state).toBe('sound');
}, 60_000);
