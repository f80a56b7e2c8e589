import type { ApiClient } from '../../shared/api/client';
import type { EventDetail } from '../../shared/domain/event';
import { describeFailure } from '../errors';
import { checkEvent, checkState, field, type Mismatch } from './expect';
import { importFile, postToReceiver, sendFile, type ImportCounts, type Logged } from './file-steps';
import type { LoadedScenario } from './load';
import { prepareScenario, type Prepared } from './prepare';
import type { ScenarioStep } from './schema';

export interface StepResult {
  index: number;
  name: string;
  passed: boolean;
  eventId: number | null;
  /** What Inlet's receiver answered (null when the step failed before sending). */
  status: number | null;
  /** An import step: what it imported (its last event is `eventId`). */
  imported?: ImportCounts & { events: number[] };
  durationMs: number;
  failures: Mismatch[];
  /** `file:line:col` of the step, for messages. */
  at: string;
}

export interface ScenarioResult {
  file: string;
  name: string;
  passed: boolean;
  durationMs: number;
  steps: StepResult[];
}

interface Performed {
  /** The events the step logged (an import's, or their replays), in order. */
  events: Logged[];
  counts?: ImportCounts;
}

export const stepName = (step: ScenarioStep, index: number): string => {
  if (step.name) return step.name;
  if (step.send) return `send ${step.send.source} ${step.send.sample}`;
  if (step.raw) return `raw ${step.raw.method} to ${step.raw.source}`;
  if (step.sendFile) return `send ${step.sendFile.path} to ${step.sendFile.source}`;
  if (step.import) return `import ${step.import.path} into ${step.import.source}${step.import.replay === false ? '' : ' and replay'}`;
  return `replay step ${String(step.replay?.step ?? index)}`;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The event once the processor has taken it (its action runs written), or as it stands after 10 s. */
async function processed(client: ApiClient, id: number): Promise<EventDetail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const event = await client.call('events.get', { id });
    if (event.processing !== 'pending' || Date.now() > deadline) return event;
    await sleep(50);
  }
}

const asText = (body: unknown): string => (typeof body === 'string' ? body : JSON.stringify(body));

async function perform(prepared: Prepared, loaded: LoadedScenario, step: ScenarioStep, done: readonly StepResult[]): Promise<Performed> {
  const { client, environment } = prepared;
  const steps = loaded.scenario.steps;
  if (step.send) {
    const { sourceId, sampleId } = prepared.sample(step.send.source, step.send.sample);
    const result = await client.call('events.sendTest', {
      sourceId,
      environment,
      sample: { sampleId },
      overrides: Object.entries(step.send.set).map(([path, value]) => ({ path, value })),
      ...(step.send.body === undefined ? {} : { body: asText(step.send.body) }),
    });
    return { events: [{ id: result.event.id, status: result.status }] };
  }
  if (step.raw) {
    const { source, method, headers, query, body } = step.raw;
    const typed = { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers };
    return { events: [await postToReceiver(prepared, source, { method, headers: typed, query, body: asText(body) })] };
  }
  if (step.sendFile) return { events: [await sendFile(prepared, loaded, step.sendFile)] };
  if (step.import) return importFile(prepared, loaded, step.import);
  const replay = step.replay!;
  const target = typeof replay.step === 'number' ? done[replay.step - 1] : done.find((d) => steps[d.index]?.name === replay.step);
  if (!target?.eventId) throw new Error(`step "${String(replay.step)}" has not run before this one, or logged no event`);
  const event = await client.call('events.replay', {
    id: target.eventId,
    mode: replay.ignoreVerification ? 'ignore_verification' : 'as_is',
    respectIdempotency: replay.respectIdempotency,
  });
  return { events: [{ id: event.id, status: event.responseStatus }] };
}

/** An import's counts, then each event's own expectations (named by event when there are several). */
async function checkEvents(prepared: Prepared, step: ScenarioStep, performed: Performed): Promise<Mismatch[]> {
  const { expect } = step;
  const found: Mismatch[] = [];
  if (performed.counts) {
    for (const key of ['imported', 'skipped', 'failed'] as const) {
      const extra = key === 'failed' && performed.counts.errors.length > 0 ? ` (${performed.counts.errors.slice(0, 3).join('; ')})` : '';
      found.push(...field(['expect', key], expect[key], performed.counts[key]).map((m) => ({ ...m, message: m.message + extra })));
    }
  }
  const perEvent = (['status', 'verification', 'eventType', 'origin', 'actions', 'actionRuns'] as const).some((k) => expect[k] !== undefined);
  if (perEvent && performed.events.length === 0) found.push({ path: 'expect', message: 'no event was logged to check', expected: expect, actual: null });
  for (const logged of performed.events) {
    const event = await processed(prepared.client, logged.id);
    const own = checkEvent(expect, logged.status ?? event.responseStatus, event);
    found.push(...(performed.events.length > 1 ? own.map((m) => ({ ...m, message: `event ${logged.id}: ${m.message}` })) : own));
  }
  return found;
}

async function runStep(prepared: Prepared, loaded: LoadedScenario, index: number, done: readonly StepResult[]): Promise<StepResult> {
  const step = loaded.scenario.steps[index]!;
  const started = performance.now();
  const base = { index, name: stepName(step, index), at: loaded.at(['steps', index]) };
  let performed: Performed = { events: [] };
  let failures: Mismatch[];
  try {
    performed = await perform(prepared, loaded, step, done);
    failures = await checkEvents(prepared, step, performed);
    // Workspace records and deliveries can follow the event by a moment: asked again until `within`.
    const last = performed.events.at(-1)?.id ?? null;
    const deadline = Date.now() + step.within;
    let state = await checkState(prepared.client, step.expect, prepared.environment, last);
    while (state.length > 0 && Date.now() < deadline) {
      await sleep(100);
      state = await checkState(prepared.client, step.expect, prepared.environment, last);
    }
    failures = [...failures, ...state];
  } catch (error) {
    failures = [{ path: base.name, message: describeFailure(error).message }];
  }
  const last = performed.events.at(-1);
  return {
    ...base,
    eventId: last?.id ?? null,
    status: last?.status ?? null,
    ...(performed.counts ? { imported: { ...performed.counts, events: performed.events.map((e) => e.id) } } : {}),
    passed: failures.length === 0,
    durationMs: Math.round(performance.now() - started),
    failures,
  };
}

/** Connects the scenario's sources, then runs its steps in order; `onStep` hears each result as it comes. */
export async function runScenario(
  client: ApiClient,
  receiverUrl: string,
  loaded: LoadedScenario,
  onStep: (result: StepResult) => void,
): Promise<ScenarioResult> {
  const started = performance.now();
  const prepared = await prepareScenario(client, receiverUrl, loaded);
  const results: StepResult[] = [];
  for (let i = 0; i < loaded.scenario.steps.length; i++) {
    const result = await runStep(prepared, loaded, i, results);
    results.push(result);
    onStep(result);
  }
  return {
    file: loaded.file,
    name: loaded.name,
    passed: results.every((r) => r.passed),
    durationMs: Math.round(performance.now() - started),
    steps: results,
  };
}
