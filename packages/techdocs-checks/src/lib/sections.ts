import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunbookRef } from '@internal/backstage-plugin-infra-common';
import { elementById, FoundElement, parsePage } from './html';

/**
 * The built HTML file of a docs page. MkDocs writes `docs/<page>.md` to
 * `<page>/index.html` (directory URLs), which is also the path TechDocs serves.
 */
export function builtPagePath(siteDir: string, page: string): string {
  return join(siteDir, page, 'index.html');
}

/** Why a runbook link would not land on its section. */
export interface SectionProblem {
  ref: RunbookRef;
  problem: string;
}

/** The element a link's `#anchor` scrolls to in a built page, if any. */
export function findSection(html: string, anchor: string): FoundElement | null {
  return elementById(parsePage(html), anchor);
}

/**
 * Checks each link against the built site: the page must exist and hold an
 * element whose id is the anchor. Returns one problem per broken link.
 */
export async function findBrokenSections(
  siteDir: string,
  refs: RunbookRef[],
): Promise<SectionProblem[]> {
  const pages = new Map<string, string | undefined>();
  const problems: SectionProblem[] = [];
  for (const ref of refs) {
    if (!pages.has(ref.page)) {
      pages.set(ref.page, await readIfExists(builtPagePath(siteDir, ref.page)));
    }
    const html = pages.get(ref.page);
    if (html === undefined) {
      problems.push({
        ref,
        problem: `docs/${ref.page}.md was not built (missing file or not in mkdocs.yml)`,
      });
    } else if (!findSection(html, ref.anchor)) {
      problems.push({
        ref,
        problem: `docs/${ref.page}.md has no heading with {#${ref.anchor}}`,
      });
    }
  }
  return problems;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
