import type { ApiClient } from '../../../../shared/api/client';
import type { EventDetail } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { BodyRequest } from './body-request';
import { decodeInSlices, LARGE_BODY_CHARS, type LargeBody } from './body-rows';
import { loadLargeBody, offThreadBodyRequest } from './large-body-loader';

/**
 * A large body loaded apart from its event: the detail shows at once without it, a worker fetches,
 * decodes and formats it, and the UI thread only decodes the rows on screen.
 */
export interface DeferredBody {
  eventId: number;
  status: 'loading' | 'ready' | 'error';
  body: LargeBody | null;
  error: string | null;
  /** Whether the detail's bodyText/bodyBase64 hold the whole body yet; commands that send or copy it wait for this. */
  complete: boolean;
}

interface DetailState {
  detail: EventDetail | null;
  detailBody: DeferredBody | null;
}

interface Access {
  get(): DetailState;
  set(partial: Partial<DetailState>): void;
}

/**
 * The detail to show for event `id`. Over HTTP a body that is (or may be) large is left out and a
 * worker is asked for it (`deferred`); otherwise the body comes as text with the detail.
 */
export async function fetchDetailForView(api: ApiClient, id: number, knownBodySize: number | undefined): Promise<{ detail: EventDetail; deferred: BodyRequest | null }> {
  const request = offThreadBodyRequest(id);
  if (request === null || (knownBodySize !== undefined && knownBodySize <= LARGE_BODY_CHARS)) {
    return { detail: await api.call('events.get', { id, parsed: false, body: 'text' }), deferred: null };
  }
  const detail = await api.call('events.get', { id, parsed: false, body: 'none' });
  if (detail.bodySize > LARGE_BODY_CHARS) return { detail, deferred: request };
  if (detail.bodySize === 0) return { detail, deferred: null };
  return { detail: await api.call('events.get', { id, parsed: false, body: 'text' }), deferred: null };
}

/** Loads event `id`'s body in a worker into `detailBody`, then its whole text into the detail, a slice per task. Returns a stop. */
export function startDeferredBody(id: number, request: BodyRequest, { get, set }: Access): () => void {
  const load = loadLargeBody(request);
  const abort = new AbortController();
  const current = () => !abort.signal.aborted && get().detail?.id === id;
  set({ detailBody: { eventId: id, status: 'loading', body: null, error: null, complete: false } });
  void (async () => {
    let body: LargeBody;
    try {
      body = await load.promise;
    } catch (error) {
      if (current()) set({ detailBody: { eventId: id, status: 'error', body: null, error: describeError(error), complete: false } });
      return;
    }
    if (!current()) return;
    set({ detailBody: { eventId: id, status: 'ready', body, error: null, complete: false } });
    let text: string;
    try {
      text = await decodeInSlices(body.raw.bytes, abort.signal);
    } catch {
      return;
    }
    const detail = get().detail;
    if (!current() || !detail) return;
    set({
      detail: { ...detail, bodyText: body.kind === 'text' ? text : null, bodyBase64: body.kind === 'binary' ? text : '' },
      detailBody: { eventId: id, status: 'ready', body, error: null, complete: true },
    });
  })();
  return () => {
    abort.abort();
    load.cancel();
  };
}
