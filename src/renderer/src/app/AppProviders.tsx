import { useEffect, useState, type ReactNode } from 'react';
import { createApiClient } from '../../../shared/api/client';
import type { Connection } from '../api/pick-transport';
import { StoreContext } from './store-context';
import { createAppStore, wirePushEvents } from './store';
import { syncRoute } from './route-sync';

interface Props {
  connection: Exclude<Connection, { kind: 'no-token' }>;
  children: ReactNode;
}

/** Builds the API client and the store for one connection, wires push events and boots. */
export function AppProviders({ connection, children }: Props) {
  const [{ api, store }] = useState(() => {
    const client = createApiClient(connection.transport);
    return { api: client, store: createAppStore(client) };
  });

  useEffect(() => {
    const offPush = wirePushEvents(api, store);
    const offRoute = syncRoute(store, window);
    // IPC has no stream to lose; only HTTP reports connection changes.
    const offStatus =
      connection.kind === 'http' ? connection.transport.onStatus((live) => store.getState().setLive(live)) : undefined;
    if (connection.kind === 'ipc') store.getState().setLive('live');
    void store.getState().boot();
    return () => {
      offPush();
      offRoute();
      offStatus?.();
    };
  }, [api, connection, store]);

  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}
