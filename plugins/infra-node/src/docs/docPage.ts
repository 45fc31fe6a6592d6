import { DocPageKind } from '@internal/backstage-plugin-infra-common';
import { parse as parseYaml } from 'yaml';

/** A heading of a Markdown page, with its 1-based line. */
export interface DocHeading {
  level: number;
  text: string;
  line: number;
  /** The anchor MkDocs gives it: an explicit `{#id}`, else the text slugified as MkDocs' toc does. */
  id: string;
}

/** Python-Markdown's toc slugify: ASCII, lowercase, word characters and hyphens. */
export function headingSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Python-Markdown drops what is not ASCII after decomposing accents.
      .replace(/[^ -~\s]/g, '')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[-\s]+/g, '-')
  );
}

function headingOf(level: number, raw: string, line: number): DocHeading {
  const explicit = /\{[^}]*#([\w-]+)[^}]*\}\s*$/.exec(raw)?.[1];
  const text = cleanHeading(raw);
  return { level, text, line, id: explicit ?? headingSlug(text) };
}

/** A Markdown page of the infra's docs folder, read for titles and matching. */
export interface DocPage {
  /** Path inside the docs folder, e.g. `runbooks/restore-postgresql.md`. */
  path: string;
  /** The first heading; the file name in words when there is none. */
  title: string;
  /** True when the title came from a heading (or front matter `title`). */
  titleFromHeading: boolean;
  kind: DocPageKind;
  /** `YYYY-MM-DD`, from the file name or the front matter's `date`. */
  date?: string;
  headings: DocHeading[];
  /** The page's lines (front matter and fenced code included: names appear there too). */
  lines: string[];
}

/** A page that cannot be rendered, and why (named on the page the site shows instead). */
export interface UnreadableDocPage {
  path: string;
  reason: string;
}

/**
 * Folder names people give each kind of page. Matched on every folder of the
 * path, so `docs/ops/runbooks/x.md` is a runbook too.
 */
const KIND_BY_FOLDER: Array<[RegExp, DocPageKind]> = [
  [/^(post-?mortems?|incidents?|retros?(pectives?)?)$/i, 'post-mortem'],
  [/^(runbooks?|playbooks?|how-?tos?|procedures?)$/i, 'runbook'],
  [/^(adrs?|decisions?)$/i, 'decision'],
  [/^(architecture|design|designs)$/i, 'architecture'],
  [/^(plans?|proposals?|rfcs?)$/i, 'plan'],
];

/** The kind of a page from the folders it is in (innermost first). */
export function docPageKind(path: string): DocPageKind {
  const folders = path.split('/').slice(0, -1).reverse();
  for (const folder of folders) {
    for (const [pattern, kind] of KIND_BY_FOLDER)
      if (pattern.test(folder)) return kind;
  }
  return 'page';
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?=[-_.\s]|$)/;

/** `runbooks/restore-postgresql.md` → `Restore postgresql`. */
export function titleFromFileName(path: string): string {
  const base = (path.split('/').pop() ?? path).replace(/\.md$/i, '');
  const words = base.replace(DATE_PREFIX, '').replace(/^[-_.\s]+/, '');
  const text = (words || base).replace(/[-_]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The `---` front matter as a mapping. Front matter that is not YAML is
 * ignored, as MkDocs does (it renders the page with those lines as text).
 */
function readFrontMatter(text: string): {
  meta?: Record<string, unknown>;
  /** Lines the front matter takes, `---` lines included. */
  lineCount: number;
} {
  const m = /^---\r?\n([\s\S]*?)\r?\n(---|\.\.\.)\r?\n/.exec(text);
  if (!m) return { lineCount: 0 };
  const lineCount = m[0].split('\n').length - 1;
  try {
    const meta: unknown = parseYaml(m[1]);
    return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
      ? { meta: meta as Record<string, unknown>, lineCount }
      : { lineCount };
  } catch {
    return { lineCount };
  }
}

/** ATX (`# x`) and setext (`x` over `===`) headings outside fenced code. */
function readHeadings(lines: string[], from: number): DocHeading[] {
  const headings: DocHeading[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    if (i < from) return;
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark) {
      if (!fence) fence = fenceMark[0];
      else if (fenceMark[0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      headings.push(headingOf(atx[1].length, atx[2], i + 1));
      return;
    }
    const next = lines[i + 1];
    if (line.trim() && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next)) {
      // A `---` under a paragraph line is a setext h2 only when the line is
      // not itself a list item or table row.
      if (/^\s*([-*+]\s|\||>)/.test(line)) return;
      headings.push(
        headingOf(next.trim().startsWith('=') ? 1 : 2, line, i + 1),
      );
    }
  });
  return headings;
}

/** Drops `{#anchor}` attribute lists and Markdown emphasis/link syntax. */
function cleanHeading(text: string): string {
  return text
    .replace(/\s*\{[#.][^}]*\}\s*$/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** `YYYY-MM-DD` of a front matter `date` (YAML reads an unquoted date as a Date). */
function dateOf(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return DATE_PREFIX.exec(value)?.[1];
  return undefined;
}

/**
 * Reads one Markdown page of the docs folder. Returns an
 * {@link UnreadableDocPage} (with the reason in words) when MkDocs could not
 * render it: bytes that are not UTF-8 stop MkDocs' whole build.
 */
export function readDocPage(
  path: string,
  content: Buffer,
): DocPage | UnreadableDocPage {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return { path, reason: 'it is not UTF-8 text' };
  }
  if (text.includes('\0'))
    return { path, reason: 'it holds NUL bytes (a binary file named .md?)' };
  const { meta, lineCount } = readFrontMatter(text);
  const lines = text.split(/\r?\n/);
  const headings = readHeadings(lines, lineCount);
  const metaTitle = typeof meta?.title === 'string' ? meta.title : undefined;
  const heading = headings[0]?.text;
  const fileDate = DATE_PREFIX.exec(path.split('/').pop() ?? '')?.[1];
  const metaDate = dateOf(meta?.date);
  return {
    path,
    title: metaTitle ?? heading ?? titleFromFileName(path),
    titleFromHeading: !!(metaTitle ?? heading),
    kind: docPageKind(path),
    date: fileDate ?? metaDate,
    headings,
    lines,
  };
}

export function isUnreadableDocPage(
  page: DocPage | UnreadableDocPage,
): page is UnreadableDocPage {
  return 'reason' in page;
}
