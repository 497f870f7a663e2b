// An open-loop GET load in a process of its own (plain JavaScript, a small heap): request i is due at
// i / rate seconds whether or not earlier ones have been answered, over at most `connections` keep-alive
// sockets (a request waits for a free one), and its latency runs from when it was due, so a stall is
// charged to every request it delayed (no coordinated omission). Run in the bench's own process, the
// generator's garbage collection (ts-node's compiler sits in that heap) paused it 15-30 ms every second
// and those pauses were most of both servers' p99.
//
//   node bench/fixed-rate-client.mjs <url> <headers as JSON> <connections> <seconds> <rate>
// prints { count, latencies, errors, seconds } as JSON.
import http from 'node:http';

const [url, headersJson, connections, seconds, rate] = process.argv.slice(2);
const target = new URL(url);
const headers = JSON.parse(headersJson);
const perSecond = Number(rate);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const total = Math.round(Number(seconds) * perSecond);
const latencies = new Array(total);
let sent = 0;
let done = 0;
let errors = 0;
const t0 = performance.now();
const dueAt = (i) => t0 + (i * 1000) / perSecond;

function finish(i, ok) {
  latencies[i] = performance.now() - dueAt(i);
  if (!ok) errors++;
  if (++done === total) {
    agent.destroy();
    const out = { count: done, latencies, errors, seconds: (performance.now() - t0) / 1000 };
    process.stdout.write(JSON.stringify(out));
  }
}

function send(i) {
  const req = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      agent,
      headers,
    },
    (res) => {
      res.resume();
      res.on('end', () => finish(i, res.statusCode === 200));
    },
  );
  req.setTimeout(10_000, () => req.destroy());
  req.on('error', () => finish(i, false));
  req.end();
}

// Timers wake at millisecond granularity; each wake sends everything due by then.
function tick() {
  const now = performance.now();
  while (sent < total && dueAt(sent) <= now) send(sent++);
  if (sent < total) setTimeout(tick, Math.max(0, dueAt(sent) - performance.now()));
}
tick();
