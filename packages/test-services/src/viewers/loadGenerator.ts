import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve as resolvePath } from 'node:path';

export interface LoadResult {
  requests: number;
  errors: number;
  /** Errors by cause (`HTTP 503`, `ECONNRESET`, `timeout`, ...). */
  errorsByCause: Record<string, number>;
  /** GETs sent again after a reused kept-alive connection was reset. */
  retries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/**
 * `viewers` simulated browser tabs, each polling `path` every `pollMs`
 * (with a random phase so they do not march in step) for `seconds`.
 * Latency is time to the full response body, measured client side.
 */
export async function runViewers(options: {
  baseUrl: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /**
   * Several pages (a path and its body each): viewer i polls the
   * (i mod n)-th, so the viewers spread over every target or entity. A
   * page may be a full URL (one on each of several replicas).
   */
  spread?: Array<{ path: string; body?: string }>;
  /** Headers of every request (a static token's `authorization`). */
  headers?: Record<string, string>;
  viewers: number;
  pollMs: number;
  seconds: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.viewers });
  const pages = (
    options.spread?.length
      ? options.spread
      : [{ path: options.path, body: options.body }]
  ).map(p => ({ url: new URL(p.path, options.baseUrl), body: p.body }));
  const latencies: number[] = [];
  let errors = 0;
  const errorsByCause: Record<string, number> = {};
  const fail = (cause: string) => {
    errors++;
    errorsByCause[cause] = (errorsByCause[cause] ?? 0) + 1;
  };
  const stopAt = Date.now() + options.seconds * 1000;

  let retries = 0;
  const once = (
    { url, body }: (typeof pages)[number],
    started = performance.now(),
    retried = false,
  ): Promise<void> =>
    new Promise<void>(resolve => {
      const req = request(
        url,
        {
          method: options.method,
          agent,
          headers: {
            ...options.headers,
            ...(body
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                }
              : {}),
          },
          timeout: 10_000,
        },
        res => {
          res.on('data', () => undefined);
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if ((res.statusCode ?? 0) >= 400) fail(`HTTP ${res.statusCode}`);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed just as it was reused:
        // a GET is sent again on a new one, as browsers do (RFC 9112,
        // 9.3.1). The time lost counts in the latency; the retry is counted.
        if (
          error.code === 'ECONNRESET' &&
          req.reusedSocket &&
          !retried &&
          options.method === 'GET'
        ) {
          retries++;
          resolve(once({ url, body }, started, true));
          return;
        }
        fail(error.code ?? error.message);
        resolve();
      });
      req.end(body);
    });

  const viewer = async (index: number) => {
    const page = pages[index % pages.length];
    await new Promise(r => setTimeout(r, Math.random() * options.pollMs));
    while (Date.now() < stopAt) {
      const started = Date.now();
      await once(page);
      const wait = options.pollMs - (Date.now() - started);
      if (wait > 0) await new Promise(r => setTimeout(r, wait));
    }
  };
  await Promise.all(
    Array.from({ length: options.viewers }, (_, i) => viewer(i)),
  );
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    errorsByCause,
    retries,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** `runViewers` in a child process (same Node and loader flags as this one). */
export function runViewersInChild(
  options: Parameters<typeof runViewers>[0],
): Promise<LoadResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        // This package runs from its sources (tsx, Jest), never bundled.
        // eslint-disable-next-line no-restricted-syntax
        resolvePath(__dirname, 'loadWorker.ts'),
        JSON.stringify(options),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.on('error', fail);
    child.on('exit', code =>
      code === 0
        ? done(JSON.parse(output) as LoadResult)
        : fail(new Error(`load generator exited with ${code}`)),
    );
  });
}
