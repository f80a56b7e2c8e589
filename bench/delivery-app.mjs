// The developer's app for the forwarding benchmark: reads each body and answers 200 at once (as the
// ceiling server does), counting what it received; `GET /count` tells the benchmark how many so far.
import { createServer } from 'node:http';

let received = 0;
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"received":${received}}`);
    return;
  }
  let bytes = 0;
  req.on('data', (chunk) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    received++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"received":${bytes}}`);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`APP_READY ${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
