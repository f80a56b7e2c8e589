const ms = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));

/**
 * The search box at scale (issue #14: rows within 300 ms of the last key): each search's rows and
 * capped total, and every prefix as typed. CPU ms beside wall ms: on a shared machine the wall
 * time is mostly other load, the CPU is what the query costs.
 */
export function renderSearchReport(search) {
  const rows = Object.entries(search.searches).map(
    ([name, s]) => `| ${name} | \`${s.text}\` | ${s.hits} | ${ms(s.list.medianMs)} / ${ms(s.list.cpuMs)} | ${ms(s.count.medianMs)} / ${ms(s.count.cpuMs)} |`,
  );
  const typing = (label, runs) => {
    if (!runs) return '';
    const worst = runs.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    return `- ${label}: worst key \`${worst.prefix}\` ${ms(worst.medianMs)} ms (${ms(worst.cpuMs)} ms CPU); every key: ${runs.map((r) => ms(r.cpuMs)).join(', ')} ms CPU`;
  };
  return `### The search box (development environment, 100 rows; total capped at 10,000)

| Search | text | rows | rows: wall / CPU ms | total: wall / CPU ms |
|---|---|---:|---:|---:|
${rows.join('\n')}

Typed key by key (each prefix is a query of its own, as the log asks at every key):
${[typing('an email', search.typingEmail), typing('an event id', search.typingId), typing('two words', search.typingWord)].filter(Boolean).join('\n')}
`;
}
