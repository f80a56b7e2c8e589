import type { EventSummary } from '../shared/domain/event';

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

const paint = (code: number) => (text: string) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

export const out = (line = ''): void => void process.stdout.write(`${line}\n`);
export const printJson = (value: unknown): void => out(JSON.stringify(value, null, 2));
/** One JSON document per line, for streams (`--follow --json`). */
export const printJsonLine = (value: unknown): void => out(JSON.stringify(value));

/** Columns padded to their widest cell; the last column is left ragged. */
// eslint-disable-next-line no-control-regex -- ANSI colour codes are what this strips.
const ANSI = /\u001b\[\d+m/g;
const visible = (text: string): number => text.replace(ANSI, '').length;

export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => visible(r[i] ?? ''))));
  const pad = (c: string, width: number) => c + ' '.repeat(Math.max(0, width - visible(c)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ').trimEnd();
  return [bold(line(headers)), ...rows.map(line)].join('\n');
}

const VERIFICATION_COLOR: Record<string, (t: string) => string> = { verified: green, failed: red, unverified: yellow };

export const time = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

export function statusText(status: number): string {
  return status < 300 ? green(String(status)) : status < 500 ? yellow(String(status)) : red(String(status));
}

export function actionsText(e: Pick<EventSummary, 'processing' | 'actionStatus'>): string {
  if (e.actionStatus) return e.actionStatus === 'success' ? green(e.actionStatus) : e.actionStatus === 'error' ? red(e.actionStatus) : e.actionStatus;
  return dim(e.processing);
}

/** The row of `inlet events` and the line `inlet listen` prints per event. */
export function eventRow(e: EventSummary): string[] {
  const paintV = VERIFICATION_COLOR[e.verification] ?? ((t: string) => t);
  return [String(e.id), time(e.receivedAt), e.eventType ?? dim('—'), paintV(e.verification), statusText(e.responseStatus), actionsText(e), e.origin];
}
export const EVENT_HEADERS = ['ID', 'RECEIVED', 'TYPE', 'VERIFICATION', 'ANSWER', 'ACTIONS', 'ORIGIN'] as const;
