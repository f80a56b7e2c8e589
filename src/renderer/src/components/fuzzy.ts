/**
 * A small fuzzy matcher for the command palette: every query character must appear in order.
 * Higher is better; matches at word starts and runs of consecutive characters score more, so
 * "gtl" finds "Go to log" before "Settings: tunnel URL".
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    if (ch === ' ') continue;
    const at = t.indexOf(ch, from);
    if (at === -1) return null;
    const wordStart = at === 0 || /[\s\-_./:]/.test(t[at - 1] ?? '');
    score += 1 + (wordStart ? 4 : 0) + (at === previous + 1 ? 3 : 0);
    previous = at;
    from = at + 1;
  }
  // Among equals, the shorter label is the closer one.
  return score - t.length / 1000;
}

/** The items whose label matches, best first; all of them, in order, for an empty query. */
export function fuzzyFilter<T>(items: readonly T[], query: string, labelOf: (item: T) => string): T[] {
  if (query.trim() === '') return [...items];
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, labelOf(item)) }))
    .filter((x): x is { item: T; index: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);
}
