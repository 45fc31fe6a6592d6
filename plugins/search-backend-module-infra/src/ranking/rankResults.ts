import { IndexableResult } from '@backstage/plugin-search-common';
import { matchField } from './matchQuality';
import { queryWords, words } from './terms';

/**
 * Whether a result belongs to the docs the portal treats as the authority
 * on the infra (the infra repo's own docs, see `createPreferredDocs`).
 */
export type IsPreferred = (result: IndexableResult) => boolean;

/** How strongly a result answers a query: compared by tier, then by score. */
export interface Ranking {
  tier: number;
  score: number;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The tier of a result:
 * - 2: its title is the query (a search for a service's name finds the
 *   service before the pages that mention it);
 * - 1: it is one of the preferred docs and names the query: the words side
 *   by side in its heading or text, or all of them in its heading. Where the
 *   infra's own docs have a page on something, it comes before the portal's
 *   general runbook on the same thing;
 * - 0: everything else.
 */
function tierOf(
  title: ReturnType<typeof matchField>,
  text: ReturnType<typeof matchField>,
  preferred: boolean,
): number {
  if (title.exact) return 2;
  if (preferred && (title.phrase || text.phrase || title.coverage === 1)) {
    return 1;
  }
  return 0;
}

/**
 * Within a tier: a heading that has the query side by side counts most,
 * then a heading with its words, then the text. The engine's own order
 * (Lunr's BM25, PostgreSQL's ts_rank) breaks ties, weighted below one
 * heading word so it never overrides what the heading says.
 */
function scoreOf(
  title: ReturnType<typeof matchField>,
  text: ReturnType<typeof matchField>,
  engineOrder: number,
): number {
  return (
    4 * Number(title.phrase) +
    3 * title.coverage +
    Number(text.phrase) +
    text.coverage +
    0.5 * engineOrder
  );
}

/**
 * How much of a document's text the ranking reads. A page's entry holds the
 * whole page; past this the engine still matches it, the ranking just
 * does not look there (sections, which most results are, are far shorter).
 */
const TEXT_READ = 20_000;

/** Documents' words by location, as search-as-you-type asks for the same ones again and again. */
const analysed = new Map<
  string,
  { title: string; text: string; titleWords: string[]; textWords: string[] }
>();
const ANALYSED_CAP = 20_000;

function wordsOf(result: IndexableResult) {
  const title = textOf(result.document.title);
  const text = textOf(result.document.text).slice(0, TEXT_READ);
  const key = `${result.type}\0${result.document.location}`;
  const cached = analysed.get(key);
  if (cached && cached.title === title && cached.text === text) return cached;
  const entry = {
    title,
    text,
    titleWords: words(title),
    textWords: words(text),
  };
  if (analysed.size >= ANALYSED_CAP) analysed.clear();
  analysed.set(key, entry);
  return entry;
}

export function rankOf(
  query: string[],
  result: IndexableResult,
  preferred: boolean,
  engineOrder: number,
): Ranking {
  const { titleWords, textWords } = wordsOf(result);
  const title = matchField(query, titleWords);
  const text = matchField(query, textWords);
  return {
    tier: tierOf(title, text, preferred),
    score: scoreOf(title, text, engineOrder),
  };
}

/**
 * Orders an engine's candidates for a query. The engine decides what
 * matches; this decides the order, the same way whichever engine answered.
 * Stable: equal rankings keep the engine's order.
 */
export function rankResults<T extends IndexableResult>(
  term: string,
  candidates: T[],
  isPreferred: IsPreferred,
): T[] {
  const query = queryWords(term);
  if (!query.length) return candidates;
  const ranked = candidates.map((result, index) => ({
    result,
    index,
    ranking: rankOf(
      query,
      result,
      isPreferred(result),
      1 - index / candidates.length,
    ),
  }));
  ranked.sort(
    (a, b) =>
      b.ranking.tier - a.ranking.tier ||
      b.ranking.score - a.ranking.score ||
      a.index - b.index,
  );
  return ranked.map(r => r.result);
}
