/** A minimal client of the control API (`POST /api/<method>`, `{ok, value}` answers). */
export function controlApi({ controlUrl, token }) {
  return async function call(method, input = {}) {
    const response = await fetch(`${controlUrl}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    let result;
    try {
      result = JSON.parse(text);
    } catch {
      throw new Error(`${method}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (!result.ok) throw new Error(`${method}: ${result.error?.code}: ${result.error?.message}`);
    return result.value;
  };
}

/**
 * Counts the source's logged events by paging `events.list` (keyset, newest first), tallied by
 * verification result and HTTP status — so "no event lost" and "they really verified" are both checked.
 */
export async function countEvents(call, sourceId) {
  const tally = { total: 0, byVerification: {}, byStatus: {} };
  let cursor;
  for (;;) {
    const page = await call('events.list', { sourceId, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    for (const e of page.items) {
      tally.total++;
      tally.byVerification[e.verification] = (tally.byVerification[e.verification] ?? 0) + 1;
      tally.byStatus[e.responseStatus] = (tally.byStatus[e.responseStatus] ?? 0) + 1;
    }
    if (page.nextCursor === null || page.items.length === 0) return tally;
    cursor = page.nextCursor;
  }
}
