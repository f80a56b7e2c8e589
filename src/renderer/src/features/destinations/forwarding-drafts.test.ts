import { describe, expect, it } from 'vitest';
import { draftInput, draftOf, errorsFromIssues, formatSchedule, parseSchedule } from './destination-draft';
import { responseDraftOf, responseInput } from './response-draft';
import { DEFAULT_RESPONSE_SETTING } from '../../../../shared/domain/destination';

describe('the destination form', () => {
  it('reads retry schedules written as durations, and writes the default back the same way', () => {
    expect(parseSchedule('0, 10s, 1m 5m,30m, 2h')).toEqual([0, 10, 60, 300, 1800, 7200]);
    expect(parseSchedule('90')).toEqual([90]);
    expect(parseSchedule('0, soon')).toEqual({ error: '“soon” is not a duration; write 30s, 5m or 2h.' });
    expect(formatSchedule([0, 10, 60, 300, 1800, 7200, 90])).toBe('0, 10s, 1m, 5m, 30m, 2h, 90s');
    expect(draftOf().retrySchedule).toBe('0, 10s, 1m, 5m, 30m, 2h');
  });

  it('sends what was typed as the contract’s fields: patterns, milliseconds, seconds, the secret only when set', () => {
    const draft = { ...draftOf(), url: ' http://localhost:3000/hooks ', eventTypes: 'customer.*, invoice.paid', timeoutSeconds: '120', signing: 'resign' as const, secretAction: 'set' as const, secret: 'whsec_x' };
    expect(draftInput(draft)).toEqual({
      input: { url: 'http://localhost:3000/hooks', eventTypes: ['customer.*', 'invoice.paid'], enabled: true, timeoutMs: 120_000, signing: 'resign', ordered: false, concurrency: 4, retrySchedule: [0, 10, 60, 300, 1800, 7200], secret: 'whsec_x' },
      errors: null,
    });
    expect(draftInput({ ...draftOf(), url: 'http://x', secretAction: 'remove' }).input?.secret).toBeNull();
  });

  it('refuses a timeout over 5 minutes and a URL that is not http, at their fields', () => {
    expect(draftInput({ ...draftOf(), url: 'ftp://x', timeoutSeconds: '301' }).errors).toEqual({
      url: 'An http:// or https:// address, e.g. http://localhost:3000/webhooks',
      timeout: 'Between 0.1 and 300 seconds (5 minutes).',
    });
  });

  it('puts the host’s issues at the fields they name, the rest under the form', () => {
    const issues = [{ path: ['timeoutMs'], message: 'Too big' }, { path: ['url'], message: 'http:// or https:// only' }, { path: ['other'], message: 'odd' }];
    expect(errorsFromIssues(issues, 'Refused')).toEqual({ timeout: 'Too big', url: 'http:// or https:// only', _: 'odd' });
    expect(errorsFromIssues([], 'Not found: No destination')).toEqual({ _: 'Not found: No destination' });
  });
});

describe('the receiver answer form', () => {
  it('round-trips the default setting, and reads a fixed answer with its headers', () => {
    expect(responseInput(responseDraftOf(DEFAULT_RESPONSE_SETTING)).setting).toMatchObject({ ...DEFAULT_RESPONSE_SETTING });
    const draft = { ...responseDraftOf(DEFAULT_RESPONSE_SETTING), mode: 'fixed' as const, answer: { status: '202', body: 'queued', headers: 'X-Thing: 1\ncontent-type: text/plain' }, failurePercent: '25' };
    expect(responseInput(draft).setting).toMatchObject({ mode: 'fixed', failureRate: 0.25, answer: { status: 202, body: 'queued', headers: { 'x-thing': '1', 'content-type': 'text/plain' } } });
  });

  it('says which field is wrong: a status out of range, a header line without a name, a rate over 100 %', () => {
    const base = responseDraftOf(DEFAULT_RESPONSE_SETTING);
    expect(responseInput({ ...base, mode: 'fixed', answer: { status: '700', body: '', headers: '' } }).errors).toEqual({ answer: 'The status is a number from 100 to 599.' });
    expect(responseInput({ ...base, mode: 'passthrough', fallback: { status: '502', body: '', headers: 'no colon here' } }).errors).toEqual({ fallback: '“no colon here” is not a header; write Name: value.' });
    expect(responseInput({ ...base, failurePercent: '150' }).errors).toEqual({ failureRate: 'A percentage from 0 to 100.' });
  });
});
