import {
  MissingIndexError,
  QueryTranslator,
  SearchEngine,
} from '@backstage/plugin-search-backend-node';
import {
  IndexableResultSet,
  QueryRequestOptions,
  SearchQuery,
} from '@backstage/plugin-search-common';
import { IsPreferred, rankResults } from '../ranking/rankResults';
import { NotIndexedYetError } from './NotIndexedYetError';

/** The engine's best this many results are ordered by the ranking (more when a later page is asked). */
export const RANKED_CANDIDATES = 100;

const DEFAULT_PAGE_SIZE = 25;

function pageOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const page = Number(Buffer.from(cursor, 'base64').toString('utf8'));
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

function cursorOf(page: number): string {
  return Buffer.from(String(page), 'utf8').toString('base64');
}

export interface RankedSearchEngineOptions {
  /** The engine that indexes and matches (Lunr or PostgreSQL). */
  engine: SearchEngine;
  /** Which results are the preferred docs; looked up for each query. */
  preferred: () => Promise<IsPreferred>;
}

/**
 * A search engine that leaves indexing and matching to another engine and
 * orders its results itself ({@link rankResults}): headings and phrases
 * over scattered words, the infra's own docs over the portal's general
 * runbooks. Lunr weighs every field alike and PostgreSQL's `ts_rank` has no
 * notion of a heading; ordering here makes both answer alike.
 *
 * Asks the engine for its best {@link RANKED_CANDIDATES} (or enough for the
 * page asked), orders those and pages through them, so every page comes
 * from the same order.
 */
export class RankedSearchEngine implements SearchEngine {
  readonly #engine: SearchEngine;
  readonly #preferred: () => Promise<IsPreferred>;

  constructor(options: RankedSearchEngineOptions) {
    this.#engine = options.engine;
    this.#preferred = options.preferred;
  }

  setTranslator(translator: QueryTranslator): void {
    this.#engine.setTranslator(translator);
  }

  getIndexer(type: string) {
    return this.#engine.getIndexer(type);
  }

  async query(
    query: SearchQuery,
    options?: QueryRequestOptions,
  ): Promise<IndexableResultSet> {
    const pageSize = query.pageLimit || DEFAULT_PAGE_SIZE;
    const page = pageOf(query.pageCursor);
    const wanted = Math.max(RANKED_CANDIDATES, (page + 1) * pageSize);
    let candidates: IndexableResultSet;
    try {
      candidates = await this.#engine.query(
        { ...query, pageCursor: undefined, pageLimit: wanted },
        options,
      );
    } catch (error) {
      if (error instanceof MissingIndexError) {
        throw new NotIndexedYetError(query.types ?? [], error);
      }
      throw error;
    }
    const ordered = rankResults(
      query.term,
      candidates.results,
      await this.#preferred(),
    );
    const start = page * pageSize;
    const hasMore =
      ordered.length > start + pageSize || Boolean(candidates.nextPageCursor);
    return {
      results: ordered
        .slice(start, start + pageSize)
        .map((result, i) => ({ ...result, rank: start + i + 1 })),
      numberOfResults: candidates.numberOfResults,
      nextPageCursor: hasMore ? cursorOf(page + 1) : undefined,
      previousPageCursor: page > 0 ? cursorOf(page - 1) : undefined,
    };
  }
}
