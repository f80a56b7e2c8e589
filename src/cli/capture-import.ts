import type { ApiClient } from '../shared/api/client';
import type { CaptureFormat, CaptureProgress } from '../shared/api/contract-captures';
import { progressBar } from './progress';

/** Parts of standard input sent per `captures.append`. */
const PART = 1024 * 1024;

/** Standard input, part by part, each sent once the import took the one before. */
async function streamStdin(client: ApiClient, jobId: string): Promise<void> {
  process.stdin.setEncoding('utf8');
  let pending = '';
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    pending += chunk;
    if (pending.length < PART) continue;
    if (!(await client.call('captures.append', { jobId, text: pending })).accepted) return;
    pending = '';
  }
  await client.call('captures.append', { jobId, text: pending, end: true });
}

/** Starts the import and follows its progress pushes to the end. */
export async function runImport(client: ApiClient, input: { sourceId: string; environment: string; format?: CaptureFormat; select?: number[]; path?: string }): Promise<CaptureProgress> {
  const bar = progressBar('Importing');
  let jobId: string | null = null;
  const early: CaptureProgress[] = [];
  let settle: (p: CaptureProgress) => void = () => {};
  const ended = new Promise<CaptureProgress>((r) => (settle = r));
  const onProgress = (p: CaptureProgress) => {
    if (p.total !== null) bar.update(Math.min(p.read, p.total), p.total);
    if (p.state !== 'running') settle(p);
  };
  // Subscribed before starting: a small import can end before `captures.import` answers.
  const off = client.on('captures.progress', (p) => (jobId === null ? early.push(p) : p.jobId === jobId && onProgress(p)));
  try {
    const job = await client.call('captures.import', input.path === undefined ? { ...input, streamed: true } : input);
    jobId = job.jobId;
    early.filter((p) => p.jobId === job.jobId).forEach(onProgress);
    if (input.path === undefined) await streamStdin(client, job.jobId);
    return await ended;
  } finally {
    off();
    bar.stop();
  }
}

