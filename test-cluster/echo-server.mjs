// The test cluster's port-forward target and live-log ticker, run as one more managed process.
//   node echo-server.mjs --state-dir DIR --port N [--live-log FILE]
// Answers every HTTP request on 127.0.0.1:N with a fixed body (KWOK's ClusterPortForward tunnels every
// pod port here), and appends one CRI-format line every 2 s to FILE so `kubectl logs -f` on the pods
// whose logs come from FILE sees new lines arrive. --state-dir is unused except to mark the process as
// belonging to that cluster (the stop logic checks /proc/<pid>/cmdline for it).
import http from 'node:http';
import { appendFileSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { ECHO_BODY } from './echo-body.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(opt('port'));
const liveLog = opt('live-log');
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: echo-server.mjs --state-dir DIR --port N [--live-log FILE]');
  process.exit(2);
}

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-wheelhouse-test-cluster': 'echo' });
  res.end(req.method === 'HEAD' ? undefined : ECHO_BODY);
});
server.listen(port, '127.0.0.1', () => console.log(`echo-server listening on 127.0.0.1:${port}`));

let tick = 0;
const MAX_BYTES = 5 * 1024 * 1024; // ~1.5 days of heartbeats; then the file is replaced (new inode)
const timer = liveLog
  ? setInterval(() => {
    tick++;
    const now = new Date().toISOString();
    try {
      appendFileSync(liveLog, `${now} stdout F ${now} INFO app=api msg="heartbeat" tick=${tick}\n`);
      if (tick % 500 === 0 && statSync(liveLog).size > MAX_BYTES) {
        // keep the static lines cluster-lib wrote (everything before the first heartbeat)
        const text = readFileSync(liveLog, 'utf8');
        const cut = text.indexOf(' msg="heartbeat" ');
        const head = cut < 0 ? '' : text.slice(0, text.lastIndexOf('\n', cut) + 1);
        writeFileSync(`${liveLog}.tmp`, head);
        renameSync(`${liveLog}.tmp`, liveLog);
      }
    } catch {
      // the state dir may be going away during `down`
    }
  }, 2000)
  : undefined;

const stop = () => {
  if (timer) clearInterval(timer);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
