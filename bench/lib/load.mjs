import autocannon from 'autocannon';

/** One autocannon run against `url`, each request carrying the next signed body. */
export async function load(url, bodies, { connections, durationS }) {
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'inlet-bench' },
    requests: [
      {
        setupRequest(request) {
          const { body, signature } = bodies.take();
          request.body = body;
          request.headers = { ...request.headers, 'stripe-signature': signature };
          return request;
        },
      },
    ],
  });
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
