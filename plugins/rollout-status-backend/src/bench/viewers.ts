/**
 * Benchmark: 200 viewers polling the rollout-status endpoint vs the stock
 * Kubernetes plugin's objects endpoint for the same workloads.
 *
 *   yarn bench:rollout-viewers [--only single|infra|synthetic] [--seconds 60] [--viewers 200] [--poll-ms 1000] [--interval 10] [--warmup 10] [--helm-releases 30]
 *
 * Three scenarios, each printed side by side with the stock endpoint:
 * - single: one configured target with every source, against the
 *   Kubernetes fixture server (healthy recording) and a real PgBouncer in
 *   front of a real PostgreSQL, each behind a counter;
 * - infra: every target derived from examples/infra, read from the
 *   simulated cluster the plugin serves, viewers spread over all targets
 *   (and, for the stock endpoint, over every entity the tab shows on);
 * - synthetic: the same on a generated infra repo of 30 Helm releases.
 * The backend runs in this process (startTestBackend with the real
 * scheduler); the viewers run in a child process, so RSS and latency are
 * the backend's. Run one scenario per process (--only) for RSS figures
 * that do not carry an earlier scenario's memory.
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
