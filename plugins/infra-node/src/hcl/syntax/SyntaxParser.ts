import type {
  Expr,
  HclAttribute,
  HclBlock,
  HclComment,
  ObjectEntry,
  TraversalStep,
} from '../types';
import { HclSyntaxError, HclTooDeepError } from './HclSyntaxError';
import { Lexer, Token } from './lexer';
import { LineIndex } from './lineIndex';
import { readHeredoc, readQuoted } from './templates';

/** Binary operators by precedence, lowest first; all left-associative. */
const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map(
  [
    ['||'],
    ['&&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['+', '-'],
    ['*', '/', '%'],
  ].flatMap((ops, level) => ops.map(op => [op, level] as const)),
);

/**
 * The comments of a block or attribute with none, shared: most have none,
 * and `attachComments` replaces the list of those that do. Frozen, so a
 * caller that pushed to it would fail loudly instead of sharing comments.
 */
const NO_COMMENTS = Object.freeze([]) as unknown as HclComment[];

/** Tokens that close a bracket, a brace or a parenthesis. */
const CLOSERS = new Set(['}', ']', ')']);

interface Body {
  attributes: Record<string, HclAttribute>;
  blocks: HclBlock[];
}

/**
 * A recursive-descent parser of HCL's native syntax (the grammar of
 * hashicorp/hcl's `hclsyntax` specification): bodies of attributes and
 * blocks, and the full expression language (literals, templates and
 * heredocs, tuples and objects, traversals with attribute, index and splat
 * steps, function calls with `...`, `for` expressions, unary and binary
 * operators with HCL's precedence, conditionals). It builds the typed model
 * of `../types` directly, with 1-based lines and the comments.
 *
 * Newlines end an attribute or an object element; inside parentheses,
 * brackets and interpolations they are blanks, as in HCL. After a binary
 * operator, `?` or `:`, a newline is skipped too: Terraform's own parser is
 * stricter there, and being lenient can only accept a file Terraform
 * rejects, never reject one it accepts.
 */
export class SyntaxParser {
  readonly lexer: Lexer;
  readonly lines: LineIndex;
  #depth = 0;

  /**
   * @param maxDepth - deepest nesting read (block bodies, expressions inside
   *   brackets, parentheses, arguments and interpolations, unary operators,
   *   conditional branches); deeper throws {@link HclTooDeepError} before
   *   the recursion can exhaust the stack.
   */
  constructor(
    readonly file: string,
    readonly src: string,
    readonly maxDepth = Number.POSITIVE_INFINITY,
  ) {
    this.lines = new LineIndex(src);
    this.lexer = new Lexer(src, this.lines);
  }

  /** One level deeper, from `offset`; pair with {@link SyntaxParser.leave}. */
  enter(offset: number) {
    if (++this.#depth > this.maxDepth)
      throw new HclTooDeepError(offset, this.maxDepth);
  }

  leave() {
    this.#depth--;
  }

  get comments(): HclComment[] {
    return this.lexer.comments;
  }

  /** The whole file: a body up to the end of the file. */
  parseFile(): Body {
    return this.#body(undefined);
  }

  /** Reads a body up to its closing `}` (of the block opened at `open`) or, at the top, to the end of the file. */
  #body(open: { offset: number } | undefined): Body {
    const { lexer } = this;
    const attributes: Record<string, HclAttribute> = Object.create(null);
    const blocks: HclBlock[] = [];
    if (open) this.enter(open.offset);
    lexer.pushMode(true);
    try {
      for (;;) {
        lexer.skipNewlines();
        const t = lexer.peek();
        if (t.kind === 'eof') {
          if (open) throw this.#unclosed(open.offset, 'block', t);
          return { attributes, blocks };
        }
        if (t.kind === 'punct' && t.text === '}') {
          if (open) {
            lexer.next();
            return { attributes, blocks };
          }
          throw this.#unexpected(t);
        }
        if (t.kind !== 'ident')
          throw this.#unexpected(t, 'an attribute or a block');
        lexer.next();
        if (lexer.at('=')) {
          lexer.next();
          const attr = this.#attribute(t);
          attributes[attr.name] = attr;
        } else {
          blocks.push(this.#block(t));
        }
        this.#endOfItem();
      }
    } finally {
      lexer.popMode();
      if (open) this.leave();
    }
  }

  /** After an attribute or a block: a newline, the end of the file, or the `}` of a one-line block. */
  #endOfItem() {
    const t = this.lexer.peek();
    if (t.kind === 'newline') this.lexer.next();
    else if (t.kind !== 'eof' && !(t.kind === 'punct' && t.text === '}'))
      throw this.#unexpected(t, 'a newline');
  }

  #attribute(name: Token): HclAttribute {
    const expr = this.parseExpression();
    const line = this.lines.lineOf(name.start);
    return {
      name: name.text,
      expr,
      line,
      endLine: this.lines.lineOf(Math.max(name.start, this.lexer.lastEnd - 1)),
      leadingComments: NO_COMMENTS,
      trailingComment: undefined,
    };
  }

  #block(type: Token): HclBlock {
    const { lexer } = this;
    const labels: string[] = [];
    for (;;) {
      const t = lexer.peek();
      if (t.kind === 'ident') {
        lexer.next();
        labels.push(t.text);
      } else if (t.kind === 'punct' && t.text === '"') {
        labels.push(this.#label(t));
      } else if (t.kind === 'punct' && t.text === '{') {
        lexer.next();
        break;
      } else {
        throw this.#unexpected(
          t,
          labels.length
            ? '"{" to open the block'
            : '"=" (an attribute) or "{" (a block)',
        );
      }
    }
    const { attributes, blocks } = this.#body({ offset: type.start });
    return {
      type: type.text,
      labels,
      attributes,
      blocks,
      file: this.file,
      line: this.lines.lineOf(type.start),
      endLine: this.lines.lineOf(Math.max(type.start, lexer.lastEnd - 1)),
      leadingComments: NO_COMMENTS,
    };
  }

  #label(quote: Token): string {
    const expr = readQuoted(this, quote.start);
    if (expr.kind !== 'literal' || typeof expr.value !== 'string') {
      throw new HclSyntaxError(
        quote.start,
        'Syntax error: a block label is a plain string (no `${...}` or `%{...}`)',
      );
    }
    return expr.value;
  }

  /** An expression: a conditional or a binary operation of unary terms. */
  parseExpression(): Expr {
    const start = this.lexer.peek().start;
    this.enter(start);
    try {
      return this.#conditional(start);
    } finally {
      this.leave();
    }
  }

  #conditional(start: number): Expr {
    const { lexer } = this;
    const cond = this.#binary(0);
    if (!lexer.at('?')) return cond;
    lexer.next();
    this.#skipNewlinesAfterOperator();
    const then = this.parseExpression();
    this.#skipNewlinesAfterOperator();
    const colon = lexer.peek();
    if (!(colon.kind === 'punct' && colon.text === ':'))
      throw this.#unexpected(colon, '":" of the conditional');
    lexer.next();
    this.#skipNewlinesAfterOperator();
    const otherwise = this.parseExpression();
    return {
      kind: 'conditional',
      cond,
      then,
      else: otherwise,
      raw: this.#raw(start),
      line: this.#line(start),
    };
  }

  /**
   * Binary operators by precedence climbing: operators of `minLevel` and
   * above, left-associative.
   */
  #binary(minLevel: number): Expr {
    const { lexer } = this;
    const start = lexer.peek().start;
    let left = this.#unary();
    for (;;) {
      const t = lexer.peek();
      const level =
        t.kind === 'punct' ? BINARY_PRECEDENCE.get(t.text) : undefined;
      if (level === undefined || level < minLevel) return left;
      lexer.next();
      this.#skipNewlinesAfterOperator();
      const right = this.#binary(level + 1);
      left = {
        kind: 'binary',
        op: t.text,
        left,
        right,
        raw: this.#raw(start),
        line: this.#line(start),
      };
    }
  }

  #unary(): Expr {
    const { lexer } = this;
    const t = lexer.peek();
    if (t.kind === 'punct' && (t.text === '-' || t.text === '!')) {
      lexer.next();
      this.enter(t.start);
      const operand = this.#unary();
      this.leave();
      const span = { raw: this.#raw(t.start), line: this.#line(t.start) };
      // `-1` stays a number literal.
      if (
        t.text === '-' &&
        operand.kind === 'literal' &&
        typeof operand.value === 'number'
      )
        return { kind: 'literal', value: -operand.value, ...span };
      return { kind: 'unary', op: t.text, operand, ...span };
    }
    return this.#postfix();
  }

  /** A term followed by attribute, index and splat steps. */
  #postfix(): Expr {
    const { lexer } = this;
    const start = lexer.peek().start;
    const head = this.#term();
    const steps: TraversalStep[] = [];
    for (;;) {
      const t = lexer.peek();
      if (t.kind !== 'punct') break;
      if (t.text === '.') {
        lexer.next();
        const step = lexer.peek();
        if (step.kind === 'ident') {
          lexer.next();
          steps.push(step.text);
        } else if (step.kind === 'number') {
          lexer.next();
          steps.push(Number(step.text));
        } else if (step.kind === 'punct' && step.text === '*') {
          lexer.next();
          steps.push({ splat: true });
        } else {
          throw this.#unexpected(step, 'a name, an index or `*` after "."');
        }
      } else if (t.text === '[') {
        lexer.next();
        lexer.pushMode(false);
        try {
          if (lexer.at('*')) {
            lexer.next();
            this.#expect(']', t.start, 'index');
            steps.push({ splat: true });
          } else {
            const index = this.parseExpression();
            this.#expect(']', t.start, 'index');
            steps.push(
              index.kind === 'literal' &&
                (typeof index.value === 'number' ||
                  typeof index.value === 'string')
                ? index.value
                : { expr: index },
            );
          }
        } finally {
          lexer.popMode();
        }
      } else {
        break;
      }
    }
    if (head.kind === 'traversal' && head.steps.length === 0) {
      return steps.length
        ? {
            kind: 'traversal',
            root: head.root,
            steps,
            raw: this.#raw(start),
            line: this.#line(start),
          }
        : head;
    }
    return steps.length
      ? {
          kind: 'postfix',
          base: head,
          steps,
          raw: this.#raw(start),
          line: this.#line(start),
        }
      : head;
  }

  #term(): Expr {
    const { lexer } = this;
    const t = lexer.peek();
    switch (t.kind) {
      case 'number':
        lexer.next();
        return {
          kind: 'literal',
          value: Number(t.text),
          raw: this.#raw(t.start),
          line: this.#line(t.start),
        };
      case 'ident':
        return this.#identifierTerm(t);
      case 'punct':
        switch (t.text) {
          case '"':
            return readQuoted(this, t.start);
          case '<<':
          case '<<-':
            return readHeredoc(this, t.start, t.text === '<<-');
          case '[':
            return this.#tuple(t);
          case '{':
            return this.#object(t);
          case '(': {
            lexer.next();
            lexer.pushMode(false);
            try {
              const inner = this.parseExpression();
              this.#expect(')', t.start, 'parenthesis');
              return {
                ...inner,
                raw: this.#raw(t.start),
                line: this.#line(t.start),
              };
            } finally {
              lexer.popMode();
            }
          }
          default:
            throw this.#unexpected(t, 'an expression');
        }
      default:
        throw this.#unexpected(t, 'an expression');
    }
  }

  #identifierTerm(t: Token): Expr {
    const { lexer } = this;
    lexer.next();
    switch (t.text) {
      case 'true':
      case 'false':
        return {
          kind: 'literal',
          value: t.text === 'true',
          raw: this.#raw(t.start),
          line: this.#line(t.start),
        };
      case 'null':
        return {
          kind: 'literal',
          value: null,
          raw: this.#raw(t.start),
          line: this.#line(t.start),
        };
      default:
        break;
    }
    if (!lexer.at('(')) {
      return {
        kind: 'traversal',
        root: t.text,
        steps: [],
        raw: this.#raw(t.start),
        line: this.#line(t.start),
      };
    }
    const open = lexer.next();
    lexer.pushMode(false);
    try {
      const { items: args, expanded } = this.#commaList(
        open,
        ')',
        'function call',
        '"," or ")" after the argument',
        true,
      );
      return {
        kind: 'call',
        name: t.text,
        args,
        expandLast: expanded,
        raw: this.#raw(t.start),
        line: this.#line(t.start),
      };
    } finally {
      lexer.popMode();
    }
  }

  /**
   * Comma-separated expressions up to `closer` (a trailing comma allowed),
   * and `...` after the last one where expansion is allowed (`f(xs...)`).
   */
  #commaList(
    open: Token,
    closer: string,
    construct: string,
    expected: string,
    expansion: boolean,
  ): { items: Expr[]; expanded: boolean } {
    const { lexer } = this;
    const items: Expr[] = [];
    let expanded = false;
    while (!lexer.at(closer)) {
      if (lexer.peek().kind === 'eof')
        throw this.#unclosed(open.start, construct, lexer.peek(), closer);
      items.push(this.parseExpression());
      if (expansion && lexer.eat('...')) {
        expanded = true;
        break;
      }
      if (!lexer.eat(',')) break;
    }
    this.#expect(closer, open.start, construct, expected);
    return { items, expanded };
  }

  #tuple(open: Token): Expr {
    const { lexer } = this;
    lexer.next();
    lexer.pushMode(false);
    try {
      if (this.#atForIntro()) return this.#for(open, false);
      const { items } = this.#commaList(
        open,
        ']',
        'tuple',
        '"," or "]" after the tuple item',
        false,
      );
      return {
        kind: 'tuple',
        items,
        raw: this.#raw(open.start),
        line: this.#line(open.start),
      };
    } finally {
      lexer.popMode();
    }
  }

  #object(open: Token): Expr {
    const { lexer } = this;
    lexer.next();
    lexer.pushMode(false);
    const isFor = this.#atForIntro();
    lexer.popMode();
    if (isFor) {
      lexer.pushMode(false);
      try {
        return this.#for(open, true);
      } finally {
        lexer.popMode();
      }
    }
    lexer.pushMode(true);
    try {
      const entries: ObjectEntry[] = [];
      for (;;) {
        lexer.skipNewlines();
        const t = lexer.peek();
        if (t.kind === 'eof') throw this.#unclosed(open.start, 'object', t);
        if (t.kind === 'punct' && t.text === '}') break;
        const key = this.parseExpression();
        const sep = lexer.peek();
        if (!(sep.kind === 'punct' && (sep.text === '=' || sep.text === ':')))
          throw this.#unexpected(sep, '"=" after the object key');
        lexer.next();
        this.#skipNewlinesAfterOperator();
        const value = this.parseExpression();
        entries.push({ key, value, line: this.lines.lineOf(t.start) });
        const after = lexer.peek();
        if (after.kind === 'punct' && after.text === ',') lexer.next();
        else if (after.kind === 'newline') lexer.next();
        else if (!(after.kind === 'punct' && after.text === '}'))
          throw this.#unexpected(
            after,
            'a comma or a newline after the object element',
          );
      }
      lexer.next();
      return {
        kind: 'object',
        entries,
        raw: this.#raw(open.start),
        line: this.#line(open.start),
      };
    } finally {
      lexer.popMode();
    }
  }

  /** `for name` or `for name,` right after `[` / `{`: a `for` expression, not a key or item named `for`. */
  #atForIntro(): boolean {
    const { lexer } = this;
    const t = lexer.peek();
    if (t.kind !== 'ident' || t.text !== 'for') return false;
    const saved = lexer.pos;
    lexer.next();
    const after = lexer.peek();
    lexer.jump(saved);
    return after.kind === 'ident';
  }

  /** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`, after the bracket. */
  #for(open: Token, object: boolean): Expr {
    const { lexer } = this;
    lexer.next(); // `for`
    const first = this.#ident('a variable name after `for`');
    let keyVar: string | undefined;
    let valueVar = first;
    if (lexer.eat(',')) {
      keyVar = first;
      valueVar = this.#ident('a variable name after `,`');
    }
    const inKw = lexer.next();
    if (inKw.kind !== 'ident' || inKw.text !== 'in')
      throw this.#unexpected(inKw, '`in` after the `for` variables');
    const collection = this.parseExpression();
    this.#expect(':', open.start, '`for` expression');
    let key: Expr | undefined;
    let value = this.parseExpression();
    let grouping = false;
    if (object) {
      this.#expect('=>', open.start, '`for` expression');
      key = value;
      value = this.parseExpression();
      grouping = lexer.eat('...');
    }
    let cond: Expr | undefined;
    const ifKw = lexer.peek();
    if (ifKw.kind === 'ident' && ifKw.text === 'if') {
      lexer.next();
      cond = this.parseExpression();
    }
    this.#expect(object ? '}' : ']', open.start, '`for` expression');
    const span = { raw: this.#raw(open.start), line: this.#line(open.start) };
    return object
      ? {
          kind: 'for',
          object: true,
          keyVar,
          valueVar,
          collection,
          key,
          value,
          cond,
          grouping,
          ...span,
        }
      : {
          kind: 'for',
          object: false,
          keyVar,
          valueVar,
          collection,
          value,
          cond,
          grouping,
          ...span,
        };
  }

  #ident(what: string): string {
    const t = this.lexer.next();
    if (t.kind !== 'ident') throw this.#unexpected(t, what);
    return t.text;
  }

  /** Takes a closing token; at the end of the file, the construct opened at `open` is not closed. */
  #expect(
    text: string,
    open: number,
    construct: string,
    expected = JSON.stringify(text),
  ) {
    const t = this.lexer.peek();
    if (t.kind === 'punct' && t.text === text) {
      this.lexer.next();
      return;
    }
    // The end of the file or another bracket's closer: the construct
    // opened at `open` is what was left open.
    if (t.kind === 'eof' || (t.kind === 'punct' && CLOSERS.has(t.text)))
      throw this.#unclosed(open, construct, t, text);
    throw this.#unexpected(t, expected);
  }

  #skipNewlinesAfterOperator() {
    if (this.lexer.newlinesAreTokens) this.lexer.skipNewlines();
  }

  /** The source text of an expression from `start` to the last token read. */
  #raw(start: number): string {
    return this.src.slice(start, this.lexer.lastEnd);
  }

  #line(start: number): number {
    return this.lines.lineOf(start);
  }

  #near(offset: number): string {
    const text = this.lines.excerpt(this.lines.lineOf(offset));
    return text ? ` near \`${text}\`` : '';
  }

  #unexpected(t: Token, expected?: string): HclSyntaxError {
    let found = JSON.stringify(t.text.slice(0, 40));
    if (t.kind === 'newline') found = 'the end of the line';
    if (t.kind === 'eof') found = 'the end of the file';
    const what = expected
      ? `expected ${expected}, found ${found}`
      : `unexpected ${found}`;
    return new HclSyntaxError(
      t.start,
      `Syntax error: ${what}${this.#near(t.start)}`,
    );
  }

  /**
   * The end of the file inside a construct: point at where it was opened,
   * which is where the mistake usually is, and say where it was noticed.
   */
  #unclosed(
    open: number,
    construct: string,
    at: Token,
    closer = '}',
  ): HclSyntaxError {
    const noticed =
      at.kind === 'eof'
        ? `noticed at line ${this.lines.lineOf(at.start)}`
        : `found ${JSON.stringify(at.text)} at line ${this.lines.lineOf(
            at.start,
          )}`;
    return new HclSyntaxError(
      open,
      `Syntax error: ${construct} is not closed (missing ${JSON.stringify(
        closer,
      )}, ${noticed})${this.#near(open)}`,
    );
  }
}
