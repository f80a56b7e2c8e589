import type { IncomingMessage } from 'node:http';

export type BodyOutcome =
  /** `received` exceeds `body.length` when only the first `keepBytes` were kept. */
  | { kind: 'complete'; body: Buffer; received: number }
  | { kind: 'too_large'; received: number; declared: number | null }
  | { kind: 'stalled'; received: number; idleMs: number }
  /** The connection ended the request for us (deadline, malformed framing): answer `status`. */
  | { kind: 'interrupted'; body: Buffer; received: number; status: number; error: string }
  | { kind: 'aborted'; received: number };

/**
 * How the connection tells an in-flight body read that the request is over. `describe` words the
 * reason, knowing whether the body was already all there (the trouble is in the bytes after it);
 * the read then ends as complete, and the connection's rejection decides the answer.
 */
export interface Interruptible {
  interrupt: ((status: number, describe: (bodyComplete: boolean) => string) => string) | null;
}

export interface ReadBodyOptions {
  limitBytes: number;
  /** A client that sends nothing for this long is answered 408. */
  idleTimeoutMs: number;
  /** Bytes beyond this are counted and discarded, never held (unknown endpoints). */
  keepBytes?: number;
  /** Set while the read is in flight. */
  connection?: Interruptible;
}

/**
 * Reads the raw body with a size limit and a stall timer. Never rejects: every way a body can end
 * is an outcome the receiver logs and answers.
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<BodyOutcome> {
  const { limitBytes, idleTimeoutMs, keepBytes = Infinity, connection } = options;
  const declaredHeader = req.headers['content-length'];
  const declared = declaredHeader === undefined ? null : Number(declaredHeader);
  if (declared !== null && declared > limitBytes) {
    return Promise.resolve({ kind: 'too_large', received: 0, declared });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let kept = 0;
    let lastDataAt = Date.now();
    const finish = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      if (connection) connection.interrupt = null;
      req.off('data', onData).off('end', onEnd).off('aborted', onAborted).off('error', onAborted);
      resolve(outcome);
    };
    // One timer per request, re-armed only when it fires early: a chunk just stamps the time.
    const onTimer = () => {
      const quiet = Date.now() - lastDataAt;
      if (quiet >= idleTimeoutMs) return finish({ kind: 'stalled', received, idleMs: idleTimeoutMs });
      timer = setTimeout(onTimer, idleTimeoutMs - quiet);
    };
    let timer = setTimeout(onTimer, idleTimeoutMs);
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) return finish({ kind: 'too_large', received, declared });
      lastDataAt = Date.now();
      if (kept >= keepBytes) return;
      const part = kept + chunk.length > keepBytes ? chunk.subarray(0, keepBytes - kept) : chunk;
      chunks.push(part);
      kept += part.length;
    };
    const bodySoFar = () => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, kept));
    const onEnd = () => finish({ kind: 'complete', body: bodySoFar(), received });
    const onAborted = () => finish({ kind: 'aborted', received });
    req.on('data', onData).on('end', onEnd).on('aborted', onAborted).on('error', onAborted);
    if (connection) {
      connection.interrupt = (status, describe) => {
        const complete = declared !== null && received >= declared;
        const error = describe(complete);
        finish(complete ? { kind: 'complete', body: bodySoFar(), received } : { kind: 'interrupted', body: bodySoFar(), received, status, error });
        return error;
      };
    }
  });
}
