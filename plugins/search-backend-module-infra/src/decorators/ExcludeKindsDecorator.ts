import { DecoratorBase } from '@backstage/plugin-search-backend-node';
import {
  DocumentDecoratorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';

/**
 * Leaves catalog entities of the given kinds out of the search index.
 * `Location` entities are the catalog's bookkeeping (which file the others
 * came from): a person searching for a service never means one, and their
 * names (`generated-5f1c...`) crowd the results.
 */
export class ExcludeKindsDecorator extends DecoratorBase {
  readonly #kinds: Set<string>;

  constructor(kinds: string[]) {
    super();
    this.#kinds = new Set(kinds.map(k => k.toLocaleLowerCase('en-US')));
  }

  async initialize() {}

  async finalize() {}

  async decorate(
    document: IndexableDocument,
  ): Promise<IndexableDocument | undefined> {
    const { kind } = document as IndexableDocument & { kind?: unknown };
    return typeof kind === 'string' &&
      this.#kinds.has(kind.toLocaleLowerCase('en-US'))
      ? undefined
      : document;
  }
}

/** {@link ExcludeKindsDecorator} for the catalog's index. */
export function excludeKindsDecoratorFactory(
  kinds: string[],
): DocumentDecoratorFactory {
  return {
    types: ['software-catalog'],
    async getDecorator() {
      return new ExcludeKindsDecorator(kinds);
    },
  };
}
