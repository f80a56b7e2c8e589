/** The HTTP status Inlet answered with, coloured by class; the tooltip says why when it was refused. */
export function StatusCode({ status, reason }: { status: number; reason?: string | null }) {
  const kind = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'ok';
  return (
    <span className={`status status--${kind}`} data-testid="response-status" title={`Inlet answered ${status}${reason ? `: ${reason}` : ''}`}>
      {status}
    </span>
  );
}
