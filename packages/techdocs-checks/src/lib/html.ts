import type { Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import {
  findAll,
  getAttributeValue,
  getElementById,
  getElementsByTagName,
  textContent,
} from 'domutils';

/** A built page, parsed by a real HTML parser (htmlparser2). */
export interface ParsedPage {
  document: Document;
}

export function parsePage(html: string): ParsedPage {
  return { document: parseDocument(html) };
}

/** A heading or other element as a reader would find it. */
export interface FoundElement {
  /** Lower-case tag name, e.g. `h2`. */
  tag: string;
  /** Visible text, without the permalink sign MkDocs appends to headings. */
  text: string;
}

/** The element a `#anchor` scrolls to, if the page has one. */
export function elementById(page: ParsedPage, id: string): FoundElement | null {
  const element = getElementById(id, page.document.children);
  return element ? describe(element) : null;
}

/**
 * The `href` of every link in the page's article (the Markdown content),
 * leaving out the theme's navigation.
 */
export function articleLinks(page: ParsedPage): string[] {
  const [article] = getElementsByTagName(
    'article',
    page.document.children,
    true,
    1,
  );
  const scope = article ? article.children : page.document.children;
  return findAll(el => el.name === 'a', scope)
    .map(a => getAttributeValue(a, 'href'))
    .filter((href): href is string => href !== undefined);
}

function describe(element: Element): FoundElement {
  return {
    tag: element.name.toLowerCase(),
    text: textContent(element).replace(/¶/g, '').trim(),
  };
}
