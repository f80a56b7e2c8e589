/**
 * Shell commands as people copy them (browser devtools, Postman, docs), split into words per
 * command. Two dialects: POSIX shells (bash/zsh: '…', "…", $'…', backslash escapes, `\` line
 * continuations) and Windows cmd (Chrome's "Copy as cURL (cmd)": `^` escapes and `^` continuations,
 * then the C runtime's "…" and \" rules). A command ends at an unquoted newline, `;`, `&&` or `||`.
 */
export interface ShellCommand {
  words: string[];
  /** 1-based line the command starts on. */
  line: number;
}

export type ShellDialect = 'posix' | 'cmd';

/** Chrome's cmd output quotes with ^" and continues lines with a trailing ^; Firefox's doubles quotes inside "…". */
export const guessDialect = (text: string): ShellDialect => (/\^"|\^\r?\n|[^\s=]""[^\s]/.test(text) ? 'cmd' : 'posix');

export function splitCommands(text: string, dialect: ShellDialect = guessDialect(text)): ShellCommand[] {
  return dialect === 'cmd' ? splitCmd(text) : splitPosix(text);
}

class Builder {
  readonly commands: ShellCommand[] = [];
  private words: string[] = [];
  private word: string | null = null;
  private start = 0;

  constructor(private line = 1) {}
  /** Characters of the current word; `''` still makes a word (as in `-d ''`). */
  add(chars: string): void {
    if (this.words.length === 0 && this.word === null) this.start = this.line;
    this.word = (this.word ?? '') + chars;
  }
  endWord(): void {
    if (this.word !== null) this.words.push(this.word);
    this.word = null;
  }
  endCommand(): void {
    this.endWord();
    if (this.words.length > 0) this.commands.push({ words: this.words, line: this.start });
    this.words = [];
  }
  newline(): void {
    this.line += 1;
  }
}

const ANSI_SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** The body of $'…' from `i` (just after the opening quote); returns the text and the index after the closing quote. */
function ansiC(text: string, i: number): { value: string; end: number; lines: number } {
  let value = '';
  let lines = 0;
  while (i < text.length && text[i] !== "'") {
    const c = text[i]!;
    if (c === '\n') lines += 1;
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple = ANSI_SIMPLE[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = /^[0-9a-fA-F]+/.exec(text.slice(i + 2, i + 2 + max))?.[0] ?? '';
      if (hex === '') value += `\\${next}`;
      // \xHH is a byte: runs of them that form UTF-8 are decoded together below.
      else value += next === 'x' ? String.fromCharCode(0xe000 + parseInt(hex, 16)) : String.fromCodePoint(parseInt(hex, 16));
      i += 2 + hex.length;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      value += String.fromCharCode(0xe000 + (parseInt(oct, 8) & 0xff));
      i += 1 + oct.length;
    } else {
      value += `\\${next}`;
      i += 2;
    }
  }
  return { value: decodeByteRuns(value), end: i + 1, lines };
}

/** Bytes written as \xHH or octal (kept as U+E0HH placeholders) decoded as UTF-8, as a shell would hand them to curl. */
function decodeByteRuns(value: string): string {
  return value.replace(/[\ue000-\ue0ff]+/g, (run) => new TextDecoder().decode(Uint8Array.from(run, (ch) => ch.charCodeAt(0) - 0xe000)));
}

function splitPosix(text: string): ShellCommand[] {
  const b = new Builder();
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      b.newline();
    } else if (c === '\\') {
      b.add(text[i + 1] ?? '');
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const value = end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      b.add(value);
      for (const ch of value) if (ch === '\n') b.newline();
      i = end < 0 ? text.length : end + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const { value, end, lines } = ansiC(text, i + 2);
      b.add(value);
      for (let n = 0; n < lines; n++) b.newline();
      i = end;
    } else if (c === '"') {
      let value = '';
      i += 1;
      while (i < text.length && text[i] !== '"') {
        // Inside double quotes a backslash escapes only these; elsewhere it is kept.
        if (text[i] === '\\' && '"\\$`\n'.includes(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') value += text[i + 1];
          else b.newline();
          i += 2;
        } else {
          if (text[i] === '\n') b.newline();
          value += text[i];
          i += 1;
        }
      }
      b.add(value);
      i += 1;
    } else if (c === '\n' || c === ';') {
      b.endCommand();
      if (c === '\n') b.newline();
      i += 1;
    } else if ((c === '&' && text[i + 1] === '&') || (c === '|' && text[i + 1] === '|')) {
      b.endCommand();
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      b.endWord();
      i += 1;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else {
      b.add(c);
      i += 1;
    }
  }
  b.endCommand();
  return b.commands;
}

/**
 * cmd.exe first: `^x` is a literal x, `^` at the end of a line joins the next (whose first
 * character is then literal, so `^` + newline + newline is a newline inside an argument). The
 * program then splits its command line by the C runtime's rules: "…" groups, \" is a quote.
 */
function splitCmd(text: string): ShellCommand[] {
  const b = new Builder();
  let quoted = false;
  let i = 0;
  const chars = unescapeCaret(text);
  while (i < chars.length) {
    const { c, literal } = chars[i]!;
    if (c === '') {
      i += 1;
      continue;
    }
    if (c === '\n' && literal) {
      b.add('\n');
      b.newline();
    } else if (c === '\n' && !literal && chars[i - 1]?.joined) {
      b.newline();
    } else if (c === '\\') {
      let n = 0;
      while (chars[i + n]?.c === '\\') n += 1;
      if (chars[i + n]?.c === '"') {
        b.add('\\'.repeat(Math.floor(n / 2)));
        if (n % 2 === 1) b.add('"');
        else quoted = !quoted;
        i += n + 1;
        continue;
      }
      // Browsers double every backslash for the C runtime, which keeps those not before a quote
      // as they are: halving them gives back what the browser showed.
      b.add('\\'.repeat(Math.ceil(n / 2)));
      i += n;
      continue;
    } else if (c === '"' && quoted && chars[i + 1]?.c === '"') {
      b.add('"');
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
      b.add('');
    } else if (quoted) {
      b.add(c);
      if (c === '\n') b.newline();
    } else if (c === '\n') {
      b.endCommand();
      b.newline();
    } else if (c === ' ' || c === '\t' || c === '\r') {
      b.endWord();
    } else if (c === '&' && !literal && chars[i + 1]?.c === '&') {
      b.endCommand();
      i += 1;
    } else {
      b.add(c);
    }
    i += 1;
  }
  b.endCommand();
  return b.commands;
}

interface CmdChar {
  c: string;
  /** Escaped by ^ (a newline so escaped belongs to the argument). */
  literal: boolean;
  /** A line break removed by a trailing ^ (counted for line numbers only). */
  joined?: boolean;
}

function unescapeCaret(text: string): CmdChar[] {
  const out: CmdChar[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '^') {
      out.push({ c, literal: false });
      continue;
    }
    const next = text[i + 1];
    if (next === '\r' && text[i + 2] === '\n') i += 1;
    if (text[i + 1] === '\n') {
      out.push({ c: '', literal: false, joined: true }, { c: '\n', literal: false });
      const after = text[i + 2];
      if (after === '\n' || after === '\r') {
        out.push({ c: '\n', literal: true });
        i += after === '\r' ? 3 : 2;
      } else i += 1;
      continue;
    }
    if (next !== undefined) out.push({ c: next, literal: true });
    i += 1;
  }
  return out;
}
