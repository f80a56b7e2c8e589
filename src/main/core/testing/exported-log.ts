import { Writable } from 'node:stream';
import type { LogExportRequestInput, LogExportSummary } from '../../../shared/domain/log-export';
import type { TestCore } from './test-core';

/** A writable that keeps what it is given, as text, and how many writes it took. */
export function textSink(): { out: Writable; text: () => string; chunks: () => number } {
  const parts: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk.toString('utf8'));
      done();
    },
  });
  return { out, text: () => parts.join(''), chunks: () => parts.length };
}

/** Runs a log export of the core into memory; a refused export throws with its message. */
export async function exportedLog(t: TestCore, input: LogExportRequestInput): Promise<{ text: string; summary: LogExportSummary; chunks: number }> {
  const sink = textSink();
  const result = await t.core.exportLog(input, sink.out);
  if (!result.ok) throw new Error(result.error.message);
  return { text: sink.text(), summary: result.value, chunks: sink.chunks() };
}
