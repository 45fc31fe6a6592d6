/*
 * Benchmark: the new-app template's dry run through the scaffolder API
 * (POST /api/scaffolder/v2/dry-run on an in-process backend).
 *   tsx plugins/scaffolder-backend-module-infra/src/bench/dryRun.ts [runs] [infra-repo]   (from the repo root)
 * The infra repo (default examples/infra) is the one names and module
 * calls are checked against; a large one shows what reading it costs.
 * Prints each run, then the median; the target is 3 s or less.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dryRunConfig } from '../dryRun/dryRunConfig';
import { dryRunTemplate, loadTemplate } from '../dryRun/dryRunTemplate';
import { startScaffolderBackend } from '../dryRun/startScaffolderBackend';

const TARGET_MS = 3000;
// Run from the repo root (as the root package.json scripts do).
const repoRoot = process.cwd();

// Every optional part on, so the run exercises every renderer and check.
const VALUES = {
  name: 'bench-wiki',
  owner: 'group:default/platform',
  description: 'Benchmark app',
  image: 'ghcr.io/acme/wiki:1.4.2',
  containerPort: 3000,
  replicas: 1,
  memory: '256Mi',
  cpu: '50m',
  subdomain: 'bench-wiki',
  dnsType: 'proxied',
  authTier: {
    tier: 'none',
    justification: 'public documentation; Anubis in front is the gate',
  },
  anubis: true,
  carveOuts: [
    {
      path: '/api',
      authTier: {
        tier: 'app',
        justification: 'the API checks its own bearer tokens',
      },
    },
  ],
  persistentVolume: true,
  sensitiveData: true,
  database: true,
  secrets: [
    { env: 'API_TOKEN', vaultPath: 'secret/bench-wiki', key: 'api_token' },
  ],
};

async function main() {
  const runs = Number(process.argv[2] ?? 10);
  const started = performance.now();
  const backend = await startScaffolderBackend(
    dryRunConfig(path.resolve(repoRoot, process.argv[3] ?? 'examples/infra')),
  );
  process.stdout.write(
    `backend start: ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  const template = await loadTemplate(path.join(repoRoot, 'templates/new-app'));
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const result = await dryRunTemplate(backend, template, VALUES);
      const ms = performance.now() - t0;
      times.push(ms);
      process.stdout.write(
        `run ${i + 1}: ${ms.toFixed(0)} ms (${result.files.length} files)\n`,
      );
    }
  } finally {
    await backend.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  process.stdout.write(
    `new-app dry-run via API: median ${median.toFixed(
      0,
    )} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[
      sorted.length - 1
    ].toFixed(0)} ms over ${runs} runs (target <= ${TARGET_MS} ms: ${
      median <= TARGET_MS ? 'met' : 'NOT met'
    })\n`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
