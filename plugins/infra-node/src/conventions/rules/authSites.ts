/**
 * Finds `auth = "app"|"none"` lines in raw Terraform text and judges their
 * justification comments with the infra's own guard's semantics, so the
 * portal and the guard always agree on a line:
 *
 * - Files: every `.tf` file under `stacks/` (the guard's `--all`).
 * - Lines: split at `\n`, `\r\n` and a lone `\r` (Python's universal newlines).
 * - A site: a whole line that is only `auth = "app"` or `auth = "none"`
 *   (any spacing). Where that line is does not matter: a module argument, a
 *   map in `locals`, the inside of a heredoc or a `/* *\/` comment all count.
 *   A line with anything after the value (a trailing comment) is not a site
 *   for the guard; we report it as a note instead.
 * - The comment block: the contiguous lines directly above that start with
 *   `#` after optional whitespace. `//` and `/* *\/` lines, blank lines and
 *   code end it.
 * - Justified: some line of the block has, as its first `auth = "app"|"none"`
 *   text anywhere in the line, the site's own tier. No colon is needed.
 *
 * "Whitespace" is what Python's `re` calls `\s` in text patterns, written out
 * because JavaScript's `\s` differs at the edges (a BOM, U+001C to U+001F).
 */

const WS =
  '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const SITE = new RegExp(`^${WS}*auth${WS}*=${WS}*"(app|none)"${WS}*$`);
const TRAILING = new RegExp(
  `^${WS}*auth${WS}*=${WS}*"(app|none)"${WS}*(?:#|//)(.*)$`,
);
const COMMENT_LINE = new RegExp(`^${WS}*#`);
const MARKER = new RegExp(`auth${WS}*=${WS}*"(app|none)"`);
const BLANK = new RegExp(`^${WS}*$`);

export type GuardedTier = 'app' | 'none';

export interface AuthSite {
  /** 1-based. */
  line: number;
  tier: GuardedTier;
  /**
   * True for a bare auth line (the guard checks it); false when a trailing
   * comment follows the value (the guard does not see the line).
   */
  guarded: boolean;
  /** The trailing comment's text, trimmed, when there is one. */
  trailingComment?: string;
  /** The contiguous `#` lines directly above, top to bottom. */
  commentBlock: string[];
  /** A line of the block carries the marker for the site's own tier. */
  justified: boolean;
  /** Tiers the block's markers name instead, when it names only others. */
  otherTiers: GuardedTier[];
  /**
   * 1-based line of a marker for the site's tier in the comment block above
   * a run of blank lines right above the site's block: the reason is there,
   * cut off by the blank line.
   */
  detachedMarkerLine?: number;
}

/** Files the guard scans with `--all`. */
export function isGuardedFile(path: string): boolean {
  return path.startsWith('stacks/') && path.endsWith('.tf');
}

/** Every `auth = "app"|"none"` line of one file, judged as the guard judges it. */
/** Sites by file text: a refresh scans only the files that changed. Callers only read them. */
const sitesByContent = new Map<string, AuthSite[]>();
const MAX_REMEMBERED_FILES = 4096;

/** {@link scanAuthSites}, once per distinct file text. */
export function authSitesOf(content: string): AuthSite[] {
  let sites = sitesByContent.get(content);
  if (!sites) {
    if (sitesByContent.size >= MAX_REMEMBERED_FILES) sitesByContent.clear();
    sites = scanAuthSites(content);
    sitesByContent.set(content, sites);
  }
  return sites;
}

export function scanAuthSites(content: string): AuthSite[] {
  // Every site line holds a marker; most files hold none, and one search of
  // the text is far cheaper than splitting it and testing every line.
  if (!MARKER.test(content)) return [];
  const lines = content.split(/\r\n|\r|\n/);
  const sites: AuthSite[] = [];
  lines.forEach((text, i) => {
    const bare = SITE.exec(text);
    const trailing = bare ? null : TRAILING.exec(text);
    const m = bare ?? trailing;
    if (!m) return;
    const tier = m[1] as GuardedTier;
    const block = commentBlockAbove(lines, i);
    const markers = block.map(l => MARKER.exec(l.text)?.[1] as GuardedTier);
    const justified = markers.includes(tier);
    sites.push({
      line: i + 1,
      tier,
      guarded: !!bare,
      trailingComment: trailing ? trailing[2].trim() : undefined,
      commentBlock: block.map(l => l.text),
      justified,
      otherTiers: justified
        ? []
        : [...new Set(markers.filter((t): t is GuardedTier => !!t))],
      detachedMarkerLine: justified
        ? undefined
        : detachedMarker(lines, i - block.length, tier),
    });
  });
  return sites;
}

/** The contiguous comment lines ending right above line index `i`, top to bottom. */
function commentBlockAbove(
  lines: string[],
  i: number,
): Array<{ index: number; text: string }> {
  const block: Array<{ index: number; text: string }> = [];
  for (let j = i - 1; j >= 0 && COMMENT_LINE.test(lines[j]); j--) {
    block.unshift({ index: j, text: lines[j] });
  }
  return block;
}

/** A marker for `tier` in the comment block above the blank lines above index `top`. */
function detachedMarker(
  lines: string[],
  top: number,
  tier: GuardedTier,
): number | undefined {
  let j = top - 1;
  if (j < 0 || !BLANK.test(lines[j])) return undefined;
  while (j >= 0 && BLANK.test(lines[j])) j--;
  const block = commentBlockAbove(lines, j + 1);
  const hit = block.find(l => MARKER.exec(l.text)?.[1] === tier);
  return hit ? hit.index + 1 : undefined;
}
