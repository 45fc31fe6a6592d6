/* eslint-disable no-console */
/**
 * `yarn bench:catalog-repo <infra-repo> [--runs N]`
 *
 * Measures the catalog on a real infra checkout, each figure a median over
 * N runs (default 5), each run in a fresh process so "cold" is cold, and
 * bundled as the CLI is (`scripts/lib/runBundled.cjs`), so it runs as
 * compiled JavaScript the way the portal's image runs it:
 *
 * - in-process ingest: read the tree, evaluate, check conventions, build
 *   entities (what one provider refresh does), and its peak RSS;
 * - a refresh after one stack file changed, and after a shared module
 *   changed, with the parse cache of the cold run;
 * - `catalog:preview --summary` as a whole process (the CLI);
 * - beside them, the infra's own auth-comment guard on the same repo
 *   (`scripts/check-ingress-auth-comments.py --all`), when the repo has it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ParseCache,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { createSourceLinks } from '../entities/links';
import { ingestInfraFiles } from '../ingest';

const GUARD = 'scripts/check-ingress-auth-comments.py';

async function child(repo: string) {
  const links = createSourceLinks({ path: repo });
  const t0 = performance.now();
  const files = await readLocalTree(repo, { extraPaths: ['org.yaml'] });
  const cache = new ParseCache();
  const result = await ingestInfraFiles(files, {
    links,
    orgFile: 'org.yaml',
    cache,
  });
  const coldMs = performance.now() - t0;
  const rssMb = process.resourceUsage().maxRSS / 1024;

  // A file of one stack, then a file of a module many stacks call.
  const stackFile = files.find(f => /^stacks\/[^/]+\/main\.tf$/.test(f.path));
  const callCounts = new Map<string, number>();
  for (const s of result.model.stacks)
    for (const r of s.reads ?? [])
      if (r.endsWith('.tf')) callCounts.set(r, (callCounts.get(r) ?? 0) + 1);
  const moduleFile = [...callCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const refreshAfter = async (target: string | undefined) => {
    if (!target) return undefined;
    const changed = files.map(f =>
      f.path === target
        ? { ...f, content: `${f.content}\n# touched by the benchmark\n` }
        : f,
    );
    const t = performance.now();
    await ingestInfraFiles(changed, { links, orgFile: 'org.yaml', cache });
    return performance.now() - t;
  };
  const oneStackFileMs = await refreshAfter(stackFile?.path);
  const sharedModuleMs = await refreshAfter(moduleFile);
  process.stdout.write(
    `${JSON.stringify({
      files: files.length,
      entities: result.entities.length,
      coldMs,
      rssMb,
      oneStackFileMs,
      sharedModuleMs,
      sharedModule: moduleFile,
      sharedModuleReaders: moduleFile ? callCounts.get(moduleFile) : undefined,
    })}\n`,
  );
}

function timed(
  cmd: string,
  args: string[],
  cwd: string,
): { ms: number; status: number | null } {
  const t = performance.now();
  const r = spawnSync(cmd, args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { ms: performance.now() - t, status: r.status };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const range = (xs: number[]) =>
  `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}-${Math.round(
    Math.max(...xs),
  )})`;

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    child(args[1]).catch(e => {
      console.error(e);
      process.exitCode = 1;
    });
    return;
  }
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const repoArg = args.find((a, i) => !a.startsWith('--') && i !== runsAt + 1);
  if (!repoArg || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: bench:catalog-repo <infra-repo> [--runs N]');
    process.exitCode = 2;
    return;
  }
  const repo = path.resolve(process.env.INIT_CWD || process.cwd(), repoArg);
  if (!fs.existsSync(path.join(repo, 'stacks'))) {
    console.error(`${repo} has no stacks/ folder`);
    process.exitCode = 2;
    return;
  }
  const samples: Array<Record<string, number | string | undefined>> = [];
  const cli: number[] = [];
  const guard: number[] = [];
  const hasGuard = fs.existsSync(path.join(repo, GUARD));
  // The CLI as `yarn catalog:preview` runs it (the bundled launcher), and
  // through yarn itself, whose own start-up is not ours but is what a user
  // waits for.
  // eslint-disable-next-line no-restricted-syntax
  const portalRoot = path.resolve(__dirname, '../../../..');
  const launcher = path.join(portalRoot, 'scripts/lib/runBundled.cjs');
  const preview = 'plugins/catalog-backend-module-infra/src/cli/preview.ts';
  const yarnRelease = fs
    .readdirSync(path.join(portalRoot, '.yarn/releases'))
    .find(f => f.endsWith('.cjs'));
  const viaYarn: number[] = [];
  for (let i = 0; i < runs; i++) {
    // The ingest runs as compiled JavaScript, as in the portal's image
    // (a TypeScript loader hooks every module and names every function it
    // compiles, which costs a cold run about a tenth more).
    const res = spawnSync(
      process.execPath,
      [launcher, path.relative(portalRoot, __filename), '--child', repo],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (res.status !== 0) throw new Error('a benchmark run failed');
    samples.push(JSON.parse(res.stdout.trim().split('\n').pop()!));
    const previewArgs = [repo, '--summary', '--fail-on', 'never'];
    cli.push(
      timed(process.execPath, [launcher, preview, ...previewArgs], repo).ms,
    );
    if (yarnRelease)
      viaYarn.push(
        timed(
          process.execPath,
          [
            path.join(portalRoot, '.yarn/releases', yarnRelease),
            '--cwd',
            portalRoot,
            'catalog:preview',
            ...previewArgs,
          ],
          repo,
        ).ms,
      );
    if (hasGuard) guard.push(timed('python3', [GUARD, '--all'], repo).ms);
  }
  const col = (k: string) =>
    samples.map(s => Number(s[k])).filter(Number.isFinite);
  const first = samples[0];
  console.log(
    `node ${process.version}, ${os.cpus().length} cpus, load ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${repo}: ${first.files} files, ${first.entities} entities; median (min-max) of ${runs} runs`,
  );
  console.log(
    `  in-process cold ingest ms       ${range(
      col('coldMs'),
    )}   target <= 1000`,
  );
  console.log(
    `  peak RSS MB                     ${range(col('rssMb'))}   target <= 250`,
  );
  console.log(
    `  refresh, one stack file ms      ${range(
      col('oneStackFileMs'),
    )}   target <= 150`,
  );
  console.log(
    `  refresh, shared module ms       ${range(col('sharedModuleMs'))}   (${
      first.sharedModule
    }, read by ${first.sharedModuleReaders} stacks)`,
  );
  console.log(
    `  catalog:preview --summary ms    ${range(cli)}   target <= 2000`,
  );
  if (viaYarn.length)
    console.log(
      `    the same through yarn ms      ${range(
        viaYarn,
      )}   (yarn's own start-up included)`,
    );
  if (hasGuard)
    console.log(`  infra's own guard (${GUARD} --all) ms  ${range(guard)}`);
}

if (require.main === module) main();
