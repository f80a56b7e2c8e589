import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_INDEX_FILE } from '../store/search-index';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
afterEach(() => t.close());

const settled = async () => {
  while ((await t.call('events.list', { limit: 500 })).items.some((e) => e.processing === 'pending')) await new Promise((r) => setTimeout(r, 5));
};

describe('retention', () => {
  it('keeps only the newest N events, with their action runs and search entries', async () => {
    t = await startTestCore();
    const { id, url } = await t.source('r');
    await t.call('mappings.create', { sourceId: id, eventType: '*', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
    for (let i = 0; i < 150; i++) await fetch(url, { method: 'POST', body: JSON.stringify({ type: 'x', user: `u${i}`, word: `needle${i}` }) });
    await settled();
    const oldest = (await t.call('events.list', { limit: 500 })).items.at(-1)!;
    expect((await t.call('events.list', { search: 'needle0' })).items).toHaveLength(1);

    const progress: number[] = [];
    t.core.subscribe((m) => m.name === 'retention.progress' && progress.push(m.payload.deleted));
    await t.call('settings.update', { retention: { maxEvents: 100 } });
    const { deleted } = await t.call('retention.prune', {});

    const left = await t.call('events.list', { limit: 500 });
    expect(deleted + left.items.length).toBe(150);
    expect(left.items).toHaveLength(100);
    expect(progress.at(-1)).toBe(50);
    expect((await t.call('events.list', { search: 'needle0' })).items).toEqual([]);
    expect((await t.call('events.list', { search: 'needle149' })).items).toHaveLength(1);
    // Gone from the index itself (its own file), not only hidden by the join to the log.
    const index = new Database(join(t.dir, SEARCH_INDEX_FILE), { readonly: true });
    try {
      const entries = (word: string) => index.prepare<[string], number>('SELECT count(*) FROM events_fts WHERE events_fts MATCH ?').pluck().get(word);
      await vi.waitFor(() => expect(entries('needle0')).toBe(0));
      expect(entries('needle149')).toBe(1);
    } finally {
      index.close();
    }
    await expect(t.call('events.get', { id: oldest.id })).rejects.toThrow(/No event/);
  });

  it('drops events older than the age limit', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    t = await startTestCore({ clock: { now: () => now } });
    const { url } = await t.source('age');
    await fetch(url, { method: 'POST', body: '{"type":"old"}' });
    now += 10 * 24 * 60 * 60 * 1000;
    await fetch(url, { method: 'POST', body: '{"type":"new"}' });
    await t.call('settings.update', { retention: { maxAgeDays: 7, maxEvents: null } });
    await t.call('retention.prune', {});
    expect((await t.call('events.list', {})).items.map((e) => e.eventType)).toEqual(['new']);
  });

  it('drops, among many, exactly the events older than the age limit, and keeps a log under the count limit whole', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    t = await startTestCore({ clock: { now: () => now } });
    const { url } = await t.source('ages');
    // Day 0..12, one event a day: with a 7-day limit at noon on day 12, days 0-5 go.
    for (let day = 0; day <= 12; day++) {
      await fetch(url, { method: 'POST', body: JSON.stringify({ type: `day${day}` }) });
      if (day < 12) now += 24 * 60 * 60 * 1000;
    }
    now += 12 * 60 * 60 * 1000;
    await t.call('settings.update', { retention: { maxAgeDays: 7, maxEvents: 100 } });
    expect(await t.call('retention.prune', {})).toEqual({ deleted: 6 });
    const left = (await t.call('events.list', {})).items.map((e) => e.eventType);
    expect(left).toEqual(Array.from({ length: 7 }, (_, i) => `day${12 - i}`));
    expect(await t.call('retention.prune', {})).toEqual({ deleted: 0 });
  });
});
