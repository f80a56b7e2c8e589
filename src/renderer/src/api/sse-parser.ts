/** One dispatched Server-Sent Event. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental parser for the `text/event-stream` format (WHATWG HTML §9.2.6), fed with text
 * chunks as they arrive. EventSource would do this for us, but it cannot send an Authorization header.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): { push(chunk: string): void } {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  // A chunk may end between the \r and \n of one line break.
  let skipLeadingLf = false;

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: eventName || 'message', data: data.join('\n') });
    eventName = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk) {
      buffer += chunk;
      if (skipLeadingLf && buffer.startsWith('\n')) buffer = buffer.slice(1);
      skipLeadingLf = false;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) return;
        if (match[0] === '\r' && match.index === buffer.length - 1) skipLeadingLf = true;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
  };
}
