import {
  DocAboutPage,
  DocMatch,
  docSitePath,
  DocsAboutEntity,
} from '@internal/backstage-plugin-infra-common';
import { DocPage } from '@internal/backstage-plugin-infra-node';
import { DocsSubject, SubjectTerm } from './subjects';

/** Pages listed per entity; `total` says how many matched in all. */
export const MAX_PAGES_PER_ENTITY = 10;
/** Matches shown per page. */
const MAX_MATCHES_PER_PAGE = 3;
/** Shorter names (`db`, `ci`) match too much to say what a page is about. */
const MIN_TERM_LENGTH = 3;
/**
 * A namespace found on more than this share of the pages (with at least
 * {@link COMMON_TERM_MIN_PAGES} pages) says nothing about any one of them
 * (`default`, `kube-system`, a namespace many stacks share): it is not used
 * to link. Stack, service and host names always are: a page naming a stack
 * is about it, however many pages do.
 */
const COMMON_TERM_SHARE = 0.4;
const COMMON_TERM_MIN_PAGES = 8;
const EXCERPT_CHARS = 140;
/**
 * A page that names more subjects than this is a roster (an inventory
 * table, a list of apps an upgrade touches): one line of it naming an
 * entity says the entity is on the list, not that the page is about it.
 */
const ROSTER_SUBJECTS = 8;

export interface MatchDocsOptions {
  /** The docs entity's ref, e.g. `component:default/infra-docs`. */
  docsEntityRef: string;
  /** The docs folder in the repo, for the file names shown, e.g. `docs`. */
  repoFolder: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The term as a whole word: letters and digits may not touch it (hyphens and dots may). */
function wordPattern(term: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])${escapeRegExp(term)}(?![\\p{L}\\p{N}_])`,
    'iu',
  );
}

/** The line around the match, at most {@link EXCERPT_CHARS} long, with `…` where it was cut. */
function excerptAround(line: string, index: number): string {
  const start = Math.max(0, Math.min(index - 50, line.length - EXCERPT_CHARS));
  const end = Math.min(line.length, start + EXCERPT_CHARS);
  const cut = line.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${cut}${end < line.length ? '…' : ''}`;
}

interface PageHits {
  page: DocPage;
  matches: DocMatch[];
  score: number;
  /** Set once every subject is matched: see {@link ROSTER_SUBJECTS}. */
  inPassing?: boolean;
}

function findMatches(
  page: DocPage,
  terms: Array<SubjectTerm & { re: RegExp }>,
): PageHits | undefined {
  const headingLines = new Set(page.headings.map(h => h.line));
  // The most specific name per line: a hostname over the stack it contains.
  const bySpecificity = [...terms].sort(
    (a, b) => b.term.length - a.term.length,
  );
  const matches: DocMatch[] = [];
  let score = 0;
  page.lines.forEach((line, i) => {
    for (const t of bySpecificity) {
      const m = t.re.exec(line);
      if (!m) continue;
      const field = headingLines.has(i + 1) ? 'heading' : 'body';
      score += field === 'heading' ? 3 : 1;
      matches.push({
        term: t.term,
        termKind: t.termKind,
        field,
        excerpt: excerptAround(line, m.index),
        line: i + 1,
      });
      break;
    }
  });
  if (!matches.length) return undefined;
  // Headings first, then in page order.
  const fieldRank = (m: DocMatch) => (m.field === 'heading' ? 0 : 1);
  const shown = [...matches]
    .sort((a, b) => fieldRank(a) - fieldRank(b) || a.line - b.line)
    .slice(0, MAX_MATCHES_PER_PAGE);
  return { page, matches: shown, score };
}

/**
 * Pages about the entity before pages that mention it in passing; within
 * each, post-mortems first, newest first; then the other pages by match
 * strength, then title.
 */
function comparePages(a: PageHits, b: PageHits): number {
  if (!!a.inPassing !== !!b.inPassing) return a.inPassing ? 1 : -1;
  const pmA = a.page.kind === 'post-mortem';
  const pmB = b.page.kind === 'post-mortem';
  if (pmA !== pmB) return pmA ? -1 : 1;
  if (pmA && (a.page.date ?? '') !== (b.page.date ?? ''))
    return (a.page.date ?? '') < (b.page.date ?? '') ? 1 : -1;
  return b.score - a.score || a.page.title.localeCompare(b.page.title);
}

/**
 * For each subject, the docs pages that name it (whole words, in headings or
 * body, case-insensitive), with the matches shown. Names too short, and
 * namespaces found on too many pages to tell pages apart, are not used.
 */
export function matchDocs(
  subjects: DocsSubject[],
  pages: DocPage[],
  options: MatchDocsOptions,
): Map<string, DocsAboutEntity> {
  const patterns = new Map<string, RegExp>();
  const pattern = (term: string) => {
    const key = term.toLowerCase();
    let re = patterns.get(key);
    if (!re) patterns.set(key, (re = wordPattern(term)));
    return re;
  };
  const pageCount = new Map<string, number>();
  const pagesWith = (term: string) => {
    const key = term.toLowerCase();
    let n = pageCount.get(key);
    if (n === undefined) {
      const re = pattern(term);
      n = pages.filter(p => p.lines.some(l => re.test(l))).length;
      pageCount.set(key, n);
    }
    return n;
  };
  const isCommon = (t: SubjectTerm) =>
    t.termKind === 'namespace' &&
    pages.length >= COMMON_TERM_MIN_PAGES &&
    pagesWith(t.term) > pages.length * COMMON_TERM_SHARE;

  const out = new Map<string, DocsAboutEntity>();
  const hitsBySubject = new Map<string, PageHits[]>();
  const subjectsOnPage = new Map<string, number>();
  for (const subject of subjects) {
    const terms = subject.terms
      .filter(t => t.term.length >= MIN_TERM_LENGTH && !isCommon(t))
      .map(t => ({ ...t, re: pattern(t.term) }));
    if (!terms.length) continue;
    const hits = pages
      .map(p => findMatches(p, terms))
      .filter((h): h is PageHits => !!h);
    for (const h of hits)
      subjectsOnPage.set(
        h.page.path,
        (subjectsOnPage.get(h.page.path) ?? 0) + 1,
      );
    if (hits.length) hitsBySubject.set(subject.ref, hits);
  }
  for (const [ref, hits] of hitsBySubject) {
    for (const h of hits) {
      const once = h.matches.length === 1 && h.matches[0].field === 'body';
      h.inPassing =
        once && (subjectsOnPage.get(h.page.path) ?? 0) > ROSTER_SUBJECTS;
    }
    hits.sort(comparePages);
    out.set(ref, {
      docsEntityRef: options.docsEntityRef,
      total: hits.length,
      pages: hits.slice(0, MAX_PAGES_PER_ENTITY).map(
        (h): DocAboutPage => ({
          file: `${options.repoFolder}/${h.page.path}`,
          title: h.page.title,
          kind: h.page.kind,
          ...(h.page.date ? { date: h.page.date } : {}),
          sitePath: docSitePath(h.page.path),
          matches: h.matches,
          ...(h.inPassing ? { inPassing: true } : {}),
        }),
      ),
    });
  }
  return out;
}
