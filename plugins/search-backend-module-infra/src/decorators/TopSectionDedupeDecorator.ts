import { DecoratorBase } from '@backstage/plugin-search-backend-node';
import {
  DocumentDecoratorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-US');
}

/**
 * Drops the section of a page's top heading from the TechDocs index.
 *
 * MkDocs' search index has an entry for each page (its whole text, the top
 * heading first) and one for each heading; the top heading's entry is the
 * page's opening again, so a search listed both, one under the other. The
 * page's entry stays: it links to the page itself. A page that opens with
 * text before its first heading keeps that heading's section, which then
 * is not the page's opening.
 *
 * Relies on the order MkDocs writes the index in (a page, then its
 * headings), which the TechDocs collator keeps.
 */
export class TopSectionDedupeDecorator extends DecoratorBase {
  /** The opening text of the page last seen, until its first section has been checked. */
  #page: { path: string; text: string } | undefined;

  async initialize() {}

  async finalize() {}

  async decorate(
    document: IndexableDocument,
  ): Promise<IndexableDocument | undefined> {
    const [path, anchor] = document.location.split('#', 2);
    if (anchor === undefined) {
      this.#page = { path, text: normalized(document.text) };
      return document;
    }
    const page = this.#page;
    if (page?.path !== path) return document;
    // Only the first section of a page can be its opening.
    this.#page = undefined;
    const title = normalized(document.title);
    return title && page.text.startsWith(title) ? undefined : document;
  }
}

/** {@link TopSectionDedupeDecorator} for the TechDocs index. */
export const topSectionDedupeDecoratorFactory: DocumentDecoratorFactory = {
  types: ['techdocs'],
  async getDecorator() {
    return new TopSectionDedupeDecorator();
  },
};
