import type { IncomingMessage } from 'node:http';

export type BodyOutcome =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too_large'; received: number; declared: number | null }
  | { kind: 'stalled'; received: number; idleMs: number }
  | { kind: 'aborted'; received: number };

export interface ReadBodyOptions {
  limitBytes: number;
  /** A client that sends nothing for this long is answered 408. */
  idleTimeoutMs: number;
}

/**
 * Reads the raw body with a size limit and a stall timer. Never rejects: every way a body can end
 * is an outcome the receiver logs and answers.
 */
export function readBody(req: IncomingMessage, { limitBytes, idleTimeoutMs }: ReadBodyOptions): Promise<BodyOutcome> {
  const declaredHeader = req.headers['content-length'];
  const declared = declaredHeader === undefined ? null : Number(declaredHeader);
  if (declared !== null && declared > limitBytes) {
    return Promise.resolve({ kind: 'too_large', received: 0, declared });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('aborted', onAborted).off('error', onAborted);
      resolve(outcome);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ kind: 'stalled', received, idleMs: idleTimeoutMs }), idleTimeoutMs);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) return finish({ kind: 'too_large', received, declared });
      chunks.push(chunk);
      arm();
    };
    const onEnd = () =>
      finish({ kind: 'complete', body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received) });
    const onAborted = () => finish({ kind: 'aborted', received });
    req.on('data', onData).on('end', onEnd).on('aborted', onAborted).on('error', onAborted);
    arm();
  });
}
