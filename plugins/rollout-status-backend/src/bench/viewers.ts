/**
 * Benchmark: 200 viewers polling the rollout-status endpoint vs the stock
 * Kubernetes plugin's objects endpoint for the same workloads, in one run.
 *
 *   yarn tsx plugins/rollout-status-backend/src/bench/viewers.ts [--seconds 60] [--viewers 200] [--poll-ms 1000] [--interval 10] [--warmup 10]
 *
 * The backend runs in this process (startTestBackend with the real
 * scheduler), against the Kubernetes fixture server (healthy recording) and
 * a real PgBouncer in front of a real PostgreSQL, each behind a counter.
 * The viewers run in a child process, so RSS and latency are the backend's.
 */
// The benchmark is a dev-only entry point (run with tsx, never bundled);
// its dev-dependency imports live under __testUtils__ where lint expects them.
// eslint-disable-next-line no-restricted-imports
import { runBenchmark } from './__testUtils__/benchmark';

runBenchmark().then(
  // Every service is stopped by now, but the stock Kubernetes plugin and the
  // scheduler leave timers behind that would keep the process alive.
  () => process.exit(0),
  error => {
    process.stderr.write(
      `${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
