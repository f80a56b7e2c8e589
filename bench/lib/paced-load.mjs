import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * Open-loop load at a steady rate: request k is due at start + k/rate, whatever the answers before
 * it did, and its latency counts from when it was due (so a stall is charged to every request it
 * held back: no coordinated omission). autocannon can't do this: its `overallRate` sends each
 * second's quota back to back and then waits for the next second, so its "fixed rate" is a
 * saturating burst every second; and it pads the histogram with synthetic samples
 * (`recordValueWithExpectedInterval`) instead.
 *
 * Requests go out on `connections` keep-alive sockets; a due request waits for a free one. Answers
 * must carry Content-Length or be chunked.
 */
export async function pacedLoad(url, bodies, { rate, durationS, connections = 50 }) {
  const target = new URL(url);
  const total = Math.round(rate * durationS);
  const latencies = new Float64Array(total);
  const statuses = new Map();
  let sent = 0;
  let done = 0;
  let errors = 0;
  let closedEarly = 0;
  let ended = false;
  const backlog = [];
  const idle = [];
  const all = [];
  const start = performance.now() + 20;
  const dueAt = (k) => start + (k * 1000) / rate;

  const request = (body, signature) =>
    Buffer.from(
      `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\n` +
        `User-Agent: inlet-bench\r\nStripe-Signature: ${signature}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );

  const finished = new Promise((resolve, reject) => {
    const finish = () => {
      if (done + errors === total) resolve();
    };
    const open = () => {
      const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
      const conn = { socket, buffered: Buffer.alloc(0), due: 0, waiting: false };
      all.push(conn);
      socket.on('connect', () => release(conn));
      socket.on('data', (chunk) => {
        conn.buffered = conn.buffered.length === 0 ? chunk : Buffer.concat([conn.buffered, chunk]);
        const headEnd = conn.buffered.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = conn.buffered.subarray(0, headEnd).toString('latin1');
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        let end;
        if (length) end = headEnd + 4 + Number(length[1]);
        else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
          const last = conn.buffered.indexOf('\r\n0\r\n\r\n', headEnd);
          if (last < 0) return;
          end = last + 7;
        } else return reject(new Error(`paced load: an answer with neither Content-Length nor chunks: ${head.split('\r\n')[0]}`));
        if (conn.buffered.length < end) return;
        if (conn.buffered.length > end) return reject(new Error('paced load: more bytes than one answer (pipelining is not used)'));
        conn.buffered = Buffer.alloc(0);
        conn.waiting = false;
        const status = head.slice(9, 12);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        latencies[done] = performance.now() - conn.due;
        done += 1;
        finish();
        release(conn);
      });
      socket.on('error', () => {});
      // A connection closed under a request (or idle: a request sent on it later would be lost)
      // counts its request as an error, and a new connection takes its place.
      socket.on('close', () => {
        const idleAt = idle.indexOf(conn);
        if (idleAt >= 0) idle.splice(idleAt, 1);
        if (conn.waiting) {
          closedEarly += 1;
          errors += 1;
          finish();
        }
        if (!ended) open();
      });
    };
    for (let i = 0; i < connections; i++) open();
  });

  const send = (conn, due) => {
    conn.due = due;
    conn.waiting = true;
    const { body, signature } = bodies.take();
    conn.socket.write(request(body, signature));
  };
  function release(conn) {
    const due = backlog.shift();
    if (due === undefined) idle.push(conn);
    else send(conn, due);
  }

  // A tick every millisecond sends what is due by then: at most rate/1000 at once.
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && dueAt(sent) <= now) {
        const due = dueAt(sent);
        sent += 1;
        const conn = idle.pop();
        if (conn) send(conn, due);
        else backlog.push(due);
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, 1);
  });
  const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  await Promise.race([finished, deadline]);
  ended = true;
  for (const conn of all) conn.socket.destroy();

  const sorted = [...latencies.subarray(0, done)].sort((a, b) => a - b);
  const at = (q) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return {
    rate,
    sent,
    done,
    errors,
    closedEarly,
    lost: total - done - errors,
    statuses: Object.fromEntries(statuses),
    p50: at(0.5),
    p99: at(0.99),
    p999: at(0.999),
    max: sorted.at(-1) ?? NaN,
  };
}
