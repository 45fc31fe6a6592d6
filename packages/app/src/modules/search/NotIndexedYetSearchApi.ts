import { ResponseError } from '@backstage/errors';
import { SearchApi } from '@backstage/plugin-search-react';

type Query = Parameters<SearchApi['query']>[0];
type ResultSet = Awaited<ReturnType<SearchApi['query']>>;

/**
 * The backend's answer for an index that does not exist yet (the search
 * module's NotIndexedYetError): 503, named as the search backend names it.
 */
function isNotIndexedYet(error: unknown): error is ResponseError {
  return (
    error instanceof ResponseError &&
    error.statusCode === 503 &&
    error.body.error.name === 'MissingIndexError'
  );
}

/**
 * The search API, saying "Not indexed yet" where the backend has no index
 * to search. The stock search boxes (the docs reader's among them) only
 * show results, and drop an error without a word; so the backend's message
 * comes back as the one result, titled "Not indexed yet", linking to the
 * page the person is on. Any other error is thrown as before.
 */
export class NotIndexedYetSearchApi implements SearchApi {
  readonly #inner: SearchApi;

  constructor(inner: SearchApi) {
    this.#inner = inner;
  }

  async query(
    query: Query,
    options?: { signal?: AbortSignal },
  ): Promise<ResultSet> {
    try {
      return await this.#inner.query(query, options);
    } catch (error) {
      if (!isNotIndexedYet(error)) throw error;
      return {
        results: [
          {
            type: query.types?.[0] ?? 'software-catalog',
            document: {
              title: 'Not indexed yet',
              text: error.body.error.message,
              location: `${window.location.pathname}${window.location.search}`,
            },
          },
        ],
        numberOfResults: 0,
      };
    }
  }
}
