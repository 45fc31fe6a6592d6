/* eslint-disable no-console */
/**
 * Ingest benchmark: `tsx plugins/catalog-backend-module-infra/src/bench/ingest.ts [sizes...]`
 *
 * Generates synthetic infra repos shaped like examples/infra (150 and 1,500
 * stacks by default) into a temp dir and, for each size in a fresh process,
 * measures through the provider's own `refresh()`:
 * - cold ingest (grammar load, read, parse, model, conventions, entities),
 * - peak RSS of that process,
 * - a refresh after one stack changed (only that stack's file is re-parsed),
 * - a refresh with nothing changed.
 * Targets: 150 stacks <= 2 s, <= 250 MB peak RSS, one-changed refresh <= 300 ms;
 * 1,500 stacks <= 20 s. Exits non-zero when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { DEFAULT_SCHEDULE } from '../provider/config';
import { InfraEntityProvider } from '../provider/InfraEntityProvider';

// Run from the repo (tsx), never from a build: the examples live beside the plugins.
// eslint-disable-next-line no-restricted-syntax
const EXAMPLE = path.resolve(__dirname, '../../../../examples/infra');
/** Example stacks copied with a new name; authentik and dbaas are included once each. */
const TEMPLATES = [
  'linkwarden',
  'blog',
  'echo',
  'prowlarr',
  'playground',
  'cloudflared',
];

function copyDir(from: string, to: string, map: (s: string) => string) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) copyDir(src, dst, map);
    else fs.writeFileSync(dst, map(fs.readFileSync(src, 'utf8')));
  }
}

export function generateRepo(stacks: number, dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['config.tfvars', 'terragrunt.hcl', 'org.yaml'])
    fs.copyFileSync(path.join(EXAMPLE, f), path.join(dir, f));
  copyDir(path.join(EXAMPLE, 'modules'), path.join(dir, 'modules'), s => s);
  copyDir(
    path.join(EXAMPLE, 'stacks/authentik'),
    path.join(dir, 'stacks/authentik'),
    s => s,
  );
  copyDir(
    path.join(EXAMPLE, 'stacks/dbaas'),
    path.join(dir, 'stacks/dbaas'),
    s => s,
  );
  for (let i = 0; i < stacks - 2; i++) {
    const t = TEMPLATES[i % TEMPLATES.length];
    const name = `${t}${i}`;
    const re = new RegExp(`\\b${t}\\b`, 'g');
    copyDir(
      path.join(EXAMPLE, 'stacks', t),
      path.join(dir, 'stacks', name),
      s => s.replace(re, name),
    );
  }
}

const silentLogger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLogger,
};

async function measure(dir: string) {
  const applied: number[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async m => {
      applied.push(m.type === 'full' ? m.entities.length : 0);
    },
    refresh: async () => {},
  };
  const provider = new InfraEntityProvider({
    config: {
      source: { path: dir },
      schedule: DEFAULT_SCHEDULE,
      orgFile: 'org.yaml',
      emitOrgEntities: true,
    },
    logger: silentLogger,
  });
  await provider.connect(connection);

  const t0 = performance.now();
  const cold = await provider.refresh();
  const coldMs = performance.now() - t0;
  if (cold.status !== 'applied')
    throw new Error(`cold refresh: ${JSON.stringify(cold)}`);

  const target = path.join(dir, 'stacks/echo2/main.tf');
  fs.appendFileSync(
    target,
    '\n# touched by the benchmark\nlocals {\n  bench = "x"\n}\n',
  );
  const t1 = performance.now();
  const changed = await provider.refresh();
  const changedMs = performance.now() - t1;
  if (changed.status !== 'applied')
    throw new Error(`refresh after a change: ${JSON.stringify(changed)}`);

  const t2 = performance.now();
  const same = await provider.refresh();
  const sameMs = performance.now() - t2;

  return {
    entities: applied[0],
    coldMs: Math.round(coldMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    oneChangedMs: Math.round(changedMs),
    unchangedMs: Math.round(sameMs),
    unchangedStatus: same.status,
  };
}

async function child(stacks: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `infra-bench-${stacks}-`));
  try {
    generateRepo(stacks, dir);
    const files = fs.readdirSync(path.join(dir, 'stacks')).length;
    const result = await measure(dir);
    process.stdout.write(`${JSON.stringify({ stacks: files, ...result })}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    child(Number(args[1])).catch(e => {
      console.error(e);
      process.exitCode = 1;
    });
    return;
  }
  const sizes = args.length ? args.map(Number) : [150, 1500];
  const targets: Record<
    number,
    { coldMs: number; rssMb?: number; oneChangedMs?: number }
  > = {
    150: { coldMs: 2000, rssMb: 250, oneChangedMs: 300 },
    1500: { coldMs: 20000 },
  };
  console.log(`node ${process.version}, ${os.cpus().length} cpus`);
  console.log(
    'stacks  entities  cold ms  peak RSS MB  one-changed refresh ms  unchanged refresh ms',
  );
  let failed = false;
  for (const n of sizes) {
    const res = spawnSync(
      process.execPath,
      [...process.execArgv, __filename, '--child', String(n)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (res.status !== 0) {
      console.error(`size ${n} failed`);
      failed = true;
      continue;
    }
    const r = JSON.parse(res.stdout.trim().split('\n').pop()!);
    const t = targets[n];
    const ok =
      (!t || r.coldMs <= t.coldMs) &&
      (!t?.rssMb || r.peakRssMb <= t.rssMb) &&
      (!t?.oneChangedMs || r.oneChangedMs <= t.oneChangedMs);
    failed ||= !ok;
    console.log(
      `${String(r.stacks).padStart(6)}  ${String(r.entities).padStart(
        8,
      )}  ${String(r.coldMs).padStart(7)}  ` +
        `${String(r.peakRssMb).padStart(11)}  ${String(r.oneChangedMs).padStart(
          22,
        )}  ${String(r.unchangedMs).padStart(20)}` +
        `  ${ok ? 'within targets' : 'OVER TARGET'}`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) main();
