import autocannon from 'autocannon';

/** Longest run whose bodies, all signed at its start, stay inside Stripe's 300 s tolerance with room to spare. */
const MAX_DURATION_S = 240;

/**
 * One autocannon run against `url`: every connection cycles through the current signed bodies.
 *
 * The requests are built once per run, not per request. With a `setupRequest` that handed each
 * request the next body, autocannon rebuilt the whole request every time, and on these two cores
 * the generator itself became the limit: 51–86 µs of CPU per request, the bare `node:http` ceiling
 * held to 12,000–20,000 req/s. Built once, the same 32 bodies cost it ~25 µs and the ceiling
 * answers ~35,000 (bench/NOTES.md, session 12).
 */
/** autocannon's requests for the bodies as last signed: each built once, sent in turn on every connection. */
export function signedRequests(bodies) {
  return bodies.current().map(({ body, signature }) => ({
    body,
    headers: { 'content-type': 'application/json', 'user-agent': 'inlet-bench', 'stripe-signature': signature },
  }));
}

export async function load(url, bodies, { connections, durationS }) {
  if (durationS > MAX_DURATION_S) throw new Error(`a run of ${durationS} s would outlive its bodies' signatures (at most ${MAX_DURATION_S} s)`);
  const result = await autocannon({ url, connections, duration: durationS, method: 'POST', requests: signedRequests(bodies) });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
}
