import { MissingIndexError } from '@backstage/plugin-search-backend-node';

/**
 * A search in an index that has not been built yet: right after the
 * backend starts (the collators run on a schedule) or, for TechDocs, before
 * any docs site was built. Keeps the name `MissingIndexError`, which the
 * search router passes through unchanged, and answers 503 with a message a
 * person can act on instead of the router's bare 500.
 */
export class NotIndexedYetError extends MissingIndexError {
  readonly statusCode = 503;

  constructor(types: string[], cause: Error) {
    super(
      `Not indexed yet: search has no index of ${
        types.length ? types.join(', ') : 'any kind'
      } yet. The portal builds its indexes on a schedule after it starts (docs once a site has been built); try again in a few minutes.`,
      cause,
    );
    this.name = 'MissingIndexError';
  }
}
