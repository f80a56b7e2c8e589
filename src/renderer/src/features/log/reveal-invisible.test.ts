import { describe, expect, it } from 'vitest';
import { revealInvisible, splitInvisible } from './reveal-invisible';

describe('invisible characters in payload text', () => {
  it('shows a right-to-left override as a marker, so "exe.pdf" cannot pass for a pdf', () => {
    expect(revealInvisible('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
  });

  it('marks zero-width characters, bidi isolates and the BOM', () => {
    expect(revealInvisible('a\u200Bb\u2066c\u2069\uFEFF')).toBe('a⟨U+200B⟩b⟨U+2066⟩c⟨U+2069⟩⟨U+FEFF⟩');
  });

  it('leaves ordinary text, including right-to-left scripts, as one part', () => {
    expect(splitInvisible('שלום, hello')).toEqual([{ kind: 'text', text: 'שלום, hello' }]);
    expect(splitInvisible('')).toEqual([{ kind: 'text', text: '' }]);
  });
});
