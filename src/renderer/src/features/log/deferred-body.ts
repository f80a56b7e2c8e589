import type { ApiClient } from '../../../../shared/api/client';
import type { EventDetail } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import { failureOf, type BodyFailure, type BodyRequest } from './body-request';
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
  /** With an error: the body never arrived (`load`: refused, an HTTP error, no host) or arrived and could not be prepared. */
  failure: BodyFailure | null;
  /** With a load error: asks for the body again (the detail stays). */
  retry: (() => void) | null;
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
  const abort = new AbortController();
  const current = () => !abort.signal.aborted && get().detail?.id === id;
  const state = (patch: Partial<DeferredBody>): DeferredBody => ({ eventId: id, status: 'loading', body: null, error: null, failure: null, retry: null, complete: false, ...patch });
  let cancel = () => {};

  const run = async () => {
    if (abort.signal.aborted) return;
    const load = loadLargeBody(request);
    cancel = load.cancel;
    set({ detailBody: state({}) });
    let body: LargeBody;
    try {
      body = await load.promise;
    } catch (error) {
      const failure = failureOf(error);
      // Only a body that never arrived is worth asking for again; one that arrived and can't be prepared would fail the same way.
      if (current()) set({ detailBody: state({ status: 'error', error: describeError(error), failure, retry: failure === 'load' ? () => void run() : null }) });
      return;
    }
    if (!current()) return;
    set({ detailBody: state({ status: 'ready', body }) });
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
      detailBody: state({ status: 'ready', body, complete: true }),
    });
  };
  void run();
  return () => {
    abort.abort();
    cancel();
  };
}
