import type { Chunks } from './entry';

export interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

/** Lines of a chunked text (\n or \r\n), numbered; only the line being read is held. */
export async function* readLines(chunks: Chunks): AsyncGenerator<Line> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      line += 1;
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: rest.slice(start, end), line };
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest !== '') yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: line + 1 };
}

/**
 * The start of a text (up to `chars`) and the whole text again as chunks. It waits for more only
 * while it has less than `enough`: a client streaming parts may not send the next one until this
 * one was taken.
 */
export async function peek(chunks: Chunks, chars = 64 * 1024, enough = 256): Promise<{ head: string; all: AsyncIterable<string> }> {
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks)) as AsyncIterator<string>;
  const taken: string[] = [];
  let size = 0;
  let ended = false;
  while (size < enough) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    taken.push(next.value);
    size += next.value.length;
  }
  const head = taken.join('').slice(0, chars);
  async function* all(): AsyncGenerator<string> {
    try {
      yield* taken;
      taken.length = 0;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (cancel, a bad file) closes the source, e.g. the file stream.
      if (!ended) await iterator.return?.();
    }
  }
  return { head, all: all() };
}

async function* toAsyncGen(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}
const toAsync = (chunks: Iterable<string>): AsyncIterator<string> => toAsyncGen(chunks)[Symbol.asyncIterator]();

/** The whole text, refused past `max` characters (formats that need it all, like cURL). */
export async function readAll(chunks: Chunks, max: number): Promise<string | null> {
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) return null;
    parts.push(chunk);
  }
  return parts.join('');
}
