import { useEffect, useState } from 'react';
import type { LargeBody } from './body-rows';
import { loadLargeBody } from './large-body-loader';

/**
 * A large body already in hand as text (the desktop app's IPC answers arrive decoded) made ready to
 * draw by a worker; null until then. A newer body (or closing the view) stops the worker, so a
 * stale result never lands.
 */
export function useLargeBodyOf(text: string | null): { body: LargeBody | null; error: string | null } {
  const [done, setDone] = useState<{ text: string; body: LargeBody | null; error: string | null } | null>(null);

  useEffect(() => {
    if (text === null) return;
    const load = loadLargeBody({ kind: 'text', text });
    load.promise.then(
      (body) => setDone({ text, body, error: null }),
      (error: unknown) => setDone({ text, body: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => load.cancel();
  }, [text]);

  return done !== null && done.text === text ? done : { body: null, error: null };
}
