/*
 * yarn template:dry-run <template-dir> --values <file.yaml> --out <dir> [--repo <infra-repo>]
 *
 * Runs a template through the scaffolder's own dry-run endpoint (the stock
 * scaffolder backend plugin with our actions, started in-process) and writes
 * the produced files to <dir>. Exits 1 with the failing step's message.
 * --repo is the infra checkout to check names against (default:
 * examples/infra).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { assertError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import { parse } from 'yaml';
import { dryRunConfig } from '../dryRun/dryRunConfig';
import {
  DryRunStepError,
  dryRunTemplate,
  loadTemplate,
} from '../dryRun/dryRunTemplate';
import { startScaffolderBackend } from '../dryRun/startScaffolderBackend';

const USAGE =
  'usage: template:dry-run <template-dir> --values <file.yaml> --out <dir> [--repo <infra-repo>]';

function parseArgs(argv: string[]): {
  templateDir: string;
  values: string;
  out: string;
  repo: string;
} {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      flags[a.slice(2)] = v;
      i++;
    } else {
      positional.push(a);
    }
  }
  if (positional.length !== 1 || !flags.values || !flags.out)
    throw new Error(USAGE);
  return {
    templateDir: positional[0],
    values: flags.values,
    out: flags.out,
    repo: flags.repo ?? 'examples/infra',
  };
}

async function ensureEmptyDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  if ((await fs.readdir(dir)).length > 0) {
    throw new Error(
      `${dir} is not empty; give an empty or new folder to --out`,
    );
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const template = await loadTemplate(args.templateDir);
  const values = parse(await fs.readFile(args.values, 'utf8')) as {
    [key: string]: JsonValue;
  };
  const out = path.resolve(args.out);
  await ensureEmptyDir(out);
  const backend = await startScaffolderBackend(
    dryRunConfig(path.resolve(args.repo)),
  );
  try {
    const result = await dryRunTemplate(backend, template, values);
    for (const f of result.files) {
      const target = resolveSafeChildPath(out, f.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, f.content, { flag: 'wx' });
      process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
    }
    process.stdout.write(
      `${result.files.length} files from ${args.templateDir}\n`,
    );
    // What a reviewer would read: the template's text output (the pull
    // request body, with the checks that passed and any review note).
    const text = result.output.text;
    if (Array.isArray(text)) {
      for (const t of text) {
        const { title, content } = (t ?? {}) as {
          title?: unknown;
          content?: unknown;
        };
        if (typeof content === 'string')
          process.stdout.write(`\n# ${String(title ?? '')}\n\n${content}`);
      }
    }
    return 0;
  } catch (e) {
    assertError(e);
    if (e instanceof DryRunStepError) {
      process.stderr.write(`Dry run failed: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await backend.stop();
  }
}

main().then(
  code => process.exit(code),
  (e: unknown) => {
    assertError(e);
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  },
);
