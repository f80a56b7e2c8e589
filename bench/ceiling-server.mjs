// The ceiling: the least a Node HTTP endpoint can do for a webhook — read the whole body, answer 200.
// Runs in its own process so the load generator and the server never share a thread.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"received":${bytes}}`);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`CEILING_READY ${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
