import { describeChar, ParseFailure, syntaxError } from './errors';

/** Characters allowed in an unquoted path key: `stripe-signature`, `$set`, `user_id`, `0`. */
const WORD = /[A-Za-z0-9_$-]+/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
  // `\{` lets a string hold a literal "{{" without becoming a template.
  '{': '{', '}': '}',
};

/**
 * A position in the source plus the character-level scanners the parser needs. Paths are
 * context-sensitive (`a.0`, `stripe-signature`), so there is no separate token stream: the parser
 * asks the cursor for the lexeme it expects next.
 */
export class Cursor {
  pos = 0;
  /** How many expressions enclose the cursor (objects, lists, placeholders). */
  depth = 0;
  constructor(readonly src: string) {}

  peek(ahead = 0): string | undefined {
    return this.src[this.pos + ahead];
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }

  fail(what: string, at: number = this.pos): never {
    throw new ParseFailure(syntaxError(at, what));
  }

  /** Consumes `text` or fails with `expected "<text>"` at the current position. */
  expect(text: string): void {
    if (!this.startsWith(text)) this.fail(`expected ${JSON.stringify(text)}`);
    this.pos += text.length;
  }

  /** An unquoted key; empty when the next character cannot start one. */
  readWord(): string {
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.src);
    if (!m) return '';
    this.pos += m[0].length;
    return m[0];
  }

  readNumber(): number {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(this.src);
    if (!m) this.fail('invalid number', start);
    this.pos += m[0].length;
    // "1abc" or "1.": a number glued to something else is a typo, not a number and a path.
    if (/[A-Za-z0-9_.]/.test(this.peek() ?? '')) this.fail('invalid number', start);
    return Number(m[0]);
  }

  /** After a backslash: one escape sequence, JSON's set plus `\{` and `\}`. */
  readEscape(): string {
    const at = this.pos - 1;
    const ch = this.peek();
    if (ch === 'u') {
      const hex = this.src.slice(this.pos + 1, this.pos + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid escape "\\u" (expected 4 hex digits)', at);
      this.pos += 5;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const simple = ch === undefined ? undefined : SIMPLE_ESCAPES[ch];
    if (simple === undefined) this.fail(`invalid escape ${JSON.stringify(`\\${ch ?? ''}`)}`, at);
    this.pos++;
    return simple;
  }

  /** A double-quoted string without template placeholders (keys). The cursor is on the quote. */
  readQuoted(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('unterminated string', start);
      this.pos++;
      if (ch === '"') return out;
      out += ch === '\\' ? this.readEscape() : ch;
    }
  }

  describeNext(): string {
    return describeChar(this.peek());
  }
}
