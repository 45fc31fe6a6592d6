/**
 * Writes the MkDocs project of an infra repo's docs folder, as the portal's
 * preparer does, for CI to build and publish when the portal only reads
 * published sites (`techdocs.builder: external`, production):
 *
 *   yarn infra-docs:site <path-to-infra-repo> <out-dir>
 *   npx @techdocs/cli generate --no-docker --omitTechdocsCoreMkdocsPlugin \
 *     --defaultPlugin search --source-dir <out-dir> --output-dir ./site
 *   npx @techdocs/cli publish ... --entity default/Component/infra-docs --directory ./site
 *
 * Nothing is written into the infra repo. Exits 1 when a page could not be
 * rendered (the site still has a page saying so), 2 on bad usage.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  INFRA_DOCS_FOLDER,
  readLocalDocsTree,
} from '@internal/backstage-plugin-infra-node';
import { PreparedSite, prepareSite } from '../site/prepareSite';

/** The docs entity's title, as the catalog provider writes it. */
const SITE_NAME = 'Infra docs';

export async function writeSite(
  repoDir: string,
  outDir: string,
): Promise<PreparedSite> {
  const tree = await readLocalDocsTree(path.join(repoDir, INFRA_DOCS_FOLDER));
  if (!tree.files.length)
    throw new Error(`${path.join(repoDir, INFRA_DOCS_FOLDER)} has no files`);
  const target = path.resolve(outDir);
  if (
    target === path.resolve(repoDir) ||
    target.startsWith(`${path.resolve(repoDir)}${path.sep}`)
  )
    throw new Error(
      `The out dir must be outside the infra repo (got ${outDir})`,
    );
  await fs.mkdir(target, { recursive: true });
  return prepareSite(tree, target, {
    siteName: SITE_NAME,
    repoFolder: INFRA_DOCS_FOLDER,
  });
}

async function main(argv: string[]): Promise<number> {
  const [repoDir, outDir] = argv;
  if (!repoDir || !outDir) {
    process.stderr.write(
      'usage: infra-docs:site <path-to-infra-repo> <out-dir>\n',
    );
    return 2;
  }
  const site = await writeSite(repoDir, outDir);
  process.stdout.write(
    `Wrote ${site.pages} pages and mkdocs.yml to ${outDir}\n`,
  );
  for (const page of site.unreadable)
    process.stderr.write(
      `${INFRA_DOCS_FOLDER}/${page.path}: not rendered: ${page.reason}\n`,
    );
  return site.unreadable.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    e => {
      process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
      process.exit(2);
    },
  );
}
