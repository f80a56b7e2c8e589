// Run as its own Node process by tunnel-lifecycle.test.ts: brings a tunnel to a state, stops
// everything, and then simply returns. The process must exit on its own; if a socket or timer
// outlived stop(), a guard prints what is still alive and exits 1.
import net from 'node:net';
import { createLocaltunnelProvider } from '../providers/localtunnel.js';
import { createTunnelManager } from '../tunnel-manager.js';
import { startReceiverStub } from './receiver-stub.js';
import { watchStatuses } from './status-watch.js';

const [serverPort, domain, mode] = process.argv.slice(2);
const port = Number(serverPort);

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

const receiver = await startReceiverStub();
const manager = createTunnelManager({
  provider: createLocaltunnelProvider({ registerTimeoutMs: 2_000, connectTimeoutMs: 2_000 }),
  localHost: '127.0.0.1',
  localPort: receiver.port,
  probe: {
    intervalMs: 100,
    timeoutMs: 1_000,
    connectTo: (url) => (url.hostname.endsWith(`.${domain}`) ? { host: '127.0.0.1', port } : undefined),
  },
  backoff: { initialMs: 50, maxMs: 200 },
  clockWatch: { intervalMs: 50, thresholdMs: 5_000 },
});
receiver.setProbeCheck((pathname) => manager.isProbePath(pathname));
const log = watchStatuses(manager);

const serverUrl = mode === 'unreachable' ? `http://127.0.0.1:${await unusedPort()}` : `http://127.0.0.1:${port}`;
manager.start({ serverUrl });
if (mode === 'unreachable') {
  await log.next('reconnecting', { from: 0, where: (s) => s.attempt >= 3 });
} else {
  await log.next('up', { from: 0 });
  while (receiver.probes < 2) await new Promise((resolve) => setTimeout(resolve, 20));
}
await manager.stop();
log.dispose();
await receiver.close();
console.log(`stopped after ${log.all.map((s) => s.state).join(' → ')}`);

setTimeout(() => {
  console.error('still alive after stop:', JSON.stringify(process.getActiveResourcesInfo()));
  process.exit(1);
}, 5_000).unref();
