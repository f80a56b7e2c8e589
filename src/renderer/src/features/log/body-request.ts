import { largeBodyOf, type LargeBody } from './body-rows';

/** Either fetch the event's body (HTTP: its answer is then decoded off the UI thread too) or format text handed over. */
export type BodyRequest = { kind: 'fetch'; url: string; token: string; id: number } | { kind: 'text'; text: string };
/** `stage` says whether the body never arrived (`load`: refused, an HTTP error, no host) or arrived and could not be prepared. */
export type BodyAnswer = { ok: true; body: LargeBody } | { ok: false; message: string; stage: BodyFailure };
export type BodyFailure = 'load' | 'prepare';

/** The body never arrived: the host refused the call, answered an error, or could not be reached. Not a body that fails to parse. */
export class BodyLoadError extends Error {
  override readonly name = 'BodyLoadError';
}

export const failureOf = (error: unknown): BodyFailure => (error instanceof BodyLoadError ? 'load' : 'prepare');

interface EventsGetAnswer {
  ok?: boolean;
  value?: { bodyText: string | null; bodyBase64: string };
  error?: { message?: string };
}

async function fetchBody(request: Extract<BodyRequest, { kind: 'fetch' }>): Promise<LargeBody> {
  let res: Response;
  try {
    res = await fetch(request.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: request.id, parsed: false, body: 'text' }),
      cache: 'no-store',
    });
  } catch (error) {
    throw new BodyLoadError(`the host could not be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  let answer: EventsGetAnswer;
  try {
    answer = (await res.json()) as EventsGetAnswer;
  } catch {
    answer = {};
  }
  if (answer.ok !== true || !answer.value) {
    const said = answer.error?.message;
    throw new BodyLoadError(said ? `${said} (HTTP ${res.status})` : `the host answered HTTP ${res.status} without the body`);
  }
  return largeBodyOf(answer.value.bodyText, answer.value.bodyBase64);
}

/** What the body worker does; also run in place where there are no workers. */
export function prepareBody(request: BodyRequest): Promise<LargeBody> {
  return request.kind === 'fetch' ? fetchBody(request) : Promise.resolve(largeBodyOf(request.text, ''));
}
