import { failureOf, prepareBody, type BodyAnswer, type BodyRequest } from './body-request';

/** Fetches, decodes and pretty-prints a large body away from the UI thread, and hands back its rows as transferred bytes. */
self.onmessage = async (message: MessageEvent<BodyRequest>) => {
  let answer: BodyAnswer;
  try {
    answer = { ok: true, body: await prepareBody(message.data) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error), stage: failureOf(error) };
  }
  const transfer = answer.ok ? [answer.body.raw, answer.body.pretty].flatMap((rows) => (rows ? [rows.bytes.buffer, rows.starts.buffer] : [])) : [];
  self.postMessage(answer, { transfer });
};
