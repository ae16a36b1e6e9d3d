// Load-test helpers for `npm run bench`: server processes, autocannon runs with our own percentiles,
// a closed-loop load generator for direct SQL, RSS sampling, statement counting through the server log.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
export const quantile = (xs, q) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] : NaN);

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

/**
 * Spawns a server and waits until `ready` (a URL) answers 200. Returns the process, the time from
 * spawn to first answer, and stop() (SIGTERM, then wait for exit).
 */
export async function startServer({ command, args, env, ready, cwd, timeoutMs = 120_000, label }) {
  const started = performance.now();
  const merged = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  // Its own process group, so stop() ends what it started too (npx runs the server as a grandchild,
  // which would outlive a signal to npx alone and keep this process's pipes open).
  const proc = spawn(command, args, { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const signal = (sig) => {
    try {
      process.kill(-proc.pid, sig);
    } catch {
      proc.kill(sig);
    }
  };
  let output = '';
  const keep = (d) => (output = (output + d).slice(-4000));
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${label} exited (${proc.exitCode}) before answering:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      signal('SIGKILL');
      throw new Error(`${label} did not answer ${ready} within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(ready, { method: ready.endsWith('/graphql') ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: ready.endsWith('/graphql') ? '{"query":"{__typename}"}' : undefined });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  return {
    proc,
    startMs: performance.now() - started,
    output: () => output,
    stop: async () => {
      signal('SIGTERM'); // the whole group, even when its leader has exited
      const timer = setTimeout(() => signal('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * One autocannon run: POSTs GraphQL bodies from `bodies` (cycled) with `connections` clients for
 * `seconds`. Latencies are collected per response (autocannon's histogram has no p95). A response
 * counts as an error when it is not HTTP 200 or its body carries `errors`.
 */
export async function graphqlLoad({ url, bodies, connections, seconds, headers = {}, pid }) {
  let next = 0;
  const times = [];
  let errors = 0;
  let firstError;
  let peakRss = 0;
  const sampler = pid ? setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) || 0)), 250) : null;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status !== 200 || (body && body.includes('"errors"'))) {
            errors += 1;
            firstError ??= `${status} ${String(body).slice(0, 200)}`;
          }
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  if (sampler) clearInterval(sampler);
  return summary(times, seconds, errors + result.errors + result.timeouts, firstError, peakRss);
}

/** Closed loop of `connections` workers calling `work(i)` for `seconds` (the direct-SQL floor). */
export async function closedLoop({ connections, seconds, work }) {
  const times = [];
  let errors = 0;
  let firstError;
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await work(n++);
          times.push(performance.now() - t);
        } catch (e) {
          errors += 1;
          firstError ??= String(e);
        }
      }
    }),
  );
  return summary(times, seconds, errors, firstError, 0);
}

function summary(times, seconds, errors, firstError, peakRss) {
  return {
    requests: times.length,
    throughput: times.length / seconds,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    errors,
    firstError,
    peakRss,
  };
}

/**
 * Counts the SQL statements a server sends while `fn` runs, from the PostgreSQL log
 * (log_statement = all for that window only). `logLines` is the live array the cluster's onLog fills.
 */
export async function countStatements(admin, logLines, fn) {
  await admin.query(`ALTER SYSTEM SET log_statement = 'all'`);
  await admin.query('SELECT pg_reload_conf()');
  await sleep(300);
  const from = logLines.length;
  await fn();
  await sleep(300);
  await admin.query('ALTER SYSTEM RESET log_statement');
  await admin.query('SELECT pg_reload_conf()');
  await sleep(200);
  // A log callback may carry several lines (several statements) at once: count lines, not callbacks.
  return logLines
    .slice(from)
    .flatMap((chunk) => chunk.split('\n'))
    .filter((l) => /LOG:\s+(statement|execute [^:]*):/.test(l) && !/pg_reload_conf|ALTER SYSTEM/.test(l)).length;
}
