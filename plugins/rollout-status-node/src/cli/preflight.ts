/**
 * Runs the rollout-status checks once and prints the verdicts as JSON, for
 * an apply wrapper:
 *
 *   yarn rollout:preflight --config app-config.yaml [--target authentik] [--base-dir packages/backend]
 *
 * Exit codes: 0 safe to apply, 1 not safe (a preflight check is not ok,
 * including unknown, or the data is a snapshot), 2 bad usage or config,
 * 3 unexpected failure.
 *
 * A snapshot says nothing about the cluster now, so a snapshot target is
 * never safe to apply on; `--allow-snapshot` lets its verdicts count, for
 * demonstrations and for testing apply wrappers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertError, InputError } from '@backstage/errors';
import { parse as parseYaml } from 'yaml';
import { readRolloutStatusConfig } from '../config/readRolloutStatusConfig';
import { collectReadings } from '../engine/collectReadings';
import { evaluateTarget } from '../engine/evaluate';
import { SharedReads } from '../sources/sharedReads';
import { loadTargets } from '../targets/loadTargets';

export const EXIT_SAFE = 0;
export const EXIT_UNSAFE = 1;
export const EXIT_CONFIG = 2;
export const EXIT_FAILURE = 3;

const USAGE =
  'usage: preflight --config <app-config.yaml> [--target <id> | --stack <name>] [--base-dir <dir>] [--allow-snapshot]';

interface Args {
  config: string;
  target?: string;
  stack?: string;
  baseDir?: string;
  allowSnapshot?: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--allow-snapshot') {
      args.allowSnapshot = true;
      continue;
    }
    const value = argv[i + 1];
    const key = (
      {
        '--config': 'config',
        '--target': 'target',
        '--stack': 'stack',
        '--base-dir': 'baseDir',
      } as const
    )[flag];
    if (!key || value === undefined || value.startsWith('--')) {
      throw new InputError(`unexpected argument "${flag}"; ${USAGE}`);
    }
    args[key] = value;
    i++;
  }
  if (!args.config) throw new InputError(`--config is required; ${USAGE}`);
  return args as Args;
}

/** `${NAME}` → the environment variable, as Backstage's config loader does. */
function substituteEnv(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{(\w+)\}/g, (_match, name: string) => {
      const env = process.env[name];
      if (env === undefined) {
        throw new InputError(
          `${path}: environment variable ${name} is not set`,
        );
      }
      return env;
    });
  }
  if (Array.isArray(value))
    return value.map((v, i) => substituteEnv(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        substituteEnv(v, path ? `${path}.${k}` : k),
      ]),
    );
  }
  return value;
}

export async function runPreflight(
  argv: string[],
): Promise<{ exitCode: number; output: unknown }> {
  const args = parseArgs(argv);
  let document: Record<string, unknown>;
  try {
    document = (parseYaml(readFileSync(args.config, 'utf8')) ?? {}) as Record<
      string,
      unknown
    >;
  } catch (error) {
    assertError(error);
    throw new InputError(`--config ${args.config}: ${error.message}`);
  }
  const kubernetes = document.kubernetes as
    | { clusterLocatorMethods?: unknown }
    | undefined;
  const baseDir = resolve(args.baseDir ?? process.cwd());
  const config = await loadTargets(
    readRolloutStatusConfig(
      substituteEnv(document.rolloutStatus, 'rolloutStatus'),
      substituteEnv(
        kubernetes?.clusterLocatorMethods,
        'kubernetes.clusterLocatorMethods',
      ),
    ),
    { baseDir },
  );
  if (args.target && args.stack)
    throw new InputError(`give --target or --stack, not both; ${USAGE}`);
  const indexed = config.targets.map((target, index) => ({ target, index }));
  const selected = indexed.filter(({ target }) => {
    if (args.target) return target.id === args.target;
    if (args.stack) return target.derived?.stack === args.stack;
    return true;
  });
  if (!selected.length) {
    const stacks = [
      ...new Set(
        config.targets.flatMap(t => (t.derived ? [t.derived.stack] : [])),
      ),
    ];
    if (args.target)
      throw new InputError(
        `--target ${
          args.target
        }: no such target in rolloutStatus.targets (have: ${
          config.targets.map(t => t.id).join(', ') || 'none'
        })`,
      );
    if (args.stack)
      throw new InputError(
        `--stack ${
          args.stack
        }: no derived target for this stack (stacks with a Helm release or a critical-path workload: ${
          stacks.join(', ') || 'none; is rolloutStatus.derive set?'
        })`,
      );
    throw new InputError('rolloutStatus.targets is empty: nothing to check');
  }
  const reads = new SharedReads(config.intervalSeconds * 1000);
  const statuses = await Promise.all(
    selected.map(async ({ target, index }) => {
      const withPath = target.snapshot
        ? { ...target, snapshot: resolve(baseDir, target.snapshot) }
        : target;
      const status = evaluateTarget(
        withPath,
        await collectReadings(withPath, {
          deadlineMs: config.deadlineMs,
          targetIndex: index,
          reads,
        }),
      );
      return {
        targetId: status.targetId,
        mode: status.mode,
        snapshot: status.snapshot,
        preflight: status.preflight,
        // Lock holders' SQL text stays out of apply logs.
        checks: status.checks.map(
          ({ data: _data, evidence: _evidence, ...check }) => check,
        ),
      };
    }),
  );
  // The causes themselves (apply logs print this field): every reason of
  // every preflight check that is not ok, not only "preflight is warn".
  const reasons = statuses.flatMap(s => [
    ...(s.preflight.safeToApply
      ? []
      : s.checks
          .filter(c => s.preflight.basedOn.includes(c.id) && c.verdict !== 'ok')
          .flatMap(c =>
            (c.reasons.length ? c.reasons : [c.summary]).map(
              r => `${s.targetId}: ${c.verdict} ${c.id}: ${r}`,
            ),
          )),
    ...(s.mode === 'snapshot' && !args.allowSnapshot
      ? [
          `${s.targetId}: snapshot data (${
            s.snapshot?.file ?? 'file'
          }), not the cluster now`,
        ]
      : []),
  ]);
  const safe = reasons.length === 0;
  return {
    exitCode: safe ? EXIT_SAFE : EXIT_UNSAFE,
    output: {
      safeToApply: safe,
      reasons,
      generatedAt: new Date().toISOString(),
      targets: statuses,
    },
  };
}

if (require.main === module) {
  runPreflight(process.argv.slice(2)).then(
    ({ exitCode, output }) => {
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      process.exitCode = exitCode;
    },
    error => {
      assertError(error);
      process.stderr.write(`rollout preflight: ${error.message}\n`);
      process.exitCode =
        error.name === 'InputError' ? EXIT_CONFIG : EXIT_FAILURE;
    },
  );
}
