import type { ApiInput } from '../../../../shared/api/contract';
import type { ApiIssue } from '../../../../shared/api/result';
import { DEFAULT_DESTINATION_TIMEOUT_MS, DEFAULT_RETRY_SCHEDULE, MAX_DESTINATION_TIMEOUT_MS, type Destination } from '../../../../shared/domain/destination';

/** The destination form as typed: text where the user types, parsed on save. */
export interface DestinationDraft {
  url: string;
  name: string;
  /** Patterns separated by commas or spaces (`customer.*, invoice.paid`); empty: every event. */
  eventTypes: string;
  enabled: boolean;
  timeoutSeconds: string;
  ordered: boolean;
  concurrency: string;
  signing: 'as_received' | 'resign';
  /** What happens to the destination's own signing secret on save. */
  secretAction: 'keep' | 'set' | 'remove';
  secret: string;
  /** Durations before each attempt: `0, 10s, 1m, 5m, 30m, 2h`. */
  retrySchedule: string;
}

export type DestinationField = 'url' | 'name' | 'eventTypes' | 'timeout' | 'concurrency' | 'secret' | 'retrySchedule';
export type DestinationErrors = Partial<Record<DestinationField | '_', string>>;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds as the shortest whole unit: 0, 10s, 1m, 90s, 2h. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0';
  for (const unit of ['d', 'h', 'm'] as const) if (seconds % UNITS[unit]! === 0) return `${seconds / UNITS[unit]!}${unit}`;
  return `${seconds}s`;
}

export const formatSchedule = (seconds: readonly number[]): string => seconds.map(formatDuration).join(', ');

/** `0, 10s, 1m, 2h` as seconds (a bare number is seconds), or why it can't be read. */
export function parseSchedule(text: string): number[] | { error: string } {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) return { error: 'Give at least one attempt, e.g. 0 (at once).' };
  const out: number[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)(s|m|h|d)?$/i.exec(part);
    if (!m) return { error: `“${part}” is not a duration; write 30s, 5m or 2h.` };
    out.push(Math.round(Number(m[1]) * UNITS[(m[2] ?? 's').toLowerCase()]!));
  }
  if (out.length > 20) return { error: 'At most 20 attempts.' };
  return out;
}

export const splitEventTypes = (text: string): string[] => text.split(/[,\s]+/).filter(Boolean);

export const draftOf = (d?: Destination): DestinationDraft => ({
  url: d?.url ?? '',
  name: d?.name ?? '',
  eventTypes: d?.eventTypes.join(', ') ?? '',
  enabled: d?.enabled ?? true,
  timeoutSeconds: String((d?.timeoutMs ?? DEFAULT_DESTINATION_TIMEOUT_MS) / 1000),
  ordered: d?.ordered ?? false,
  concurrency: String(d?.concurrency ?? 4),
  signing: d?.signing ?? 'as_received',
  secretAction: 'keep',
  secret: '',
  retrySchedule: formatSchedule(d?.retrySchedule ?? DEFAULT_RETRY_SCHEDULE),
});

type Fields = Omit<ApiInput<'destinations.create'>, 'sourceId' | 'environment'>;

/** What the form would send, or the errors to show at its fields (checked here before the host checks again). */
export function draftInput(draft: DestinationDraft): { input: Fields; errors: null } | { input: null; errors: DestinationErrors } {
  const errors: DestinationErrors = {};
  const url = draft.url.trim();
  if (!/^https?:\/\/\S+$/i.test(url)) errors.url = 'An http:// or https:// address, e.g. http://localhost:3000/webhooks';
  const timeout = Number(draft.timeoutSeconds);
  if (!Number.isFinite(timeout) || timeout < 0.1 || timeout * 1000 > MAX_DESTINATION_TIMEOUT_MS) errors.timeout = 'Between 0.1 and 300 seconds (5 minutes).';
  const concurrency = Number(draft.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) errors.concurrency = 'A whole number from 1 to 64.';
  const schedule = parseSchedule(draft.retrySchedule);
  if (!Array.isArray(schedule)) errors.retrySchedule = schedule.error;
  if (draft.secretAction === 'set' && !draft.secret.trim()) errors.secret = 'Paste the secret, or keep the environment’s.';
  if (Object.keys(errors).length > 0 || !Array.isArray(schedule)) return { input: null, errors };
  const input: Fields = {
    url,
    eventTypes: splitEventTypes(draft.eventTypes),
    enabled: draft.enabled,
    timeoutMs: Math.round(timeout * 1000),
    signing: draft.signing,
    ordered: draft.ordered,
    concurrency,
    retrySchedule: schedule,
  };
  if (draft.name.trim()) input.name = draft.name.trim();
  if (draft.secretAction === 'set') input.secret = draft.secret.trim();
  if (draft.secretAction === 'remove') input.secret = null;
  return { input, errors: null };
}

const FIELD_OF: Record<string, DestinationField> = {
  url: 'url',
  name: 'name',
  eventTypes: 'eventTypes',
  timeoutMs: 'timeout',
  concurrency: 'concurrency',
  secret: 'secret',
  retrySchedule: 'retrySchedule',
};

/** A refusal's issues at the form's fields (first message per field); the rest under `_`. */
export function errorsFromIssues(issues: readonly ApiIssue[], message: string): DestinationErrors {
  const errors: DestinationErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (field) errors[field] ??= issue.message;
    else errors._ ??= issue.message;
  }
  if (Object.keys(errors).length === 0) errors._ = message;
  return errors;
}
