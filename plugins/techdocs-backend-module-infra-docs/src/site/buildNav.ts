import { posix } from 'node:path';

/** A Markdown page as the navigation needs it. */
export interface NavPage {
  /** Path inside the docs folder, e.g. `runbooks/restore.md`. */
  path: string;
  /** Its first heading (or its file name in words). */
  title: string;
  /** `YYYY-MM-DD`: dated pages (post-mortems, plans) list newest first. */
  date?: string;
  /** The page's lines; read for links only on a folder's README or index. */
  lines: string[];
}

/** One MkDocs `nav` entry: a page (`{ title: path }`) or a section (`{ title: [...] }`). */
export type NavEntry = { [title: string]: string | NavEntry[] };

interface Folder {
  path: string;
  pages: NavPage[];
  folders: Map<string, Folder>;
  index?: NavPage;
}

/** The page MkDocs makes a folder's index: `index.md` wins over `README.md`. */
export function isIndexFile(path: string): boolean {
  return /^(index|readme)\.md$/i.test(posix.basename(path));
}

function folderOf(root: Folder, dir: string): Folder {
  if (dir === '.' || dir === '') return root;
  let folder = root;
  let walked = '';
  for (const seg of dir.split('/')) {
    walked = walked ? `${walked}/${seg}` : seg;
    let next = folder.folders.get(seg);
    if (!next) {
      next = { path: walked, pages: [], folders: new Map() };
      folder.folders.set(seg, next);
    }
    folder = next;
  }
  return folder;
}

function buildTree(pages: NavPage[]): Folder {
  const root: Folder = { path: '', pages: [], folders: new Map() };
  for (const page of pages) {
    const folder = folderOf(root, posix.dirname(page.path));
    if (isIndexFile(page.path)) {
      const isIndexMd = /^index\.md$/i.test(posix.basename(page.path));
      if (!folder.index || isIndexMd) folder.index = page;
      continue;
    }
    folder.pages.push(page);
  }
  return root;
}

/** Link targets in a README's table rows and list items, resolved to docs paths. */
export function readmeLinks(page: NavPage): string[] {
  const dir = posix.dirname(page.path);
  const out: string[] = [];
  for (const line of page.lines) {
    if (!/^\s*(\||[-*+]\s|\d+[.)]\s)/.test(line)) continue;
    for (const m of line.matchAll(
      /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    )) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const resolved = posix.normalize(posix.join(dir, target));
      if (resolved.startsWith('..')) continue;
      out.push(resolved.replace(/\/+$/, ''));
    }
  }
  return out;
}

/** `post-mortems` → `Post-mortems`; `adr` → `ADR` (names of three letters or fewer read as acronyms). */
export function folderTitle(name: string): string {
  if (/^[a-z]{1,3}$/i.test(name)) return name.toUpperCase();
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function byDateThenTitle(a: NavPage, b: NavPage): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (!!a.date !== !!b.date) return a.date ? -1 : 1;
  return a.title.localeCompare(b.title);
}

/**
 * The MkDocs `nav` of a docs folder as it is: one section per folder (its
 * README or index page first), each section's pages titled by their first
 * heading. What the READMEs' tables and lists link to comes first, in their
 * order; the rest follow, dated pages newest first, then by title.
 */
export function buildNav(pages: NavPage[]): NavEntry[] {
  const root = buildTree(pages);
  const indexes: NavPage[] = [];
  const collect = (f: Folder) => {
    if (f.index) indexes.push(f.index);
    [...f.folders.values()].forEach(collect);
  };
  collect(root);
  const linkOrder: string[] = [];
  for (const index of indexes) {
    for (const link of readmeLinks(index))
      if (!linkOrder.includes(link)) linkOrder.push(link);
  }
  const rank = (path: string, isFolder: boolean) => {
    const i = linkOrder.findIndex(
      l => l === path || (isFolder && l.startsWith(`${path}/`)),
    );
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };

  function sectionOf(folder: Folder): NavEntry[] {
    return [
      ...(folder.index ? [{ [folder.index.title]: folder.index.path }] : []),
      ...entriesOf(folder),
    ];
  }
  function entriesOf(folder: Folder): NavEntry[] {
    type Item = { rank: number; order: number; entry: NavEntry };
    const pageItems: Item[] = [...folder.pages]
      .sort(byDateThenTitle)
      .map((p, order) => ({
        rank: rank(p.path, false),
        order,
        entry: { [p.title]: p.path },
      }));
    const folderItems: Item[] = [...folder.folders.values()]
      .map(f => ({ f, title: folderTitle(posix.basename(f.path)) }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(({ f, title }, order) => ({
        rank: rank(f.path, true),
        order: pageItems.length + order,
        entry: { [title]: sectionOf(f) },
      }));
    return [...pageItems, ...folderItems]
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(i => i.entry);
  }
  return sectionOf(root);
}
