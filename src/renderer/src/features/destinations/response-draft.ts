import type { ApiIssue } from '../../../../shared/api/result';
import type { FixedAnswer, ResponseSetting } from '../../../../shared/domain/destination';

/** One answer as typed: headers one `Name: value` per line. */
export interface AnswerDraft {
  status: string;
  body: string;
  headers: string;
}

/** The receiver-answer form as typed. */
export interface ResponseDraft {
  mode: ResponseSetting['mode'];
  answer: AnswerDraft;
  delayMs: string;
  /** Percent, 0–100. */
  failurePercent: string;
  passthroughSeconds: string;
  fallback: AnswerDraft;
}

export type ResponseErrors = Partial<Record<'answer' | 'delay' | 'failureRate' | 'passthroughTimeout' | 'fallback' | '_', string>>;

const DEFAULT_ANSWER: FixedAnswer = { status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } };

const answerDraft = (a: FixedAnswer): AnswerDraft => ({
  status: String(a.status),
  body: a.body,
  headers: Object.entries(a.headers).map(([k, v]) => `${k}: ${v}`).join('\n'),
});

export const responseDraftOf = (s: ResponseSetting): ResponseDraft => ({
  mode: s.mode,
  answer: answerDraft(s.answer ?? DEFAULT_ANSWER),
  delayMs: String(s.delayMs),
  failurePercent: String(Math.round(s.failureRate * 1000) / 10),
  passthroughSeconds: String(s.passthroughTimeoutMs / 1000),
  fallback: answerDraft(s.fallback),
});

/** `Name: value` lines as a header record, or why a line can't be read. */
export function parseHeaderLines(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf(':');
    const name = at > 0 ? line.slice(0, at).trim().toLowerCase() : '';
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) return { error: `“${line}” is not a header; write Name: value.` };
    headers[name] = line.slice(at + 1).trim();
  }
  return { headers };
}

function parseAnswer(a: AnswerDraft): FixedAnswer | { error: string } {
  const status = Number(a.status);
  if (!Number.isInteger(status) || status < 100 || status > 599) return { error: 'The status is a number from 100 to 599.' };
  const parsed = parseHeaderLines(a.headers);
  if ('error' in parsed) return parsed;
  return { status, body: a.body, headers: parsed.headers };
}

/** The setting the form would save, or the errors to show at its fields. */
export function responseInput(d: ResponseDraft): { setting: ResponseSetting; errors: null } | { setting: null; errors: ResponseErrors } {
  const errors: ResponseErrors = {};
  const answer = parseAnswer(d.answer);
  if ('error' in answer && d.mode === 'fixed') errors.answer = answer.error;
  const fallback = parseAnswer(d.fallback);
  if ('error' in fallback && d.mode === 'passthrough') errors.fallback = fallback.error;
  const delayMs = Number(d.delayMs);
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 300_000) errors.delay = 'Whole milliseconds from 0 to 300000 (5 minutes).';
  const percent = Number(d.failurePercent);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) errors.failureRate = 'A percentage from 0 to 100.';
  const seconds = Number(d.passthroughSeconds);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 300) errors.passthroughTimeout = 'Between 0.1 and 300 seconds.';
  if (Object.keys(errors).length > 0) return { setting: null, errors };
  const setting: ResponseSetting = {
    mode: d.mode,
    delayMs,
    failureRate: percent / 100,
    passthroughTimeoutMs: Math.round(seconds * 1000),
    fallback: 'error' in fallback ? DEFAULT_ANSWER : fallback,
  };
  if (!('error' in answer)) setting.answer = answer;
  return { setting, errors: null };
}

const FIELD_OF: Record<string, keyof ResponseErrors> = {
  answer: 'answer',
  delayMs: 'delay',
  failureRate: 'failureRate',
  passthroughTimeoutMs: 'passthroughTimeout',
  fallback: 'fallback',
};

export function responseErrorsFromIssues(issues: readonly ApiIssue[], message: string): ResponseErrors {
  const errors: ResponseErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF[String(issue.path[0])] ?? '_';
    errors[field] ??= issue.path.length > 1 ? `${issue.path.slice(1).join('.')}: ${issue.message}` : issue.message;
  }
  if (Object.keys(errors).length === 0) errors._ = message;
  return errors;
}
