import type { Expr, TemplatePart } from '../types';
import { HclSyntaxError } from './HclSyntaxError';
import type { Lexer } from './lexer';
import { dedent, unescapeQuoted, unescapeTemplateMarkers } from './text';

/** What the template reader needs from the expression parser. */
export interface InterpolationHost {
  lexer: Lexer;
  parseExpression(): Expr;
}

/**
 * A template's text with each interpolation replaced by a marker
 * (`\0<index>\0`): escapes and heredoc indentation are applied to the text
 * around them before it is split into parts.
 */
interface ScannedTemplate {
  text: string;
  interpolations: Expr[];
  hasDirectives: boolean;
}

const MARK = '\u0000';

/**
 * How a template ends: a quoted string at its closing `"` (a newline in its
 * literal text is an error), a heredoc at a line holding only its marker.
 */
type Terminator =
  | { kind: 'quoted'; open: number }
  | { kind: 'heredoc'; open: number; marker: string };

/**
 * Reads a quoted template from its opening `"` (at `open`). A string
 * without interpolations or directives is a literal.
 */
export function readQuoted(host: InterpolationHost, open: number): Expr {
  const { lexer } = host;
  const plain = plainStringEnd(lexer.src, open + 1);
  if (plain >= 0) {
    lexer.jump(plain + 1);
    return {
      kind: 'literal',
      value: lexer.src.slice(open + 1, plain),
      raw: lexer.src.slice(open, plain + 1),
      line: lexer.lines.lineOf(open),
    };
  }
  const scanned = scanTemplate(host, open + 1, { kind: 'quoted', open });
  return templateExpr(
    scanned,
    scanned.text,
    unescapeQuoted,
    false,
    lexer.src.slice(open, lexer.lastEnd),
    lexer.lines.lineOf(open),
  );
}

/**
 * Reads a heredoc from its `<<` / `<<-` (at `open`, `strip` for `<<-`): the
 * marker, the body up to the line that holds only the marker, and nothing
 * else on the opening line.
 */
export function readHeredoc(
  host: InterpolationHost,
  open: number,
  strip: boolean,
): Expr {
  const { lexer } = host;
  const src = lexer.src;
  let i = open + (strip ? 3 : 2);
  const markerStart = i;
  while (/[A-Za-z0-9_-]/.test(src[i] ?? '')) i++;
  const marker = src.slice(markerStart, i);
  if (!marker || !/[A-Za-z_]/.test(marker[0])) {
    throw new HclSyntaxError(
      open,
      'Syntax error: a heredoc needs a marker right after `<<` (for example `<<EOT`)',
    );
  }
  while (src[i] === ' ' || src[i] === '\t' || src[i] === '\r') i++;
  if (i < src.length && src[i] !== '\n') {
    throw new HclSyntaxError(
      i,
      `Syntax error: nothing may follow the heredoc marker \`${marker}\` on its line`,
    );
  }
  const scanned = scanTemplate(host, i + 1, {
    kind: 'heredoc',
    open,
    marker,
  });
  return templateExpr(
    scanned,
    strip ? dedent(scanned.text) : scanned.text,
    unescapeTemplateMarkers,
    true,
    src.slice(open, lexer.lastEnd),
    lexer.lines.lineOf(open),
  );
}

/**
 * The template's parts: literal pieces (unescaped one by one, so that an
 * escaped `\u0000` cannot pass for a marker) and interpolations.
 */
/**
 * Most strings have no escape, interpolation or directive: the offset of
 * their closing quote, or -1 when the string needs the full scan.
 */
function plainStringEnd(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    switch (src.charCodeAt(i)) {
      case 0x22: // "
        return i;
      case 0x5c: // \
      case 0x24: // $
      case 0x25: // %
      case 0x0a: // newline
        return -1;
      default:
    }
  }
  return -1;
}

function templateExpr(
  scanned: ScannedTemplate,
  text: string,
  unescape: (piece: string) => string,
  heredoc: boolean,
  raw: string,
  line: number,
): Expr {
  const parts: TemplatePart[] = [];
  const pieces = text.split(MARK);
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      const literal = unescape(piece);
      if (literal) parts.push(literal);
    } else {
      parts.push(scanned.interpolations[Number(piece)]);
    }
  });
  if (!scanned.hasDirectives && scanned.interpolations.length === 0) {
    return { kind: 'literal', value: parts.join(''), raw, line };
  }
  return {
    kind: 'template',
    parts,
    hasDirectives: scanned.hasDirectives,
    heredoc,
    raw,
    line,
  };
}

/**
 * Scans template text from `from` to its terminator. `${...}` becomes a
 * marker and its expression; a `%{ if }` / `%{ for }` directive is kept as
 * it is written, up to its `%{ endif }` / `%{ endfor }` (the evaluator does
 * not run directives), with its expressions parsed so that errors in them
 * are reported. Leaves the lexer after the terminator.
 */
function scanTemplate(
  host: InterpolationHost,
  from: number,
  end: Terminator,
): ScannedTemplate {
  const { lexer } = host;
  const src = lexer.src;
  const n = src.length;
  const interpolations: Expr[] = [];
  let hasDirectives = false;
  let text = '';
  let chunkStart = from;
  /** Open directives, and where the outermost one started. */
  let depth = 0;
  let directiveStart = -1;
  let i = from;
  let atLineStart = true;

  for (;;) {
    if (end.kind === 'heredoc' && atLineStart) {
      const close = closingMarkerEnd(src, i, end.marker);
      if (close >= 0) {
        if (depth > 0) throw unclosedDirective(directiveStart);
        text += src.slice(chunkStart, i);
        lexer.jump(close);
        return { text, interpolations, hasDirectives };
      }
    }
    atLineStart = false;
    if (i >= n) {
      if (end.kind === 'quoted') throw unclosedString(lexer, end.open);
      throw new HclSyntaxError(
        end.open,
        `Syntax error: heredoc \`<<${end.marker}\` is not closed (no line \`${end.marker}\` before the end of the file)`,
      );
    }
    const c = src[i];
    if (end.kind === 'quoted') {
      if (c === '\n') throw unclosedString(lexer, end.open);
      if (c === '"') {
        if (depth > 0) throw unclosedDirective(directiveStart);
        text += src.slice(chunkStart, i);
        lexer.jump(i + 1);
        return { text, interpolations, hasDirectives };
      }
      if (c === '\\') {
        i += 2;
        continue;
      }
    } else if (c === '\n') {
      i++;
      atLineStart = true;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      i += 3; // `$${` / `%%{`: literal text, unescaped later.
      continue;
    }
    if (c === '$' && src[i + 1] === '{') {
      const expr = readInterpolation(host, i);
      if (depth === 0) {
        text += `${src.slice(chunkStart, i)}${MARK}${
          interpolations.length
        }${MARK}`;
        interpolations.push(expr);
        chunkStart = lexer.pos;
      }
      i = lexer.pos;
      continue;
    }
    if (c === '%' && src[i + 1] === '{') {
      if (depth === 0) directiveStart = i;
      const keyword = readDirective(host, i);
      if (keyword === 'if' || keyword === 'for') depth++;
      else if (keyword === 'endif' || keyword === 'endfor') depth--;
      else if (depth === 0) {
        throw new HclSyntaxError(
          i,
          `Syntax error: \`%{ ${keyword} }\` outside an \`%{ if }\` or \`%{ for }\``,
        );
      }
      if (depth < 0) {
        throw new HclSyntaxError(
          i,
          `Syntax error: \`%{ ${keyword} }\` without its opening directive`,
        );
      }
      // The directive stays in the current chunk: kept as it is written.
      hasDirectives = true;
      i = lexer.pos;
      continue;
    }
    i++;
  }
}

/** Offset after the marker when the line from `at` holds only the heredoc's marker (indentation allowed). */
function closingMarkerEnd(src: string, at: number, marker: string): number {
  let i = at;
  while (src[i] === ' ' || src[i] === '\t') i++;
  if (!src.startsWith(marker, i)) return -1;
  let j = i + marker.length;
  const markerEnd = j;
  while (src[j] === ' ' || src[j] === '\t' || src[j] === '\r') j++;
  return j >= src.length || src[j] === '\n' ? markerEnd : -1;
}

/** `${ expr }`, with optional `~` strip markers; leaves the lexer after `}`. */
function readInterpolation(host: InterpolationHost, open: number): Expr {
  const { lexer } = host;
  lexer.jump(open + 2);
  lexer.pushMode(false);
  try {
    lexer.eat('~');
    const expr = host.parseExpression();
    lexer.eat('~');
    expectClosingBrace(lexer, open, 'interpolation `${`');
    return expr;
  } finally {
    lexer.popMode();
  }
}

/** `%{ if c }`, `%{ for k, v in xs }`, `%{ else }`, `%{ endif }`, `%{ endfor }`: returns the keyword. */
function readDirective(host: InterpolationHost, open: number): string {
  const { lexer } = host;
  lexer.jump(open + 2);
  lexer.pushMode(false);
  try {
    lexer.eat('~');
    const keyword = lexer.next();
    if (keyword.kind !== 'ident') {
      throw new HclSyntaxError(
        keyword.start,
        'Syntax error: a template directive `%{` needs `if`, `for`, `else`, `endif` or `endfor`',
      );
    }
    switch (keyword.text) {
      case 'if':
        host.parseExpression();
        break;
      case 'for': {
        expectIdent(lexer, 'a variable name after `%{ for`');
        if (lexer.eat(',')) expectIdent(lexer, 'a variable name after `,`');
        const inKw = lexer.next();
        if (inKw.kind !== 'ident' || inKw.text !== 'in') {
          throw new HclSyntaxError(
            inKw.start,
            'Syntax error: `%{ for` needs `in` after its variables',
          );
        }
        host.parseExpression();
        break;
      }
      case 'else':
      case 'endif':
      case 'endfor':
        break;
      default:
        throw new HclSyntaxError(
          keyword.start,
          `Syntax error: unknown template directive \`%{ ${keyword.text} }\``,
        );
    }
    lexer.eat('~');
    expectClosingBrace(lexer, open, 'directive `%{`');
    return keyword.text;
  } finally {
    lexer.popMode();
  }
}

function expectIdent(lexer: Lexer, what: string) {
  const t = lexer.next();
  if (t.kind !== 'ident')
    throw new HclSyntaxError(t.start, `Syntax error: expected ${what}`);
}

function expectClosingBrace(lexer: Lexer, open: number, what: string) {
  const t = lexer.peek();
  if (t.kind === 'punct' && t.text === '}') {
    lexer.next();
    return;
  }
  if (t.kind === 'eof') {
    throw new HclSyntaxError(
      open,
      `Syntax error: ${what} is not closed (missing "}")`,
    );
  }
  throw new HclSyntaxError(
    t.start,
    `Syntax error: expected "}" to close the ${what}, found ${describe(
      t.text,
    )}`,
  );
}

function describe(text: string): string {
  return text ? JSON.stringify(text) : 'the end of the line';
}

function unclosedString(lexer: Lexer, open: number): HclSyntaxError {
  const near = lexer.lines.excerpt(lexer.lines.lineOf(open));
  return new HclSyntaxError(
    open,
    `Syntax error: string is not closed on its line near \`${near}\``,
  );
}

function unclosedDirective(open: number): HclSyntaxError {
  return new HclSyntaxError(
    open,
    'Syntax error: template directive is not closed (missing `%{ endif }` or `%{ endfor }`)',
  );
}
