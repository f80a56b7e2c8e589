import { useEffect, useMemo, useState } from 'react';
import { formatBody, LARGE_BODY_CHARS, rowStarts, type FormattedBody } from './body-lines';

/** Starts the formatting worker; null where workers don't exist (unit tests), which formats in place. */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./body-format.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The body formatted for drawing: at once for a small body; for a large one, null until a worker
 * has done it. A newer body (or closing the view) terminates the worker, so a stale result never lands.
 */
export function useFormattedBody(text: string): FormattedBody | null {
  const large = text.length > LARGE_BODY_CHARS;
  const small = useMemo(() => (large ? null : formatBody(text)), [large, text]);
  const [done, setDone] = useState<{ text: string; body: FormattedBody } | null>(null);

  useEffect(() => {
    if (!large) return;
    const worker = startWorker();
    if (!worker) {
      setDone({ text, body: formatBody(text) });
      return;
    }
    worker.onmessage = (message: MessageEvent<FormattedBody>) => {
      setDone({ text, body: message.data });
      worker.terminate();
    };
    // A worker that fails (it should not) leaves the body raw rather than spinning forever.
    worker.onerror = () => {
      setDone({ text, body: { pretty: null, prettyStarts: null, rawStarts: rowStarts(text) } });
      worker.terminate();
    };
    worker.postMessage(text);
    return () => worker.terminate();
  }, [large, text]);

  if (!large) return small;
  return done !== null && done.text === text ? done.body : null;
}
