import { options } from 'linkifyjs';

/**
 * Link, in the scaffolder's task log, only what is written as a URL. The
 * log viewer (core-components' LogViewer) links every word that ends in a
 * top-level domain, so `main.tf` (French Southern Territories) became a link
 * to http://main.tf and `docs/index.md` one to http://index.md. The viewer
 * takes no linkify options, so this sets linkify's default instead: a URL
 * must carry its scheme (`https://...`) or start with `www.`. Idempotent.
 */
export function linkOnlyWrittenUrls(): void {
  options.defaults.validate = (value: string, type: string) =>
    type !== 'url' ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
    /^www\./i.test(value);
}
