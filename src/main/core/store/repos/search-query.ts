import type { Db } from '../db';

/**
 * A prefix that stands for more terms than this is matched as a whole word. FTS5 answers a prefix
 * by merging the document lists of every term it covers before returning a row (no LIMIT helps):
 * with 1M events, "u", "e" or "user" cover up to a million terms and took 0.4–3 s, while a prefix
 * of a few thousand terms takes milliseconds (bench/NOTES.md, issue #14).
 */
export const MAX_PREFIX_TERMS = 10_000;
/**
 * A shorter prefix is never expanded: one or two characters cover the longest document lists
 * ("e" takes in evt, example, eu…; "user42@example.c" took 12 s on a loaded machine), and even
 * counting the terms they cover walks those lists.
 */
export const MIN_PREFIX_LENGTH = 3;

/** The tokens unicode61 (the index's tokenizer) makes of a word: letters and digits, case and accents folded. */
export const tokensOf = (word: string): string[] =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const phrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * Builds the FTS5 query for what the user typed, never an FTS syntax error: every word must match;
 * finished words match whole, the last one (being typed) as a prefix unless the prefix is too
 * short or too broad (MIN_PREFIX_LENGTH, MAX_PREFIX_TERMS). Then a word of several tokens ("user42@exa") drops its broad last
 * token and matches the rest as a phrase; a single broad token matches as a whole word.
 */
export function createSearchQuery(db: Db) {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_fts_terms USING fts5vocab(main, 'events_fts', 'row')");
  const termsFrom = db.prepare<[string, string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM (SELECT 1 FROM temp.events_fts_terms WHERE term >= ? AND term <= ? LIMIT ?)',
  );
  const broad = (token: string): boolean =>
    token.length < MIN_PREFIX_LENGTH || (termsFrom.get(token, `${token}\uffff`, MAX_PREFIX_TERMS + 1)?.n ?? 0) > MAX_PREFIX_TERMS;

  return (search: string): string => {
    const words = search.split(/\s+/).filter(Boolean);
    const last = words.pop();
    if (last === undefined) return '""';
    const parts = words.map(phrase);
    const tokens = tokensOf(last);
    const final = tokens.at(-1);
    if (final === undefined || !broad(final)) parts.push(`${phrase(last)}*`);
    else if (tokens.length > 1) parts.push(phrase(tokens.slice(0, -1).join(' ')));
    else parts.push(phrase(last));
    return parts.join(' ');
  };
}
export type SearchQuery = ReturnType<typeof createSearchQuery>;
