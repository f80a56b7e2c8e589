const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');

/** The captures-import section of bench/RESULTS.md. */
export function renderImportReport(r) {
  const growth = r.quarter && r.peakRssMiB !== null && r.quarter.peakRssMiB !== null ? r.peakRssMiB - r.quarter.peakRssMiB : null;
  // Bounded: four times the file adds far less memory than the added text (a quarter of it at most).
  const bounded = growth !== null && growth < (r.fileMiB - r.quarter.fileMiB) / 4;
  return `## Import: a ${fmt(r.fileMiB)} MB JSON Lines file

${fmt(r.lines)} Stripe-shaped captures (\`{headers, body, receivedAt}\` per line) imported with \`captures.import\` by path: read as a stream, judged by the source's settings and written 250 at a time.

| Step (same file) | seconds | MB/s | events/s |
|---|---:|---:|---:|
| Baseline: reading and checking every line (nothing written) | ${fmt(r.readMs / 1000, 2)} | ${fmt(r.fileMiB / (r.readMs / 1000), 1)} | ${fmt(r.checked / (r.readMs / 1000))} |
| Import: judged and logged | ${fmt(r.importMs / 1000, 2)} | ${fmt(r.fileMiB / (r.importMs / 1000), 1)} | ${fmt(r.imported / (r.importMs / 1000))} |

Peak resident memory of the importing process (VmHWM): **${fmt(r.peakRssMiB)} MiB** (${fmt(r.rssBeforeMiB)} MiB before the file was read). The same import of a ${fmt(r.quarter?.fileMiB)} MB file, in a process of its own, peaked at ${fmt(r.quarter?.peakRssMiB)} MiB: four times the file added ${fmt(growth)} MiB (${bounded ? 'bounded' : 'NOT bounded'}: the limit is a quarter of the added ${fmt(r.fileMiB - (r.quarter?.fileMiB ?? 0))} MB). ${fmt(r.logged)} events in the log, ${fmt(r.failed)} entries refused; ${fmt(r.cpuUsPerEvent, 1)} µs CPU per imported event.
`;
}
