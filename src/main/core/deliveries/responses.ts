import { DEFAULT_RESPONSE_SETTING, ResponseSettingSchema, type FixedAnswer, type ResponseSetting } from '../../../shared/domain/destination';
import type { Db } from '../store/db';
import type { SendResult } from './http-sender';

/** An answer other than Inlet's own. */
export interface ChosenAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What the log says about this answer (EventsRepo.recordAnswer). */
  note: string;
}

/** Given the logged event's id, the answer to send; decided after the event is committed. */
export type AnswerChooser = (eventId: number) => Promise<ChosenAnswer | null>;

export interface ResponseDeps {
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  firstAnswer: (eventId: number, timeoutMs: number) => Promise<SendResult | null>;
}

/** Headers of the app's answer that describe its connection, not the answer. */
const NOT_PASSED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

const fixed = (a: FixedAnswer, note: string): ChosenAnswer => ({ status: a.status, headers: a.headers, body: a.body, note });

/** The answer a setting gives for one logged event. */
export async function chooseAnswer(setting: ResponseSetting, deps: ResponseDeps, eventId: number): Promise<ChosenAnswer | null> {
  if (setting.delayMs > 0) await deps.sleep(setting.delayMs);
  if (setting.failureRate > 0 && deps.random() < setting.failureRate) {
    const body = JSON.stringify({ ok: false, error: 'Simulated failure (response settings)', event_id: eventId });
    return { status: 503, headers: { 'content-type': 'application/json' }, body, note: `Answered 503: a simulated failure (this source fails ${Math.round(setting.failureRate * 100)} % of requests at random)` };
  }
  if (setting.mode === 'fixed' && setting.answer) return fixed(setting.answer, `Answered ${setting.answer.status}: the fixed answer set for this source`);
  if (setting.mode === 'passthrough') {
    const answer = await deps.firstAnswer(eventId, setting.passthroughTimeoutMs);
    if (!answer || answer.status === null) return fixed(setting.fallback, `Answered ${setting.fallback.status}: the fallback, because the destination did not answer (passthrough)`);
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !NOT_PASSED.has(k)));
    return { status: answer.status, headers, body: answer.body, note: `Answered ${answer.status}: the destination's answer (passthrough)` };
  }
  return null;
}

/** Response settings per source and environment; `forRoute` is one Map lookup (the receiver's hot path). */
export function createResponseSettings(db: Db, deps: ResponseDeps) {
  const all = db.prepare<[], { source_id: string; environment: string; setting: string }>('SELECT * FROM response_settings');
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO response_settings (source_id, environment, setting) VALUES (?, ?, ?) ON CONFLICT (source_id, environment) DO UPDATE SET setting = excluded.setting',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM response_settings WHERE source_id = ? AND environment = ?');
  let choosers = new Map<string, AnswerChooser>();
  let settings = new Map<string, ResponseSetting>();

  const reload = () => {
    settings = new Map();
    choosers = new Map();
    for (const row of all.all()) {
      const parsed = ResponseSettingSchema.safeParse(JSON.parse(row.setting));
      if (!parsed.success) continue;
      const key = `${row.source_id}\u0000${row.environment}`;
      settings.set(key, parsed.data);
      if (isDefault(parsed.data)) continue;
      const setting = parsed.data;
      choosers.set(key, (eventId) => chooseAnswer(setting, deps, eventId));
    }
  };
  reload();

  return {
    reload,
    get: (sourceId: string, environment: string): ResponseSetting => settings.get(`${sourceId}\u0000${environment}`) ?? DEFAULT_RESPONSE_SETTING,
    set(sourceId: string, environment: string, setting: ResponseSetting): void {
      if (isDefault(setting)) remove.run(sourceId, environment);
      else upsert.run(sourceId, environment, JSON.stringify(setting));
      reload();
    },
    /** The chooser for a route, or undefined when the receiver answers as usual. */
    forRoute: (sourceId: string, environment: string): AnswerChooser | undefined => (choosers.size === 0 ? undefined : choosers.get(`${sourceId}\u0000${environment}`)),
  };
}
export type ResponseSettings = ReturnType<typeof createResponseSettings>;

const isDefault = (s: ResponseSetting) => s.mode === 'default' && s.delayMs === 0 && s.failureRate === 0;
