import { createShapeLearner } from '../../src/main/core/shapes/learner';
import { DEFAULT_SHAPE_LIMITS, emptyShape, observe } from '../../src/main/core/shapes/infer';
import { addSource, benchContext, median, newEvent, percentile, stripeLikeBody, timeRuns } from './fixture';

/**
 * What learning payload shapes costs per event. In memory: `observe` on a Stripe-shaped event
 * (≈ 30 paths) and on a hostile one (10,000 fields, bounded by the caps), next to JSON.parse of the
 * same body (the baseline every event already pays). End to end: the background learner's batches
 * (read, parse, merge, write back) over events stored through the log's own insert.
 */
const RUNS = 2_000;
const STORED = Number(process.env.BENCH_SHAPES_EVENTS) || 20_000;
const TYPES = ['customer.created', 'customer.updated', 'invoice.paid', 'invoice.payment_failed', 'charge.refunded'];

const stats = (ms: number[]) => ({ medianUs: median(ms) * 1000, p95Us: percentile(ms, 0.95) * 1000 });

function inMemory() {
  const stripe = Array.from({ length: 64 }, (_, i) => stripeLikeBody(i, TYPES[i % TYPES.length]!).toString());
  const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field_${i}`, i])));
  const stripeShape = emptyShape();
  const wideShape = emptyShape();
  const parsedStripe = stripe.map((s) => JSON.parse(s) as unknown);
  const parsedWide = JSON.parse(wide) as unknown;
  return {
    parseStripe: stats(timeRuns(RUNS, (i) => JSON.parse(stripe[i % stripe.length]!))),
    observeStripe: stats(timeRuns(RUNS, (i) => observe(stripeShape, parsedStripe[i % parsedStripe.length]))),
    parseWide: stats(timeRuns(200, () => JSON.parse(wide))),
    observeWide: stats(timeRuns(200, () => observe(wideShape, parsedWide))),
    stripeFields: stripeShape.fields.size,
    wideFields: wideShape.fields.size,
    wideBytes: wide.length,
    stripeBytes: stripe[0]!.length,
  };
}

function endToEnd() {
  const bench = benchContext();
  try {
    const sourceId = addSource(bench.ctx, 'shapes');
    const now = Date.now();
    const events = Array.from({ length: STORED }, (_, i) => newEvent(sourceId, 'development', i, TYPES[i % TYPES.length]!, now + i, 'done'));
    // The learner starts from the newest 1,000 on a database it has never seen; mark it as fresh instead.
    bench.ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('shapes_learned_upto', '0')").run();
    for (let i = 0; i < events.length; i += 1000) bench.ctx.events.insertMany(events.slice(i, i + 1000));
    const learner = createShapeLearner(bench.ctx.db);
    const batches: number[] = [];
    const started = performance.now();
    for (;;) {
      const t = performance.now();
      const n = learner.learnBatch(200);
      if (n === 0) break;
      batches.push(performance.now() - t);
    }
    const totalMs = performance.now() - started;
    return { events: STORED, totalMs, perEventUs: (totalMs / STORED) * 1000, batchMedianMs: median(batches), batchP95Ms: percentile(batches, 0.95) };
  } finally {
    bench.close();
  }
}

const result = { limits: DEFAULT_SHAPE_LIMITS, memory: inMemory(), learner: endToEnd() };
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
