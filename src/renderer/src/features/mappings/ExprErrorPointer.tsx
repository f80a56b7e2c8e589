/**
 * A syntax error shown under its input: the source with the offending character marked, and the
 * parser's message (which already ends with "at <offset>").
 */
export function ExprErrorPointer({ source, offset, message, testId }: { source: string; offset: number; message: string; testId?: string }) {
  const at = Math.min(Math.max(offset, 0), source.length);
  const char = source.slice(at, at + 1);
  return (
    <div className="expr-error" role="alert" data-testid={testId} data-offset={at}>
      <code className="expr-error__source" aria-hidden="true">
        {source.slice(0, at)}
        <mark className="expr-error__mark" data-testid={testId ? `${testId}-mark` : undefined}>
          {char === '' ? '\u2002' : char}
        </mark>
        {source.slice(at + 1)}
      </code>
      <span className="expr-error__message">{message}</span>
    </div>
  );
}
