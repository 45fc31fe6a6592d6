import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  DocsTree,
  isUnreadableDocPage,
  readDocPage,
  titleFromFileName,
  UnreadableDocPage,
} from '@internal/backstage-plugin-infra-node';
import { buildNav, NavPage } from './buildNav';

export interface SiteOptions {
  /** The site's title (the docs entity's title). */
  siteName: string;
  siteDescription?: string;
  /** Where the docs folder is in the repo, for the file names pages show, e.g. `docs`. */
  repoFolder: string;
}

export interface PreparedSite {
  /** Markdown pages in the site (placeholders included). */
  pages: number;
  /** Pages replaced by a page that says why they could not be rendered. */
  unreadable: UnreadableDocPage[];
}

/**
 * The MkDocs settings the portal's own docs use (see
 * docs/operations/techdocs.md): the material theme without Google fonts, the
 * search plugin whose index the search collator reads, and the Markdown
 * extensions techdocs-core would have enabled.
 */
const MKDOCS_SETTINGS = {
  theme: { name: 'material', font: false },
  plugins: ['search'],
  markdown_extensions: [
    'admonition',
    'attr_list',
    'def_list',
    'tables',
    { toc: { permalink: true } },
    'pymdownx.details',
    'pymdownx.highlight',
    'pymdownx.superfences',
  ],
};

/** What a page MkDocs could not render shows instead, naming the file. */
export function unreadablePageMarkdown(
  page: UnreadableDocPage,
  repoFolder: string,
): string {
  const file = `${repoFolder}/${page.path}`;
  return [
    `# ${titleFromFileName(page.path)} (not rendered)`,
    '',
    '!!! failure "This page could not be rendered"',
    `    \`${file}\` could not be rendered: ${page.reason}. The rest of the`,
    '    site was built as usual. Fix the file in the infra repo; the page',
    '    appears after the next docs refresh.',
    '',
  ].join('\n');
}

function rootIndexMarkdown(siteName: string, nav: ReturnType<typeof buildNav>) {
  const sections = nav.map(e => Object.keys(e)[0]);
  return [
    `# ${siteName}`,
    '',
    'The infra repo has no README or index page in its docs folder; its sections:',
    '',
    ...sections.map(s => `- ${s}`),
    '',
  ].join('\n');
}

async function writeFileIn(
  root: string,
  rel: string,
  content: Buffer | string,
) {
  const target = path.join(root, rel);
  if (!target.startsWith(root + path.sep)) {
    throw new Error(`Refusing to write ${rel} outside the prepared site`);
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, content);
}

/**
 * Writes a MkDocs project for the docs tree into `outDir` (a temp folder:
 * nothing is written into the infra repo): the docs under `docs/`, a
 * generated `mkdocs.yml` whose nav follows the folders and READMEs, and
 * `techdocs_metadata.json` for the site's title. A page that MkDocs could not
 * render (one bad file stops its whole build) is replaced by a page that
 * names the file and the reason, so the rest of the site still builds.
 */
export async function prepareSite(
  tree: DocsTree,
  outDir: string,
  options: SiteOptions,
): Promise<PreparedSite> {
  const docsDir = path.join(outDir, 'docs');
  await fs.mkdir(docsDir, { recursive: true });
  const navPages: NavPage[] = [];
  const unreadable: UnreadableDocPage[] = [];
  for (const file of tree.files) {
    if (!/\.md$/i.test(file.path)) {
      await writeFileIn(docsDir, file.path, file.content);
      continue;
    }
    const page = readDocPage(file.path, file.content);
    if (isUnreadableDocPage(page)) {
      unreadable.push(page);
      const markdown = unreadablePageMarkdown(page, options.repoFolder);
      await writeFileIn(docsDir, file.path, markdown);
      navPages.push({
        path: file.path,
        title: `${titleFromFileName(file.path)} (not rendered)`,
        lines: [],
      });
      continue;
    }
    await writeFileIn(docsDir, file.path, file.content);
    navPages.push(page);
  }

  let nav = buildNav(navPages);
  const hasRootIndex = navPages.some(p => /^(index|readme)\.md$/i.test(p.path));
  if (!hasRootIndex) {
    await writeFileIn(
      docsDir,
      'index.md',
      rootIndexMarkdown(options.siteName, nav),
    );
    nav = [{ [options.siteName]: 'index.md' }, ...nav];
  }
  // techdocs-core would write these; without it the docs page takes its title from here.
  await writeFileIn(
    docsDir,
    'techdocs_metadata.json',
    JSON.stringify({
      site_name: options.siteName,
      site_description: options.siteDescription ?? '',
    }),
  );
  const mkdocs = {
    site_name: options.siteName,
    ...(options.siteDescription
      ? { site_description: options.siteDescription }
      : {}),
    docs_dir: 'docs',
    nav,
    ...MKDOCS_SETTINGS,
  };
  await fs.writeFile(path.join(outDir, 'mkdocs.yml'), stringify(mkdocs));
  return { pages: navPages.length + (hasRootIndex ? 0 : 1), unreadable };
}
