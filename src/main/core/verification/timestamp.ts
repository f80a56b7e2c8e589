export type TimestampUnit = 's' | 'ms';

const DIGITS = /^\d{1,16}$/;
/** Seconds since the epoch stay below this until the year 5138; milliseconds are above it since 1973. */
const MS_THRESHOLD = 1e11;

/** A timestamp string as sent (unix seconds or ms), in ms; null when it is not a plain integer. */
export function parseTimestamp(value: string, unit: TimestampUnit): number | null {
  if (!DIGITS.test(value)) return null;
  const n = Number(value);
  return unit === 's' ? n * 1000 : n;
}

/** Signed skew in whole seconds, positive when the request is from the past. */
export function skewSeconds(timestampMs: number, now: number): number {
  return Math.round((now - timestampMs) / 1000) || 0;
}

function duration(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} minutes`;
  if (s < 172_800) return `${Math.round(s / 3600)} hours`;
  return `${Math.round(s / 86_400)} days`;
}

/** A sentence on why a timestamp was refused, with a unit hint when it looks like the other unit. */
export function staleMessage(skew: number, toleranceSeconds: number, raw: string, unit: TimestampUnit): string {
  const when = skew > 0 ? `${duration(skew)} ago` : `${duration(skew)} in the future`;
  const base =
    `The request was signed ${when} (skew ${skew} s), outside the ${toleranceSeconds} s tolerance. ` +
    (skew > 0
      ? 'It may be a replay or an old delivery re-sent without re-signing.'
      : "Check this machine's clock.");
  const n = Number(raw);
  if (unit === 's' && n > MS_THRESHOLD) return `${base} The timestamp looks like milliseconds, but this scheme reads seconds.`;
  if (unit === 'ms' && n < MS_THRESHOLD) return `${base} The timestamp looks like seconds, but this scheme reads milliseconds.`;
  return base;
}

/** Whether a request signed at `timestampMs` is acceptable now; a tolerance of 0 accepts any age. */
export function withinTolerance(timestampMs: number, now: number, toleranceSeconds: number): boolean {
  return toleranceSeconds === 0 || Math.abs(now - timestampMs) <= toleranceSeconds * 1000;
}
