/* eslint-disable no-console */
/**
 * `yarn catalog:preview <path-to-infra-repo> [--org <file>] [--default-owner <ref>] [--web-url <url>]`
 *
 * Prints, as JSON on stdout, the entities the infra provider would emit for
 * a local checkout, with the convention findings and parse errors. Exits 1
 * when a file does not parse, 2 on bad usage or an unreadable path. Runs the
 * same code as the provider (`ingestInfraFiles`).
 */
import path from 'node:path';
import { readLocalTree } from '@internal/backstage-plugin-infra-node';
import { createSourceLinks } from '../entities/links';
import { ingestInfraFiles } from '../ingest';

const USAGE =
  'usage: catalog:preview <path-to-infra-repo> [--org <repo-relative org file, default org.yaml>] ' +
  '[--default-owner <entity ref>] [--web-url <browser URL of the repo root>]';

function parseArgs(argv: string[]) {
  const out: {
    path?: string;
    org: string;
    defaultOwner?: string;
    webUrl?: string;
  } = { org: 'org.yaml' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--org') out.org = next();
    else if (a === '--default-owner') out.defaultOwner = next();
    else if (a === '--web-url') out.webUrl = next();
    else if (a === '-h' || a === '--help') throw new Error('');
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (out.path) throw new Error('only one path');
    else out.path = a;
  }
  if (!out.path) throw new Error('the path of the infra repo is required');
  return out;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    const msg = (e as Error).message;
    console.error(msg ? `${msg}\n${USAGE}` : USAGE);
    return 2;
  }
  // `yarn` runs root scripts from the repo root; INIT_CWD is where the user typed.
  const root = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.path!);
  let files;
  try {
    files = await readLocalTree(root, { extraPaths: [args.org] });
  } catch (e) {
    console.error(`cannot read ${root}: ${(e as Error).message}`);
    return 2;
  }
  const result = await ingestInfraFiles(files, {
    links: createSourceLinks({ path: root, webUrl: args.webUrl }),
    orgFile: args.org,
    defaultOwner: args.defaultOwner,
  });
  const output = {
    source: root,
    stacks: result.model.stacks.length,
    entities: result.entities,
    findings: result.findings.map(({ subject: _subject, ...f }) => f),
    parseErrors: result.parseErrors,
    warnings: result.warnings,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  for (const e of result.parseErrors) {
    console.error(`parse error: ${e.file}:${e.line}:${e.column}: ${e.message}`);
  }
  return result.parseErrors.length > 0 ? 1 : 0;
}

main().then(
  code => {
    process.exitCode = code;
  },
  e => {
    console.error(e);
    process.exitCode = 2;
  },
);
