/**
 * `.gitattributes` as git reads it (gitattributes(5)), for one question:
 * which files does the repo declare filtered (git-crypt encrypted)?
 *
 * Rules come from every `.gitattributes` in the tree. A pattern is relative
 * to the directory of its file; a pattern without a slash matches a file
 * name at any depth below that directory. A later line overrides an earlier
 * one, and a deeper file overrides a shallower one. Attribute states: `attr`
 * set, `-attr` unset, `!attr` back to unspecified, `attr=value`.
 */

/** The state of one attribute on a path: set, unset, a value, or unspecified. */
export type AttributeState = true | false | string | undefined;

/** One line of a `.gitattributes` file. */
export interface AttributeRule {
  /** Repo-relative path of the `.gitattributes` file. */
  source: string;
  /** 1-based line in that file. */
  line: number;
  /** The pattern as written. */
  pattern: string;
  /** The line as written, for messages. */
  text: string;
  states: ReadonlyMap<string, AttributeState>;
  matches(relativePath: string): boolean;
}

/** What decided an attribute of a path, if anything did. */
export interface AttributeLookup {
  state: AttributeState;
  rule?: AttributeRule;
}

const ATTRIBUTES_FILE = '.gitattributes';
const C_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r' };

/** True for `.gitattributes` at any depth. */
export function isGitAttributesPath(p: string): boolean {
  return p === ATTRIBUTES_FILE || p.endsWith(`/${ATTRIBUTES_FILE}`);
}

export class GitAttributes {
  /** Rule lists by the directory they apply to ('' for the repo root). */
  readonly #byDir: ReadonlyMap<string, ReadonlyArray<AttributeRule>>;

  private constructor(byDir: Map<string, AttributeRule[]>) {
    this.#byDir = byDir;
  }

  /** Reads the rules of every `.gitattributes` among `files`; other files are ignored. */
  static fromFiles(
    files: Iterable<{ path: string; content: string }>,
  ): GitAttributes {
    const byDir = new Map<string, AttributeRule[]>();
    for (const f of files) {
      if (!isGitAttributesPath(f.path)) continue;
      const dir = f.path.slice(0, -ATTRIBUTES_FILE.length).replace(/\/$/, '');
      byDir.set(dir, parseRules(f.path, f.content));
    }
    return new GitAttributes(byDir);
  }

  static readonly empty = new GitAttributes(new Map());

  /** The state of `attr` on a repo-relative path, with the line that decided it. */
  lookup(filePath: string, attr: string): AttributeLookup {
    let result: AttributeLookup = { state: undefined };
    // Root first, then each deeper directory: the deeper file wins.
    const segments = filePath.split('/');
    for (let depth = 0; depth < segments.length; depth++) {
      const dir = segments.slice(0, depth).join('/');
      const rules = this.#byDir.get(dir);
      if (!rules) continue;
      const relative = segments.slice(depth).join('/');
      for (const rule of rules) {
        if (!rule.states.has(attr) || !rule.matches(relative)) continue;
        result = { state: rule.states.get(attr), rule };
      }
    }
    return result;
  }
}

function parseRules(source: string, content: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    // Macro definitions (`[attr]name ...`) name no files.
    if (text.startsWith('[attr]')) return;
    const { pattern, rest } = splitPattern(text);
    // Negative patterns are not allowed in attributes files; git ignores them.
    if (!pattern || pattern.startsWith('!')) return;
    const states = new Map<string, AttributeState>();
    for (const token of rest.split(/\s+/).filter(Boolean)) {
      if (token.startsWith('-')) states.set(token.slice(1), false);
      else if (token.startsWith('!')) states.set(token.slice(1), undefined);
      else {
        const eq = token.indexOf('=');
        if (eq < 0) states.set(token, true);
        else states.set(token.slice(0, eq), token.slice(eq + 1));
      }
    }
    rules.push({
      source,
      line: index + 1,
      pattern,
      text,
      states,
      matches: compilePattern(pattern),
    });
  });
  return rules;
}

/** The pattern (unquoted when written in C-style quotes) and the attributes after it. */
function splitPattern(text: string): { pattern: string; rest: string } {
  if (text.startsWith('"')) {
    let pattern = '';
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length) {
        const next = text[++i];
        pattern += C_ESCAPES[next] ?? next;
      } else if (c === '"') {
        return { pattern, rest: text.slice(i + 1) };
      } else {
        pattern += c;
      }
    }
    return { pattern: '', rest: '' };
  }
  const space = text.search(/\s/);
  return space < 0
    ? { pattern: text, rest: '' }
    : { pattern: text.slice(0, space), rest: text.slice(space + 1) };
}

/**
 * A matcher for one pattern, against a path relative to the attributes
 * file's directory.
 */
function compilePattern(pattern: string): (relativePath: string) => boolean {
  // A trailing slash matches directories only, and a directory's attributes
  // do not reach the files inside it: such a pattern matches no file.
  if (pattern.endsWith('/')) return () => false;
  const anchored = pattern.includes('/');
  const body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  const re = new RegExp(`^${globToRegExp(body)}$`);
  if (anchored) return p => re.test(p);
  return p => re.test(p.slice(p.lastIndexOf('/') + 1));
}

/** gitignore-style glob with FNM_PATHNAME: `*` and `?` stop at `/`, `**` spans directories. */
function globToRegExp(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const next = glob[i + 2];
      if (atStart && next === '/') {
        // `**/` : zero or more directories.
        out += '(?:[^/]*/)*';
        i += 3;
        continue;
      }
      if (atStart && next === undefined) {
        // Trailing `/**` (or a lone `**`): everything inside.
        out += '.*';
        i += 2;
        continue;
      }
      // Any other `**` is two ordinary stars.
      out += '[^/]*';
      i += 2;
      continue;
    }
    if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
      } else {
        let set = glob.slice(i + 1, close);
        const negated = set.startsWith('!') || set.startsWith('^');
        if (negated) set = set.slice(1);
        const escaped = set.replace(/[\\\]^]/g, m => `\\${m}`);
        out += negated ? `(?!/)[^${escaped}]` : `[${escaped}]`;
        i = close + 1;
        continue;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[i + 1]);
      i += 2;
      continue;
    } else {
      out += escapeRegExp(c);
    }
    i++;
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, m => `\\${m}`);
}
