import { describe, expect, it } from 'vitest';
import { createIngestGauge } from './ingest-gauge';

/** Events written `perSecond` for `ms`, in batches of one, on a manual clock. */
function feed(gauge: ReturnType<typeof createIngestGauge>, clock: { t: number }, perSecond: number, ms: number) {
  const step = 1000 / perSecond;
  for (const end = clock.t + ms; clock.t < end; clock.t += step) gauge.note(1);
}

describe('the ingest gauge deliveries yield to', () => {
  it('counts 500 events a second as a burst, and a developer’s few a second as quiet', () => {
    const clock = { t: 0 };
    const gauge = createIngestGauge(() => clock.t, () => 0);
    feed(gauge, clock, 5, 2_000);
    expect(gauge.busy()).toBe(false);
    feed(gauge, clock, 600, 300);
    expect(gauge.busy()).toBe(true);
    // Still busy through a lull of a few turns; not once the burst is over.
    clock.t += 150;
    expect(gauge.busy()).toBe(true);
    clock.t += 200;
    expect(gauge.busy()).toBe(false);
  });

  it('counts a lower rate as a burst while the event loop is saturated (a loaded machine), not while it idles', () => {
    const clock = { t: 0 };
    let utilization = 0.2;
    const gauge = createIngestGauge(() => clock.t, () => utilization);
    feed(gauge, clock, 200, 300);
    expect(gauge.busy()).toBe(false);
    utilization = 0.9;
    feed(gauge, clock, 200, 300);
    expect(gauge.busy()).toBe(true);
    // A few events a second on a saturated loop are still a developer's traffic.
    clock.t += 500;
    feed(gauge, clock, 5, 2_000);
    expect(gauge.busy()).toBe(false);
  });
});
