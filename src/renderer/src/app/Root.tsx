import { useState } from 'react';
import { pickTransport, type Connection } from '../api/pick-transport';
import { TokenScreen } from '../features/auth/TokenScreen';
import { App } from './App';
import { AppProviders } from './AppProviders';

/** Chooses the transport once; a missing or rejected token gets its own screen instead of the app. */
export function Root() {
  const [rejected, setRejected] = useState(false);
  const [connection] = useState<Connection>(() => pickTransport(window, () => setRejected(true)));

  if (connection.kind === 'no-token') return <TokenScreen reason="missing" />;
  if (rejected) return <TokenScreen reason="rejected" />;
  return (
    <AppProviders connection={connection}>
      <App />
    </AppProviders>
  );
}
