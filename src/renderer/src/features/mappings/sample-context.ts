import type { EventDetail } from '../../../../shared/domain/event';
import type { TemplateSample } from '../../../../shared/domain/template';
import type { ExprContext } from '../../../../shared/expr';

/** A logged body the core could not read as a structure (e.g. nested too deep), shown as sent. */
export interface RawSampleBody {
  text: string;
  error: string;
  truncated: boolean;
}

/** How much of an unparsable body the sample column shows. */
const RAW_SHOWN = 16 * 1024;

/** A payload the editor resolves parameters against: a logged event or a template sample. */
export interface Sample {
  key: string;
  label: string;
  eventType: string | null;
  /** Set for a logged event, so "test against" results can point back at it. */
  eventId: number | null;
  ctx: ExprContext;
  /** Set when the body could not be parsed: the tree then shows it raw with the reason. */
  raw?: RawSampleBody | null;
}

const queryRecord = (query: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) if (!(k in out)) out[k] = v;
  return out;
};

/** Headers as the engine reads them: lower-case names; a repeated header keeps its first value. */
const headerRecord = (pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of pairs) {
    const name = k.toLowerCase();
    if (!(name in out)) out[name] = v;
  }
  return out;
};

export const sampleFromEvent = (e: EventDetail): Sample => ({
  key: `event:${e.id}`,
  label: `Event #${e.id}`,
  eventType: e.eventType,
  eventId: e.id,
  ctx: {
    body: e.parsedBody ?? undefined,
    headers: headerRecord(e.headers),
    query: queryRecord(e.query),
    preprocess: e.preprocessOutput?.extra,
  },
  raw:
    e.parsedBody === null && e.parseError !== null && e.bodyText
      ? { text: e.bodyText.slice(0, RAW_SHOWN), error: e.parseError, truncated: e.bodyText.length > RAW_SHOWN }
      : null,
});

export const sampleFromTemplate = (s: TemplateSample): Sample => {
  let body: unknown = s.body;
  // Form payloads are kept as the exact string to send; the engine maps their fields.
  if (typeof body === 'string' && s.contentType.includes('x-www-form-urlencoded')) body = queryRecord(body);
  return {
    key: `template:${s.id}`,
    label: s.label,
    eventType: s.eventType,
    eventId: null,
    ctx: { body, headers: headerRecord(Object.entries(s.headers)), query: {}, preprocess: undefined },
  };
};
