import type { Db } from '../db';

/**
 * A prefix covering at most this many indexed terms is matched as those whole terms, OR'ed. FTS5
 * answers `"exa"*` by merging the document lists of every term it covers before the first row (no
 * LIMIT helps): "exa" covers one term, "example", but it is in every event, so that merge cost
 * 115 ms of CPU with 1M events. Whole terms are read lazily, newest first, and stop at the page
 * (4 ms; bench/NOTES.md). Small, as finding each term is a seek in every index segment (≈0.3 ms).
 */
export const MAX_EXPANDED_TERMS = 8;
/**
 * A prefix covering more terms is left to FTS5's own prefix match when they occur at most this
 * many times in all (merging that many entries, or counting them, takes a few ms); beyond it the
 * prefix is too broad: "u" or "user" with 1M events cover a million terms and took 0.4–3 s.
 */
export const MAX_PREFIX_OCCURRENCES = 10_000;

/** The tokens unicode61 (the index's tokenizer) makes of a word: letters and digits, case and accents folded. */
export const tokensOf = (word: string): string[] =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const phrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/** Past any term with this prefix (the highest code point); terms are compared as UTF-8 bytes. */
const after = (prefix: string): string => `${prefix}\u{10FFFF}`;

/**
 * The word being typed, cut before its last token when that token is plain ASCII: then the index
 * holds it lowercased, exactly as typed, and its terms can be looked up. Anything else (accents,
 * other scripts) is left to FTS5's own folding.
 */
function splitLast(word: string): { head: string; prefix: string } | null {
  const m = /^(.*?)([\p{L}\p{N}\p{M}\p{Co}]+)[^\p{L}\p{N}\p{M}\p{Co}]*$/su.exec(word);
  if (!m || !/^[A-Za-z0-9]+$/.test(m[2]!)) return null;
  return { head: m[1]!, prefix: m[2]!.toLowerCase() };
}

/**
 * Builds the FTS5 query for what the user typed, never an FTS syntax error: every word must match;
 * finished words match whole, the last one (being typed) as a prefix. The prefix finds exactly what
 * FTS5's `"word"*` finds, written the cheapest way: as the few whole terms it covers
 * (MAX_EXPANDED_TERMS), or as FTS5's prefix when those terms are rare (MAX_PREFIX_OCCURRENCES).
 * A prefix too broad for either drops out after the word's other tokens (a phrase of them), or a
 * single token matches as a whole word. Each decision reads a bounded number of index entries.
 */
/** `db`: a connection with the index attached as `search` (store/search-index.ts). */
export function createSearchQuery(db: Db, limits: { maxTerms?: number; maxOccurrences?: number } = {}) {
  const maxTerms = limits.maxTerms ?? MAX_EXPANDED_TERMS;
  const maxOccurrences = limits.maxOccurrences ?? MAX_PREFIX_OCCURRENCES;
  // 'instance' rather than 'row': a row of the latter counts its term's documents first, walking a
  // million-entry list for "example"; instances are read one at a time and the reads stop early.
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_fts_instances USING fts5vocab(search, 'events_fts', 'instance')");
  const firstTermFrom = db.prepare<[string, string], { term: string }>(
    'SELECT term FROM temp.events_fts_instances WHERE term >= ? AND term <= ? LIMIT 1',
  );
  const occurrences = db.prepare<[string, string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM (SELECT 1 FROM temp.events_fts_instances WHERE term >= ? AND term <= ? LIMIT ?)',
  );

  /** The terms starting with `prefix`, or null when there are more than `maxTerms`. */
  const termsOf = (prefix: string): string[] | null => {
    const terms: string[] = [];
    // Each step seeks past the previous term ("\0" sorts right after it), skipping its documents.
    for (let from = prefix; ; ) {
      const term = firstTermFrom.get(from, after(prefix))?.term;
      if (term === undefined || !term.startsWith(prefix)) return terms;
      if (terms.length === maxTerms) return null;
      terms.push(term);
      from = `${term}\u0000`;
    }
  };
  const rare = (prefix: string): boolean =>
    (occurrences.get(prefix, after(prefix), maxOccurrences + 1)?.n ?? 0) <= maxOccurrences;

  const lastWord = (last: string): { match: string; prefix: PrefixMatch } => {
    const native = { match: `${phrase(last)}*`, prefix: 'fts' as const };
    const split = splitLast(last);
    const tokens = tokensOf(last);
    const final = split?.prefix ?? tokens.at(-1);
    if (final === undefined) return native;
    const terms = split ? termsOf(split.prefix) : null;
    if (terms !== null && split) {
      if (terms.length === 0) return native;
      // unicode61 also indexes private-use characters (Co), which tokensOf leaves out.
      const lead = /[\p{L}\p{N}\p{Co}]/u.test(split.head) ? `${phrase(split.head)} + ` : '';
      return { match: `(${terms.map((t) => `${lead}${phrase(t)}`).join(' OR ')})`, prefix: 'terms' };
    }
    if (rare(final)) return native;
    if (tokens.length > 1) return { match: phrase(tokens.slice(0, -1).join(' ')), prefix: 'dropped' };
    return { match: phrase(last), prefix: 'whole' };
  };

  return (search: string): SearchPlan => {
    const words = search.split(/\s+/).filter(Boolean);
    const last = words.pop();
    if (last === undefined) return { match: '""', prefix: 'fts' };
    const { match, prefix } = lastWord(last);
    // Explicit AND: FTS5 reads no implicit AND before a parenthesised group.
    return { match: [...words.map(phrase), match].join(' AND '), prefix };
  };
}

/**
 * How the word being typed was matched: `terms` (the whole terms its prefix covers) and `fts`
 * (FTS5's prefix) find exactly the events that have a token starting with it; a broad prefix is
 * `dropped` (a phrase of the word's other tokens: more events) or matched as a `whole` word.
 */
export type PrefixMatch = 'terms' | 'fts' | 'dropped' | 'whole';
export interface SearchPlan {
  /** The FTS5 MATCH expression. */
  match: string;
  prefix: PrefixMatch;
}
export type SearchQuery = ReturnType<typeof createSearchQuery>;
