export interface Config {
  search?: {
    /** Infra Portal's search module (plugins/search-backend-module-infra). */
    infra?: {
      /**
       * Catalog kinds left out of the search index. Default: `[Location]`,
       * the catalog's bookkeeping entities.
       */
      excludeKinds?: string[];
    };
  };
}
