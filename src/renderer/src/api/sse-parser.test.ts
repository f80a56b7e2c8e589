import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse-parser';

const parseAll = (chunks: string[]): SseEvent[] => {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  chunks.forEach((c) => parser.push(c));
  return events;
};

describe('SSE parser', () => {
  it('reads named events and skips comments such as pings', () => {
    expect(parseAll([': connected\n\nevent: events.received\ndata: {"id":1}\n\n: ping\n\n'])).toEqual([
      { event: 'events.received', data: '{"id":1}' },
    ]);
  });

  it('assembles an event split across arbitrary chunk boundaries', () => {
    const text = 'event: config.changed\ndata: {"what":"sources"}\n\n';
    const chunks = text.split('').map((c) => c);
    expect(parseAll(chunks)).toEqual([{ event: 'config.changed', data: '{"what":"sources"}' }]);
  });

  it('handles CRLF and a CR/LF pair split between chunks', () => {
    expect(parseAll(['event: a\r', '\ndata: 1\r\n\r', '\n'])).toEqual([{ event: 'a', data: '1' }]);
  });

  it('joins multi-line data with newlines and defaults the name to "message"', () => {
    expect(parseAll(['data: one\ndata:two\n\n'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('does not dispatch an event that is still incomplete', () => {
    expect(parseAll(['event: a\ndata: 1\n'])).toEqual([]);
  });

  it('resets the event name after each event', () => {
    expect(parseAll(['event: a\ndata: 1\n\ndata: 2\n\n'])).toEqual([
      { event: 'a', data: '1' },
      { event: 'message', data: '2' },
    ]);
  });
});
