import path from 'node:path';

/**
 * Where entities link to: the location annotations the catalog wants on
 * every provider entity, and browser links to files and lines.
 */
export interface SourceLinks {
  /** `url:<url>` or `file:<absolute path>` of the repo, for `backstage.io/managed-by-location`. */
  locationRef: string;
  /** `backstage.io/source-location` value of a repo-relative file or folder. */
  sourceLocation(relPath: string, line?: number): string;
  /** Browser URL of a file and line, when the repo's web address is known. */
  webUrl(relPath: string, line?: number): string | undefined;
}

/**
 * Turns a tree URL as given to `readTree` into the base of file links:
 * GitHub's `/tree/<ref>` becomes `/blob/<ref>`; Gitea/Forgejo's
 * `/src/branch/<ref>` already is one. Other URLs are used as they are.
 */
export function webBaseFromTreeUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return u
    .toString()
    .replace(/\/tree\//, '/blob/')
    .replace(/\/+$/, '');
}

/** Strips credentials and query strings from a URL, for logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}

export function createSourceLinks(options: {
  path?: string;
  url?: string;
  webUrl?: string;
}): SourceLinks {
  let webBase: string | undefined;
  if (options.webUrl) webBase = options.webUrl.replace(/\/+$/, '');
  else if (options.url) webBase = webBaseFromTreeUrl(options.url);
  const web = (rel: string, line?: number) =>
    webBase ? `${webBase}/${rel}${line ? `#L${line}` : ''}` : undefined;
  if (options.url) {
    const locationRef = `url:${describeUrl(options.url)}`;
    return {
      locationRef,
      sourceLocation: (rel, line) => `url:${web(rel, line)}`,
      webUrl: web,
    };
  }
  const root = path.resolve(options.path ?? '.');
  return {
    locationRef: `file:${root}`,
    sourceLocation: (rel, line) =>
      webBase ? `url:${web(rel, line)}` : `file:${path.join(root, rel)}`,
    webUrl: web,
  };
}
