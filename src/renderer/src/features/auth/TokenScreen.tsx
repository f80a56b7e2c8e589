/** Shown instead of the app when the headless host's token is missing or was rejected. */
export function TokenScreen({ reason }: { reason: 'missing' | 'rejected' }) {
  return (
    <div className="page page--centered">
      <div className="card card--narrow" data-testid="token-screen" role="alert">
        <h1 className="card__title">{reason === 'missing' ? 'Open Inlet from its UI URL' : 'This UI link is no longer valid'}</h1>
        <p>
          {reason === 'missing'
            ? 'This page needs the access token that the Inlet host prints when it starts.'
            : 'The Inlet host did not accept the access token. It changes every time the host restarts.'}
        </p>
        <p>
          Open the UI URL printed by <code>npm run serve</code>. It looks like{' '}
          <code>http://127.0.0.1:4751/#token=…</code>
        </p>
      </div>
    </div>
  );
}
