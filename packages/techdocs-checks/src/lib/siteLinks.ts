import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { articleLinks, elementById, parsePage, ParsedPage } from './html';

/** A link inside a page's text that does not land where it says. */
export interface BrokenLink {
  /** The page holding the link, e.g. `runbooks/stuck-rollout/`. */
  from: string;
  href: string;
  problem: string;
}

/**
 * Follows every link written in the pages' Markdown (the article body, not
 * the theme's navigation) within the built site, and reports those whose page
 * or `#anchor` does not exist. MkDocs 1.4 checks that a linked `.md` file
 * exists, but not the anchor after it.
 */
export async function findBrokenLinks(siteDir: string): Promise<BrokenLink[]> {
  const pages = await builtPages(siteDir);
  const documents = new Map<string, ParsedPage>();
  for (const page of pages) {
    const html = await readFile(join(siteDir, page, 'index.html'), 'utf8');
    documents.set(page, parsePage(html));
  }

  const broken: BrokenLink[] = [];
  for (const [page, document] of documents) {
    for (const href of articleLinks(document)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // http:, mailto:
      const [path, anchor] = splitHref(href);
      const target = posix.normalize(posix.join(page, path));
      const targetPage = target === '.' ? '' : target.replace(/\/?$/, '/');
      const targetDocument = documents.get(targetPage);
      if (!targetDocument) {
        broken.push({ from: page, href, problem: `no page at ${targetPage}` });
      } else if (anchor && !elementById(targetDocument, anchor)) {
        broken.push({
          from: page,
          href,
          problem: `no #${anchor} on ${targetPage}`,
        });
      }
    }
  }
  return broken;
}

function splitHref(href: string): [string, string | undefined] {
  const hash = href.indexOf('#');
  if (hash === -1) return [href, undefined];
  return [href.slice(0, hash), decodeURIComponent(href.slice(hash + 1))];
}

/** Pages as site-relative directory URLs: `''` for the home page, `a/b/` otherwise. */
async function builtPages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true });
  return entries
    .filter(
      entry => entry === 'index.html' || entry.endsWith(`${sep}index.html`),
    )
    .map(entry => relative(siteDir, join(siteDir, entry, '..')))
    .map(dir => (dir === '' ? '' : `${dir.split(sep).join('/')}/`));
}
