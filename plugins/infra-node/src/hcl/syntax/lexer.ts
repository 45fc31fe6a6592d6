import type { HclComment } from '../types';
import { HclSyntaxError } from './HclSyntaxError';
import { LineIndex } from './lineIndex';
import { stripCommentMarkers } from './text';

/**
 * Tokens of HCL's native syntax outside templates. Quoted strings and
 * heredocs are read by the template reader straight from the source, from
 * the `"` / `<<` token on, because what counts as a token changes inside
 * them.
 */
export type TokenKind = 'ident' | 'number' | 'punct' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The token as written (`""` for newline and end of file). */
  text: string;
  start: number;
  end: number;
}

/**
 * Punctuation by its first character, longest first where one is a prefix
 * of another. `<<` and `<<-` open a heredoc (HCL has no shift operator).
 */
const PUNCTUATION_BY_FIRST = new Map<string, ReadonlyArray<string>>();
for (const p of [
  '...',
  '<<-',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=>',
  '<<',
  '=',
  ':',
  ',',
  '.',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '?',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '"',
  '~',
]) {
  PUNCTUATION_BY_FIRST.set(p[0], [
    ...(PUNCTUATION_BY_FIRST.get(p[0]) ?? []),
    p,
  ]);
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const SLASH = 0x2f;
const STAR = 0x2a;
const DOT = 0x2e;
const DASH = 0x2d;
const COLON = 0x3a;

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

function isAsciiIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Reads tokens from an offset on, skipping blanks and comments (which it
 * keeps, in source order). Newlines are tokens where they end an item (block
 * bodies, object constructors) and blanks inside brackets, parentheses and
 * interpolations: the parser says which by pushing a mode.
 */
export class Lexer {
  /** Where the next token is read from. */
  pos = 0;
  /** End of the last token taken with {@link Lexer.next}. */
  lastEnd = 0;
  readonly comments: HclComment[] = [];
  readonly #newlineModes: boolean[] = [true];
  /** Comments before this offset are recorded already (look-ahead reads some twice). */
  #commentFrontier = 0;
  #peeked: Token | undefined;
  #peekedAt = -1;
  #peekedMode = true;
  #peekedAfterDot = false;
  /** After a `.`, digits are an index (`a.0.1`), never a decimal number. */
  #afterDot = false;

  constructor(readonly src: string, readonly lines: LineIndex) {}

  /** Newlines are tokens (true) or blanks (false) until the matching {@link Lexer.popMode}. */
  pushMode(newlinesAreTokens: boolean) {
    this.#newlineModes.push(newlinesAreTokens);
  }

  popMode() {
    this.#newlineModes.pop();
  }

  get newlinesAreTokens(): boolean {
    return this.#newlineModes[this.#newlineModes.length - 1];
  }

  peek(): Token {
    const mode = this.newlinesAreTokens;
    if (
      this.#peeked &&
      this.#peekedAt === this.pos &&
      this.#peekedMode === mode &&
      this.#peekedAfterDot === this.#afterDot
    ) {
      return this.#peeked;
    }
    const token = this.#read(mode);
    this.#peeked = token;
    this.#peekedAt = this.pos;
    this.#peekedMode = mode;
    this.#peekedAfterDot = this.#afterDot;
    return token;
  }

  next(): Token {
    const token = this.peek();
    this.pos = token.end;
    this.lastEnd = token.end;
    this.#afterDot = token.kind === 'punct' && token.text === '.';
    return token;
  }

  /** Moves to an offset the template reader reached; what ends there counts as the last token. */
  jump(offset: number) {
    this.pos = offset;
    this.lastEnd = offset;
    this.#afterDot = false;
  }

  /** True when the next token is this punctuation. */
  at(punct: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === punct;
  }

  /** Takes this punctuation when it comes next. */
  eat(punct: string): boolean {
    if (!this.at(punct)) return false;
    this.next();
    return true;
  }

  /** Skips newline tokens (in modes where they are tokens). */
  skipNewlines() {
    while (this.peek().kind === 'newline') this.next();
  }

  #read(newlinesAreTokens: boolean): Token {
    const src = this.src;
    const n = src.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) return { kind: 'eof', text: '', start: n, end: n };
      const c = src.charCodeAt(i);
      if (c === SPACE || c === TAB || c === CR) {
        i++;
      } else if (c === LF) {
        if (newlinesAreTokens)
          return { kind: 'newline', text: '', start: i, end: i + 1 };
        i++;
      } else if (
        c === HASH ||
        (c === SLASH && src.charCodeAt(i + 1) === SLASH)
      ) {
        const eol = src.indexOf('\n', i);
        const end = eol < 0 ? n : eol;
        this.#recordComment(i, end);
        i = end;
      } else if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
        const close = src.indexOf('*/', i + 2);
        if (close < 0)
          throw new HclSyntaxError(
            i,
            'Syntax error: comment `/*` is not closed (no `*/` before the end of the file)',
          );
        this.#recordComment(i, close + 2);
        i = close + 2;
      } else {
        return this.#token(i);
      }
    }
  }

  #token(start: number): Token {
    const src = this.src;
    const c = src.charCodeAt(start);
    if (isAsciiIdentStart(c) || (c > 0x7f && ID_START.test(charAt(src, start))))
      return this.#identifier(start);
    if (isDigit(c)) return this.#number(start);
    for (const p of PUNCTUATION_BY_FIRST.get(src[start]) ?? []) {
      if (p.length === 1 || src.startsWith(p, start)) {
        return { kind: 'punct', text: p, start, end: start + p.length };
      }
    }
    throw new HclSyntaxError(
      start,
      `Syntax error: unexpected character ${JSON.stringify(
        charAt(src, start),
      )}`,
    );
  }

  /** A name: letters, digits, `_`, `-` and `::` (provider functions). */
  #identifier(start: number): Token {
    const src = this.src;
    let i = start + charAt(src, start).length;
    for (;;) {
      const c = src.charCodeAt(i);
      if (isAsciiIdentStart(c) || isDigit(c) || c === DASH) i++;
      else if (c === COLON && src.charCodeAt(i + 1) === COLON) i += 2;
      else if (c > 0x7f && ID_CONTINUE.test(charAt(src, i)))
        i += charAt(src, i).length;
      else break;
    }
    return { kind: 'ident', text: src.slice(start, i), start, end: i };
  }

  /** `12`, `1.5`, `1e-3`, `0x1F`; only digits right after a `.`. */
  #number(start: number): Token {
    const src = this.src;
    let i = start;
    const digits = () => {
      while (isDigit(src.charCodeAt(i))) i++;
    };
    if (
      !this.#afterDot &&
      src.charCodeAt(i) === 0x30 &&
      (src[i + 1] === 'x' || src[i + 1] === 'X')
    ) {
      i += 2;
      while (/[0-9a-fA-F]/.test(src[i] ?? '')) i++;
      return { kind: 'number', text: src.slice(start, i), start, end: i };
    }
    digits();
    if (!this.#afterDot) {
      if (src.charCodeAt(i) === DOT && isDigit(src.charCodeAt(i + 1))) {
        i++;
        digits();
      }
      const e = src[i];
      if (e === 'e' || e === 'E') {
        let j = i + 1;
        if (src[j] === '+' || src[j] === '-') j++;
        if (isDigit(src.charCodeAt(j))) {
          i = j;
          digits();
        }
      }
    }
    return { kind: 'number', text: src.slice(start, i), start, end: i };
  }

  #recordComment(start: number, end: number) {
    if (start < this.#commentFrontier) return;
    this.#commentFrontier = end;
    const line = this.lines.lineOf(start);
    const lineStart = this.lines.lineStart(line);
    this.comments.push({
      text: stripCommentMarkers(this.src.slice(start, end)),
      line,
      endLine: this.lines.lineOf(Math.max(start, end - 1)),
      ownLine: this.src.slice(lineStart, start).trim() === '',
    });
  }
}

/** The character (one code point) at an offset. */
function charAt(src: string, offset: number): string {
  return String.fromCodePoint(src.codePointAt(offset) ?? 0);
}
