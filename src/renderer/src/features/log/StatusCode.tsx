/** The HTTP status Inlet answered with, coloured by class. */
export function StatusCode({ status }: { status: number }) {
  const kind = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'ok';
  return <span className={`status status--${kind}`} data-testid="response-status">{status}</span>;
}
