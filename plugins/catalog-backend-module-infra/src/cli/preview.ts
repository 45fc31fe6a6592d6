/* eslint-disable no-console */
/**
 * `yarn catalog:preview <path-to-infra-repo> [options]` (see `USAGE` in
 * `args.ts`): the entities and findings the infra provider would emit for
 * a local checkout, as JSON, a short summary, or `file:line: severity:
 * message` lines, and an exit code CI can gate on (0 nothing at the
 * `--fail-on` level, 1 something, 2 bad usage or an unreadable repo).
 * Runs the same code as the provider (`ingestInfraFiles`).
 */
import path from 'node:path';
import {
  InfraFile,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { createSourceLinks } from '../entities/links';
import { ingestInfraFiles } from '../ingest';
import { parsePreviewArgs, PreviewArgs, UsageError, USAGE } from './args';
import { formatLines, formatSummary } from './formats';
import { describeGate, exitCodeFor } from './gate';
import { readPolicyFiles } from './policyFile';
import { applyScope, PreviewScope, resolveScope } from './scope';
import { summarizePreview } from './summary';

async function readStdinLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(Boolean);
}

function describeScope(scope: PreviewScope, args: PreviewArgs) {
  if (scope.all)
    return args.changed.length
      ? 'a changed file is read by every stack'
      : undefined;
  return `judging ${[...scope.stacks].sort().join(', ') || 'no stack'}`;
}

async function run(argv: string[]): Promise<number> {
  const parsed = parsePreviewArgs(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const args = parsed;
  if (args.changed.includes('-')) {
    args.changed = [
      ...args.changed.filter(c => c !== '-'),
      ...(await readStdinLines()),
    ];
  }
  // `yarn` runs root scripts from the repo root; INIT_CWD is where the user typed.
  const root = path.resolve(process.env.INIT_CWD || process.cwd(), args.path);
  let files: InfraFile[];
  try {
    files = await readLocalTree(root, { extraPaths: [args.org] });
  } catch (e) {
    console.error(`cannot read ${root}: ${(e as Error).message}`);
    return 2;
  }
  if (!files.some(f => f.path.startsWith('stacks/'))) {
    console.error(
      `${root} is not an infra repo: no stacks/<name>/ folder with Terraform files`,
    );
    return 2;
  }
  const result = await ingestInfraFiles(files, {
    links: createSourceLinks({ path: root, webUrl: args.webUrl }),
    orgFile: args.org,
    defaultOwner: args.defaultOwner,
    conventionPolicy: await readPolicyFiles(
      args.configs,
      process.env.INIT_CWD || process.cwd(),
    ),
  });
  const scope = resolveScope(result.model, root, args);
  const judged = applyScope(scope, result.model, result);
  const skippedFiles = result.model.skippedFiles.filter(f => {
    const stack = /^stacks\/([^/]+)\//.exec(f.file)?.[1];
    return scope.all || (stack !== undefined && scope.stacks.has(stack));
  });
  const summary = summarizePreview({
    stacks: scope.stacks.size,
    entities: judged.entities,
    findings: judged.findings,
    allowed: judged.allowed,
    skippedFiles,
    danglingReferences: judged.danglingReferences,
  });

  if (args.format === 'summary') {
    process.stdout.write(
      formatSummary(summary, {
        source: root,
        scope: describeScope(scope, args),
        gate: describeGate(judged.findings, judged.danglingReferences, args),
      }),
    );
  } else if (args.format === 'lines') {
    process.stdout.write(formatLines(judged.findings));
    for (const d of judged.danglingReferences)
      console.error(
        `warning: ${d.from} spec.${d.field} points at ${d.target}, which is not in the catalog`,
      );
  } else {
    const output = {
      source: root,
      stacks: result.model.stacks.length,
      scope: scope.all ? 'all' : [...scope.stacks].sort(),
      summary,
      entities: judged.entities,
      findings: judged.findings.map(({ subject: _subject, ...f }) => f),
      allowed: judged.allowed.map(({ subject: _subject, ...a }) => a),
      parseErrors: result.parseErrors,
      skippedFiles,
      danglingReferences: judged.danglingReferences,
      warnings: result.warnings,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    for (const e of result.parseErrors)
      console.error(
        `parse error: ${e.file}:${e.line}:${e.column}: ${e.message}`,
      );
  }
  return exitCodeFor(judged.findings, judged.danglingReferences, args.failOn);
}

run(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  e => {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
    } else {
      console.error(e);
    }
    process.exitCode = 2;
  },
);
