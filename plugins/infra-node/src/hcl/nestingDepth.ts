/**
 * A cheap upper bound of how deep the syntax tree of an HCL file will be,
 * measured before parsing by one linear scan of the source. Walks over the
 * tree (comments, errors, expressions) recurse once per level, so a file
 * nested thousands of levels deep would exhaust the stack; checking first
 * keeps such a file to a "too deep" finding.
 *
 * Counted: each block body, bracket, brace, parenthesis, quoted string,
 * heredoc and `${...}` / `%{...}` interpolation, plus each operator chained
 * inside one of them (`a + b + c` nests one level per operator). Comments and
 * the text of strings and heredocs are skipped. The count only over-estimates
 * (a left operand is deeper than a right one), never under-estimates.
 */

export interface NestingMeasure {
  /** The deepest level seen (or the first level over the limit). */
  depth: number;
  /** 1-based line where it was reached. */
  line: number;
}

type Frame =
  | {
      kind: 'expr';
      /** Newlines separate elements here (bodies and objects), not inside `[...]` / `(...)`. */
      newlineSeparates: boolean;
      /** Effective depth where the frame opened. */
      base: number;
      /** Operators chained since the last separator. */
      ops: number;
    }
  | { kind: 'quoted'; base: number }
  | {
      kind: 'heredoc';
      base: number;
      marker: string;
      atLineStart: boolean;
    };

const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
/** Where something can happen in an expression: all but names, numbers, blanks, dots. */
const IN_EXPRESSION = /[\n#/"<{}[\]()<,=+\-*%!?&|>]/g;
/** Where something can happen inside a quoted string. */
const IN_QUOTED = /["\\\n$%]/g;
/** Where something can happen inside a heredoc line. */
const IN_HEREDOC = /[\n$%]/g;
const OPERATORS = '+-*/%<>!?&|';
const MARKER_LENGTH = { open: 2, escaped: 3 } as const;

/**
 * Measures the nesting of `src`; stops early once the depth is over
 * `stopAbove`, so a hostile file costs no more than its first levels.
 */
export function measureHclNesting(
  src: string,
  stopAbove = Number.POSITIVE_INFINITY,
): NestingMeasure {
  const root: Frame = {
    kind: 'expr',
    newlineSeparates: true,
    base: -1,
    ops: 0,
  };
  const stack: Frame[] = [root];
  let best: NestingMeasure = { depth: 0, line: 1 };
  let line = 1;
  let i = 0;
  const n = src.length;

  const depthOf = (f: Frame) => f.base + 1 + (f.kind === 'expr' ? f.ops : 0);
  const note = (f: Frame): boolean => {
    const depth = depthOf(f);
    if (depth > best.depth) best = { depth, line };
    return depth > stopAbove;
  };
  const push = (f: Frame): boolean => {
    stack.push(f);
    return note(f);
  };
  /** Index of the next match of a global regex from `from`, or the end. */
  const next = (re: RegExp, from: number) => {
    re.lastIndex = from;
    return re.exec(src)?.index ?? n;
  };
  /** Where the last dash that continues a name is. */
  let lastNameDash = -1;
  /**
   * True when the `-` at `at` is part of a word: a name (`for-each` is one
   * identifier, not a subtraction) or a number's exponent (`1e-3`). Each
   * character is looked at by one dash at most, so this stays linear.
   */
  const dashInWord = (at: number): boolean => {
    let start = at;
    while (start > 0 && /[A-Za-z0-9_.]/.test(src[start - 1])) start--;
    if (start === at) return false;
    if (start - 1 === lastNameDash || /[A-Za-z_]/.test(src[start])) {
      lastNameDash = at;
      return true;
    }
    return /^[0-9][0-9.]*[eE]$/.test(src.slice(start, at));
  };
  /** `${` / `%{` opens an interpolation; `$${` / `%%{` is literal text. */
  const templateMarker = (at: number): 'open' | 'escaped' | undefined => {
    const c = src[at];
    if (src[at + 1] === '{') return 'open';
    if (src[at + 1] === c && src[at + 2] === '{') return 'escaped';
    return undefined;
  };

  while (i < n) {
    const top = stack[stack.length - 1];

    if (top.kind === 'quoted') {
      i = next(IN_QUOTED, i);
      if (i >= n) break;
      const c = src[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '"') {
        stack.pop();
        i++;
      } else if (c === '\n') {
        // A quoted string cannot span lines: treat it as closed, and let
        // the enclosing context see the newline.
        stack.pop();
      } else {
        const marker = templateMarker(i);
        i += marker ? MARKER_LENGTH[marker] : 1;
        if (marker === 'open' && push(interpolation(depthOf(top)))) return best;
      }
      continue;
    }

    if (top.kind === 'heredoc') {
      if (top.atLineStart) {
        top.atLineStart = false;
        const end = src.indexOf('\n', i);
        const lineEnd = end < 0 ? n : end;
        if (src.slice(i, lineEnd).trim() === top.marker) {
          stack.pop();
          i = lineEnd;
          continue;
        }
      }
      i = next(IN_HEREDOC, i);
      if (i >= n) break;
      if (src[i] === '\n') {
        line++;
        top.atLineStart = true;
        i++;
      } else {
        const marker = templateMarker(i);
        i += marker ? MARKER_LENGTH[marker] : 1;
        if (marker === 'open' && push(interpolation(depthOf(top)))) return best;
      }
      continue;
    }

    // Expression context: a body, a bracket, or an interpolation. Names,
    // numbers and blanks change nothing: jump to the next character that may.
    i = next(IN_EXPRESSION, i);
    if (i >= n) break;
    const c = src[i];
    const c2 = src[i + 1];
    if (c === '\n') {
      line++;
      if (top.newlineSeparates) top.ops = 0;
      i++;
    } else if (c === '#' || (c === '/' && c2 === '/')) {
      const end = src.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === '/' && c2 === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (
        let j = src.indexOf('\n', i);
        j >= 0 && j < stop;
        j = src.indexOf('\n', j + 1)
      )
        line++;
      i = stop;
    } else if (c === '"') {
      i++;
      if (push({ kind: 'quoted', base: depthOf(top) })) return best;
    } else if (c === '<' && c2 === '<' && heredocAt(src, i)) {
      const m = heredocAt(src, i)!;
      i += m.length;
      line++;
      const heredoc: Frame = {
        kind: 'heredoc',
        base: depthOf(top),
        marker: m.marker,
        atLineStart: true,
      };
      if (push(heredoc)) return best;
    } else if (c === '{' || c === '[' || c === '(') {
      i++;
      const frame: Frame = {
        kind: 'expr',
        newlineSeparates: c === '{',
        base: depthOf(top),
        ops: 0,
      };
      if (push(frame)) return best;
    } else if (c === '}' || c === ']' || c === ')') {
      // Unbalanced closers are the parser's business; never pop the root.
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === ',') {
      top.ops = 0;
      i++;
    } else if (c === '=') {
      if (c2 === '=') {
        top.ops++;
        i += 2;
        if (note(top)) return best;
      } else {
        // `=` separates a name from its value; `=>` is part of a for expression.
        if (c2 !== '>') top.ops = 0;
        i += c2 === '>' ? 2 : 1;
      }
    } else if (c === '-' && dashInWord(i)) {
      i++;
    } else if (OPERATORS.includes(c)) {
      // `!=`, `<=`, `>=`, `&&`, `||` are one operator each.
      const twoChars =
        (c2 === '=' && (c === '!' || c === '<' || c === '>')) ||
        (c2 === c && (c === '&' || c === '|'));
      top.ops++;
      i += twoChars ? 2 : 1;
      if (note(top)) return best;
    } else {
      i++;
    }
  }
  return best;
}

function interpolation(base: number): Frame {
  return { kind: 'expr', newlineSeparates: false, base, ops: 0 };
}

function heredocAt(
  src: string,
  i: number,
): { length: number; marker: string } | undefined {
  HEREDOC_START.lastIndex = i;
  const m = HEREDOC_START.exec(src);
  return m ? { length: m[0].length, marker: m[1] } : undefined;
}
