/**
 * Characters that change how text reads without being seen: bidi overrides and isolates (U+202E can
 * make "exe.pdf" read "fdp.exe"), zero-width characters, the BOM. Payload text shows them as markers.
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export type TextPart = { kind: 'text'; text: string } | { kind: 'invisible'; code: string };

const codeOf = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The text split around invisible characters; a single text part when there is none (the usual case). */
export function splitInvisible(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const at = match.index;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    parts.push({ kind: 'invisible', code: codeOf(match[0]) });
    last = at + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The same as plain text: each invisible character as ⟨U+202E⟩. */
export const revealInvisible = (text: string): string =>
  splitInvisible(text)
    .map((p) => (p.kind === 'text' ? p.text : `⟨${p.code}⟩`))
    .join('');
