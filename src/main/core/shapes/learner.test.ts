import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openContext, pendingEvent } from '../testing/locked-database';
import { createShapeLearner } from './learner';

let dir: string;
let opened: ReturnType<typeof openContext>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inlet-learner-'));
  opened = openContext(dir);
  opened.ctx.db.prepare("INSERT INTO sources (id, key, name, template_id, template_version, created_at) VALUES ('src_1', 'shop', 'Shop', 'generic', '1', 0)").run();
  opened.ctx.events.insertMany(Array.from({ length: 5 }, (_, i) => pendingEvent('src_1', { type: 'order.paid', total: i }, 'order.paid')));
});
afterEach(() => {
  opened.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const learnedCount = () =>
  (opened.ctx.db.prepare("SELECT event_count AS n FROM payload_shapes WHERE source_id = 'src_1' AND event_type = 'order.paid'").get() as { n: number } | undefined)?.n ?? 0;

it('stops a batch once it has taken its time budget, keeps what it learned, and goes on from there next time', () => {
  const learner = createShapeLearner(opened.ctx.db);
  // A budget already spent: one event per batch, never none (the batch would not move on).
  expect(learner.learnBatch(200, 0)).toBe(1);
  expect(learnedCount()).toBe(1);
  expect(learner.learnBatch(200, 0)).toBe(1);
  expect(learnedCount()).toBe(2);
  expect(learner.learnBatch(200)).toBe(3);
  expect(learnedCount()).toBe(5);
  expect(learner.learnBatch(200)).toBe(0);
});

it('skipTo leaves all but the newest events unlearned, and nothing when fewer are left', () => {
  opened.ctx.events.insertMany(Array.from({ length: 45 }, (_, i) => pendingEvent('src_1', { type: 'order.paid', total: i }, 'order.paid')));
  const learner = createShapeLearner(opened.ctx.db);
  expect(learner.learnBatch(200)).toBe(50);
  opened.ctx.events.insertMany(Array.from({ length: 30 }, (_, i) => pendingEvent('src_1', { type: 'order.paid', total: i }, 'order.paid')));
  expect(learner.skipTo(10)).toBe(20);
  expect(learner.skipTo(10)).toBe(0);
  expect(learner.learnBatch(200)).toBe(10);
  expect(learnedCount()).toBe(60);
});
