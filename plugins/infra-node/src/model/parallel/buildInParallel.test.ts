import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ParseCache } from '../../hcl/ParseCache';
import { isUnresolved } from '../../hcl/values';
import { InfraFile } from '../../files';
import { readExampleRepo, withFile } from '../../__testUtils__/exampleRepo';
import { buildInfraModel } from '../buildInfraModel';
import { prestartStackWorker } from './stackWorkerThread';

jest.setTimeout(60_000);

/*
 * Jest runs TypeScript through its own transform, which a worker thread
 * does not get: the worker runs here as the JavaScript bundle a build of
 * the package would ship.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-worker-'));
const workerScript = path.join(tmp, 'stackWorker.cjs');
beforeAll(() => {
  buildSync({
    entryPoints: [path.join(__dirname, 'stackWorker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerScript,
    logLevel: 'error',
  });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function script(name: string, body: string) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, body);
  return file;
}

/** Maps compare as entry lists, so a difference shows where it is. */
const plain = (v: unknown) =>
  JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Map ? [...x] : x)));

async function build(
  files: InfraFile[],
  parallel: Parameters<typeof buildInfraModel>[1] extends infer O
    ? O extends { parallel?: infer P }
      ? P
      : never
    : never,
  cache?: ParseCache,
) {
  const fallbacks: string[] = [];
  const model = await buildInfraModel(files, {
    cache,
    parallel:
      parallel === false
        ? false
        : {
            minStackBytes: 0,
            ...parallel,
            onFallback: r => fallbacks.push(r),
          },
  });
  return { model, fallbacks };
}

describe('a cold build on two threads', () => {
  let files: InfraFile[];
  let oneThread: unknown;
  beforeAll(async () => {
    files = await readExampleRepo();
    oneThread = plain((await build(files, false)).model);
  });

  it('builds exactly the model one thread builds, errors and skipped files included', async () => {
    const broken = withFile(
      files,
      'stacks/blog/broken.tf',
      'resource "x" "y" {\n',
    );
    const { model, fallbacks } = await build(broken, { workerScript });
    expect(fallbacks).toEqual([]);
    expect(plain(model)).toEqual(plain((await build(broken, false)).model));
    expect(model.parseErrors.map(e => e.file)).toContain(
      'stacks/blog/broken.tf',
    );
    const again = await build(files, { workerScript });
    expect(plain(again.model)).toEqual(oneThread);
  });

  it('keeps unresolved values unresolved across the threads', async () => {
    // In every stack, so that both threads have one.
    const stacks = [
      ...new Set(
        files.flatMap(f => /^stacks\/([^/]+)\//.exec(f.path)?.[1] ?? []),
      ),
    ];
    const unknownReplicas = stacks.reduce(
      (acc, stack) =>
        withFile(
          acc,
          `stacks/${stack}/extra.tf`,
          `variable "extra_replicas" {}
resource "kubernetes_deployment" "extra" {
  metadata {
    name      = "extra-${stack}"
    namespace = "${stack}"
  }
  spec {
    replicas = var.extra_replicas
    template {
      spec {
        container {
          name  = "extra"
          image = "nginx:1.27"
        }
      }
    }
  }
}
`,
        ),
      files,
    );
    const { model, fallbacks } = await build(unknownReplicas, {
      workerScript,
    });
    expect(fallbacks).toEqual([]);
    const extras = model.stacks.flatMap(s =>
      s.workloads.filter(w => w.name === `extra-${s.name}`),
    );
    expect(extras).toHaveLength(stacks.length);
    for (const extra of extras) {
      expect(isUnresolved(extra.replicas)).toBe(true);
      expect(extra.replicas).toEqual(
        expect.objectContaining({ unresolved: 'var.extra_replicas' }),
      );
    }
  });

  it('warms the parse cache in the background, so the next refresh parses only what changed', async () => {
    const cache = new ParseCache();
    const { fallbacks } = await build(files, { workerScript }, cache);
    expect(fallbacks).toEqual([]);
    await cache.settled();
    const changed = withFile(
      files,
      'stacks/blog/main.tf',
      `${
        files.find(f => f.path === 'stacks/blog/main.tf')!.content
      }\n# edited\n`,
    );
    await buildInfraModel(changed, { cache });
    expect(cache.stats.parsed).toBe(1);
  });

  it("evaluates the worker's share here when the worker fails, or is late", async () => {
    const failing = await build(files, {
      workerScript: script('throws.cjs', 'throw new Error("boom at start");'),
    });
    expect(failing.fallbacks).toEqual([
      expect.stringContaining('boom at start'),
    ]);
    expect(plain(failing.model)).toEqual(oneThread);

    const silent = await build(files, {
      workerScript: script('silent.cjs', 'setInterval(() => {}, 1000);'),
      deadlineMs: 300,
    });
    expect(silent.fallbacks).toEqual([
      'the stack worker gave no answer in 300 ms',
    ]);
    expect(plain(silent.model)).toEqual(oneThread);
  });

  it("runs on one thread again when a stack reads into another stack's folder", async () => {
    const crossing = withFile(
      files,
      'stacks/blog/shared.tf',
      'module "borrowed" {\n  source = "../linkwarden"\n}\n',
    );
    const { model, fallbacks } = await build(crossing, { workerScript });
    expect(fallbacks).toEqual(["stack blog reads another stack's folder"]);
    expect(plain(model)).toEqual(plain((await build(crossing, false)).model));
  });

  it('takes the worker started ahead of reading the repo', async () => {
    const starts = path.join(tmp, 'starts.txt');
    fs.writeFileSync(starts, '');
    const counting = script(
      'counting.cjs',
      `require('fs').appendFileSync(${JSON.stringify(starts)}, 'started\\n');
require(${JSON.stringify(workerScript)});`,
    );
    prestartStackWorker({ script: counting });
    const { model, fallbacks } = await build(files, { workerScript: counting });
    expect(fallbacks).toEqual([]);
    expect(plain(model)).toEqual(oneThread);
    expect(fs.readFileSync(starts, 'utf8')).toBe('started\n');
  });

  it('stays on one thread for a small repo, or a warm cache', async () => {
    const small = await build(files, {
      workerScript: script('never.cjs', 'throw new Error("started");'),
      minStackBytes: 1 << 30,
    });
    expect(small.fallbacks).toEqual([]);

    const cache = new ParseCache();
    await build(files, false, cache);
    const warm = await build(
      files,
      { workerScript: script('never2.cjs', 'throw new Error("started");') },
      cache,
    );
    expect(warm.fallbacks).toEqual([]);
  });
});
