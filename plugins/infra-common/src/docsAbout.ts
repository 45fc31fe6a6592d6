/**
 * The infra repo's own docs (its `docs/` folder) as the portal shows them:
 * one TechDocs site on a docs entity, and on each stack's System and each
 * service the pages that name it ("Docs about this"). Isomorphic: plain data.
 */

/** Annotations of the docs entity and of the entities docs are about. */
export const INFRA_DOCS_ANNOTATIONS = {
  /**
   * On the docs entity: `generated`, meaning the portal writes the site's
   * MkDocs configuration itself (the infra repo has none and gets none).
   */
  site: 'infra.homelab/docs-site',
  /** On a System or service: JSON {@link DocsAboutEntity}; absent when no page names it. */
  about: 'infra.homelab/docs-about',
  /**
   * On an entity with findings: JSON {@link DocsCounterparts}, the infra
   * docs' own sections for the portal runbooks its findings link to.
   */
  counterparts: 'infra.homelab/docs-counterparts',
} as const;

/** The infra docs' own page (and section) for one of the portal's runbook sections. */
export interface DocCounterpart {
  /** Repo-relative Markdown file. */
  file: string;
  /** The page's title. */
  title: string;
  sitePath: string;
  /** The section's anchor, when a section (not the whole page) is the counterpart. */
  anchor?: string;
  /** Why it is the counterpart: `same section name` or `same page name`. */
  reason: 'same section name' | 'same page name';
}

/** The value of {@link INFRA_DOCS_ANNOTATIONS}.counterparts. */
export interface DocsCounterparts {
  docsEntityRef: string;
  /** Keyed by the portal runbook's `page#anchor`. */
  runbooks: Record<string, DocCounterpart>;
}

/** Reads the counterparts annotation; undefined when absent or not valid JSON. */
export function parseDocsCounterparts(
  value: string | undefined,
): DocsCounterparts | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as DocsCounterparts;
    if (
      typeof parsed?.docsEntityRef !== 'string' ||
      typeof parsed.runbooks !== 'object' ||
      parsed.runbooks === null
    )
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/** What kind of page it is, from the folder it is in. */
export type DocPageKind =
  | 'post-mortem'
  | 'runbook'
  | 'architecture'
  | 'decision'
  | 'plan'
  | 'page';

/** Where a name was found on a page. */
export interface DocMatch {
  /** The word or name that matched, as the entity has it (e.g. `authentik`). */
  term: string;
  /** What the term is of the entity. */
  termKind: 'stack' | 'service' | 'hostname' | 'namespace';
  /** `heading` when a heading names it (the stronger match), else `body`. */
  field: 'heading' | 'body';
  /** The line it was found on, shortened around the match. */
  excerpt: string;
  /** 1-based line in the Markdown file. */
  line: number;
}

/** One page that names the entity. */
export interface DocAboutPage {
  /** Repo-relative Markdown file, e.g. `docs/post-mortems/2026-01-02-x.md`. */
  file: string;
  /** The page's first heading (or its file name when it has none). */
  title: string;
  kind: DocPageKind;
  /** `YYYY-MM-DD` from the file name or front matter, when there is one. */
  date?: string;
  /** Path of the page inside the docs site, e.g. `post-mortems/2026-01-02-x/`. */
  sitePath: string;
  /** Up to a few matches, headings first. */
  matches: DocMatch[];
  /**
   * True when the page names it on one line only and names many other
   * entities too (an inventory table, a list of apps): listed after the
   * pages that are about it.
   */
  inPassing?: boolean;
}

/** The value of {@link INFRA_DOCS_ANNOTATIONS}.about. */
export interface DocsAboutEntity {
  /** The docs entity whose TechDocs site holds the pages, e.g. `component:default/infra-docs`. */
  docsEntityRef: string;
  /**
   * Pages about it before pages naming it in passing; within each,
   * post-mortems first (newest first), then the other pages by match strength.
   */
  pages: DocAboutPage[];
  /** How many pages matched in all; more than `pages.length` when the list was cut. */
  total: number;
}

/**
 * The site path MkDocs gives a Markdown file of the docs folder (directory
 * URLs): `runbooks/restore.md` → `runbooks/restore/`, a folder's
 * `README.md` or `index.md` → the folder itself.
 */
export function docSitePath(docsRelativeFile: string): string {
  const noExt = docsRelativeFile.replace(/\.md$/i, '');
  const parts = noExt.split('/');
  const last = parts[parts.length - 1];
  if (/^(readme|index)$/i.test(last)) parts.pop();
  return parts.length ? `${parts.join('/')}/` : '';
}

/** Reads the docs-about annotation; undefined when absent or not valid JSON. */
export function parseDocsAbout(
  value: string | undefined,
): DocsAboutEntity | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as DocsAboutEntity;
    if (
      typeof parsed?.docsEntityRef !== 'string' ||
      !Array.isArray(parsed.pages)
    )
      return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}
