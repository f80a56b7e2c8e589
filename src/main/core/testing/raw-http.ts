import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** Everything the server sent, as latin1. */
  text: string;
  /** The status of each answer, in order. */
  statuses: number[];
  /** The `event_id` of each JSON answer that carried one. */
  eventIds: number[];
  /** Each answer's status with its `event_id` (null when it carried none). */
  answers: Array<{ status: number; eventId: number | null }>;
  /** The server neither answered fully nor closed within the time allowed. */
  timedOut: boolean;
}

export interface RawOptions {
  /** Source address (e.g. 127.0.0.2, to look like another machine on loopback). */
  localAddress?: string;
  /** Gives up (destroying the socket) after this long; the answer so far is returned. */
  timeoutMs?: number;
  /** Half-close after writing (signals the end of what is sent). */
  end?: boolean;
}

type Step = string | Buffer | { waitMs: number };

/**
 * Sends bytes no HTTP client would (broken framing, trickles, pipelines) over a plain socket and
 * collects what comes back until the server closes the connection.
 */
export function rawExchange(port: number, steps: Step[] | ((socket: Socket) => Promise<void>), options: RawOptions = {}): Promise<RawExchange> {
  const { timeoutMs = 10_000, end = false } = options;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1', ...(options.localAddress ? { localAddress: options.localAddress } : {}) });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ ...parseAnswers(Buffer.concat(chunks).toString('latin1')), timedOut });
    });
    socket.on('connect', () => {
      const run = typeof steps === 'function' ? steps(socket) : writeSteps(socket, steps);
      void run.then(() => {
        if (end && !socket.destroyed) socket.end();
      }, () => socket.destroy());
    });
  });
}

async function writeSteps(socket: Socket, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if (socket.destroyed) return;
    if (typeof step === 'object' && !Buffer.isBuffer(step)) await new Promise((r) => setTimeout(r, step.waitMs));
    else socket.write(step);
  }
}

export function parseAnswers(text: string): Omit<RawExchange, 'timedOut'> {
  const answers = text
    .split(/(?=HTTP\/1\.1 \d{3} )/)
    .filter((part) => part.startsWith('HTTP/1.1 '))
    .map((part) => {
      const id = /"event_id":(\d+)/.exec(part);
      return { status: Number(part.slice(9, 12)), eventId: id ? Number(id[1]) : null };
    });
  const statuses = answers.map((a) => a.status);
  const eventIds = answers.flatMap((a) => (a.eventId === null ? [] : [a.eventId]));
  return { text, statuses, eventIds, answers };
}

/** A complete request as text. */
export function rawRequest(method: string, path: string, body = '', headers: Record<string, string> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: inlet.test'];
  const all = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers };
  for (const [k, v] of Object.entries(all)) if (v !== '') lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
