import type { ApiClient } from '../../shared/api/client';
import type { EventDetail } from '../../shared/domain/event';
import { describeFailure } from '../errors';
import { checkEvent, checkState, type Mismatch } from './expect';
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

interface Sent {
  status: number;
  eventId: number;
}

export const stepName = (step: ScenarioStep, index: number): string => {
  if (step.name) return step.name;
  if (step.send) return `send ${step.send.source} ${step.send.sample}`;
  if (step.raw) return `raw ${step.raw.method} to ${step.raw.source}`;
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

async function sendRaw(prepared: Prepared, step: NonNullable<ScenarioStep['raw']>): Promise<Sent> {
  const url = `${prepared.endpoint(step.source)}${step.query ? `?${step.query.replace(/^\?/, '')}` : ''}`;
  const headers = { 'content-type': typeof step.body === 'string' ? 'text/plain' : 'application/json', ...step.headers };
  const response = await fetch(url, { method: step.method, headers, body: asText(step.body) });
  const answer: unknown = await response.json().catch(() => null);
  const eventId = typeof answer === 'object' && answer !== null && 'event_id' in answer ? answer.event_id : undefined;
  if (typeof eventId !== 'number') throw new Error(`The receiver answered ${response.status} without logging an event`);
  return { status: response.status, eventId };
}

async function perform(prepared: Prepared, step: ScenarioStep, done: readonly StepResult[], steps: readonly ScenarioStep[]): Promise<Sent> {
  const { client, environment } = prepared;
  if (step.send) {
    const { sourceId, sampleId } = prepared.sample(step.send.source, step.send.sample);
    const result = await client.call('events.sendTest', {
      sourceId,
      environment,
      sample: { sampleId },
      overrides: Object.entries(step.send.set).map(([path, value]) => ({ path, value })),
      ...(step.send.body === undefined ? {} : { body: asText(step.send.body) }),
    });
    return { status: result.status, eventId: result.event.id };
  }
  if (step.raw) return sendRaw(prepared, step.raw);
  const replay = step.replay!;
  const target = typeof replay.step === 'number' ? done[replay.step - 1] : done.find((d) => steps[d.index]?.name === replay.step);
  if (!target?.eventId) throw new Error(`step "${String(replay.step)}" has not run before this one, or logged no event`);
  const event = await client.call('events.replay', {
    id: target.eventId,
    mode: replay.ignoreVerification ? 'ignore_verification' : 'as_is',
    respectIdempotency: replay.respectIdempotency,
  });
  return { status: event.responseStatus, eventId: event.id };
}

async function runStep(prepared: Prepared, loaded: LoadedScenario, index: number, done: readonly StepResult[]): Promise<StepResult> {
  const steps = loaded.scenario.steps;
  const step = steps[index]!;
  const started = performance.now();
  const base = { index, name: stepName(step, index), at: loaded.at(['steps', index]) };
  let eventId: number | null = null;
  let status: number | null = null;
  let failures: Mismatch[];
  try {
    const sent = await perform(prepared, step, done, steps);
    eventId = sent.eventId;
    status = sent.status;
    const event = await processed(prepared.client, sent.eventId);
    failures = checkEvent(step.expect, sent.status, event);
    // Workspace records and deliveries can follow the event by a moment: asked again until `within`.
    const deadline = Date.now() + step.within;
    let state = await checkState(prepared.client, step.expect, prepared.environment, sent.eventId);
    while (state.length > 0 && Date.now() < deadline) {
      await sleep(100);
      state = await checkState(prepared.client, step.expect, prepared.environment, sent.eventId);
    }
    failures = [...failures, ...state];
  } catch (error) {
    failures = [{ path: base.name, message: describeFailure(error).message }];
  }
  return { ...base, eventId, status, passed: failures.length === 0, durationMs: Math.round(performance.now() - started), failures };
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
