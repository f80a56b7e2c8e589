import { largeBodyOf, type LargeBody } from './body-rows';

/** Either fetch the event's body (HTTP: its answer is then decoded off the UI thread too) or format text handed over. */
export type BodyRequest = { kind: 'fetch'; url: string; token: string; id: number } | { kind: 'text'; text: string };
export type BodyAnswer = { ok: true; body: LargeBody } | { ok: false; message: string };

interface EventsGetAnswer {
  ok?: boolean;
  value?: { bodyText: string | null; bodyBase64: string };
  error?: { message?: string };
}

async function fetchBody(request: Extract<BodyRequest, { kind: 'fetch' }>): Promise<LargeBody> {
  const res = await fetch(request.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: request.id, parsed: false, body: 'text' }),
    cache: 'no-store',
  });
  let answer: EventsGetAnswer;
  try {
    answer = (await res.json()) as EventsGetAnswer;
  } catch {
    answer = {};
  }
  if (answer.ok !== true || !answer.value) throw new Error(answer.error?.message ?? `The host answered ${res.status} without the body.`);
  return largeBodyOf(answer.value.bodyText, answer.value.bodyBase64);
}

/** What the body worker does; also run in place where there are no workers. */
export function prepareBody(request: BodyRequest): Promise<LargeBody> {
  return request.kind === 'fetch' ? fetchBody(request) : Promise.resolve(largeBodyOf(request.text, ''));
}
