export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

const LEVELS: ReadonlySet<string> = new Set<LogLevel>(['log', 'info', 'warn', 'error', 'debug']);

/** `console.*` output of one run, bounded so a chatty or hostile script can't flood the event log. */
export class LogBuffer {
  private readonly kept: string[] = [];
  private dropped = 0;

  constructor(
    private readonly maxLines: number,
    private readonly maxLineChars: number,
  ) {}

  push(level: string, line: string): void {
    if (this.kept.length >= this.maxLines) {
      this.dropped += 1;
      return;
    }
    const prefix = level === 'log' || !LEVELS.has(level) ? '' : `[${level}] `;
    const text = prefix + line;
    this.kept.push(
      text.length > this.maxLineChars ? `${text.slice(0, this.maxLineChars)}… (truncated)` : text,
    );
  }

  lines(): string[] {
    return this.dropped === 0
      ? [...this.kept]
      : [...this.kept, `… ${this.dropped} more log line(s) dropped`];
  }
}
