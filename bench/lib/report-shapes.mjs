const us = (n) => (n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US'));

/** The "payload shapes" section of bench/RESULTS.md. */
export function renderShapesReport(s) {
  const m = s.memory;
  const l = s.learner;
  return `## Payload shapes: the cost of learning them per event

Shapes are learned in the background after events are committed (never on the receiver's path), in batches of 200. Caps: ${s.limits.maxFields.toLocaleString('en-US')} fields per shape, ${s.limits.maxNodes.toLocaleString('en-US')} values visited per event, depth ${s.limits.maxDepth}, ${s.limits.maxArrayItems} items per array. Baseline in the same run: \`JSON.parse\` of the same body.

| Per event | median µs | p95 µs |
|---|---:|---:|
| Baseline: JSON.parse, Stripe-shaped body (${m.stripeBytes} bytes) | ${us(m.parseStripe.medianUs)} | ${us(m.parseStripe.p95Us)} |
| Merging it into its shape (${m.stripeFields} paths) | ${us(m.observeStripe.medianUs)} | ${us(m.observeStripe.p95Us)} |
| Baseline: JSON.parse, 10,000 fields (${Math.round(m.wideBytes / 1024)} KiB) | ${us(m.parseWide.medianUs)} | ${us(m.parseWide.p95Us)} |
| Merging it (capped at ${m.wideFields.toLocaleString('en-US')} paths) | ${us(m.observeWide.medianUs)} | ${us(m.observeWide.p95Us)} |

End to end, the background learner over ${l.events.toLocaleString('en-US')} stored Stripe-shaped events (read, parse, merge, write back): **${us(l.perEventUs)} µs per event**; a batch of 200 takes ${l.batchMedianMs.toFixed(1)} ms (p95 ${l.batchP95Ms.toFixed(1)} ms), the longest the database is held.
`;
}
