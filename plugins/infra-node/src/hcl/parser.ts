import { Node, Parser } from 'web-tree-sitter';
import {
  Expr,
  HclAttribute,
  HclBlock,
  HclComment,
  HclFile,
  HclParseError,
  ObjectEntry,
  TemplatePart,
  TraversalStep,
} from './types';
import { defaultHclParserHost, retireHclParser } from './HclParserHost';
import { HclParserFailure } from './HclParserFailure';

/**
 * The process-wide parser. A parser that failed is replaced by a fresh
 * WebAssembly instance on the next call (see {@link HclParserHost}).
 */
export function getHclParser(): Promise<Parser> {
  return defaultHclParserHost().acquire();
}

class FileContext {
  /** Own-line comments by their last line. */
  readonly #commentsByEndLine = new Map<number, HclComment>();
  /** Trailing comments by their first line. */
  readonly #trailingByLine = new Map<number, HclComment>();

  constructor(
    readonly file: string,
    readonly src: string,
    comments: HclComment[],
  ) {
    for (const c of comments) {
      if (c.ownLine) this.#commentsByEndLine.set(c.endLine, c);
      else if (!this.#trailingByLine.has(c.line))
        this.#trailingByLine.set(c.line, c);
    }
  }

  leadingComments(line: number): HclComment[] {
    const out: HclComment[] = [];
    let next = line - 1;
    for (;;) {
      const c = this.#commentsByEndLine.get(next);
      if (!c) break;
      out.unshift(c);
      next = c.line - 1;
    }
    return out;
  }

  readBody(body: Node): {
    attributes: Record<string, HclAttribute>;
    blocks: HclBlock[];
  } {
    const attributes: Record<string, HclAttribute> = Object.create(null);
    const blocks: HclBlock[] = [];
    for (const child of body.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute') {
        const attr = this.readAttribute(child);
        if (attr) attributes[attr.name] = attr;
      } else if (child.type === 'block') {
        const block = this.readBlock(child);
        if (block) blocks.push(block);
      }
    }
    return { attributes, blocks };
  }

  readAttribute(node: Node): HclAttribute | undefined {
    const named = node.namedChildren.filter(isSyntax);
    const id = named.find(n => n.type === 'identifier');
    const exprNode = named.find(n => n.type === 'expression');
    if (!id || !exprNode) return undefined;
    const line = node.startPosition.row + 1;
    const endLine = node.endPosition.row + 1;
    return {
      name: id.text,
      expr: this.readExpr(exprNode),
      line,
      endLine,
      leadingComments: this.leadingComments(line),
      trailingComment: this.#trailingByLine.get(endLine),
    };
  }

  readBlock(node: Node): HclBlock | undefined {
    const named = node.namedChildren.filter(isSyntax);
    const [typeNode, ...rest] = named;
    if (!typeNode || typeNode.type !== 'identifier') return undefined;
    const labels: string[] = [];
    let body: Node | undefined;
    for (const n of rest) {
      if (n.type === 'string_lit') labels.push(this.stringLitValue(n));
      else if (n.type === 'identifier') labels.push(n.text);
      else if (n.type === 'body') body = n;
    }
    const line = node.startPosition.row + 1;
    const { attributes, blocks } = body
      ? this.readBody(body)
      : { attributes: Object.create(null), blocks: [] };
    const block: HclBlock = {
      type: typeNode.text,
      labels,
      attributes,
      blocks,
      file: this.file,
      line,
      endLine: node.endPosition.row + 1,
      leadingComments: this.leadingComments(line),
    };
    return block;
  }

  stringLitValue(node: Node): string {
    // A string_lit holds no interpolation: everything between the quotes.
    const start = node.startIndex + 1;
    const end = node.endIndex - 1;
    return unescapeQuoted(this.src.slice(start, Math.max(start, end)));
  }

  readExpr(node: Node): Expr {
    const raw = node.text;
    const line = node.startPosition.row + 1;
    switch (node.type) {
      case 'expression': {
        const parts = node.namedChildren.filter(isSyntax);
        if (parts.length === 1) {
          const only = parts[0];
          // Parenthesised expression: `( expr )`.
          if (only.type === 'expression' && node.childCount > 1) {
            const inner = this.readExpr(only);
            return { ...inner, raw, line };
          }
          return this.readExpr(only);
        }
        return this.readSequence(parts, raw, line);
      }
      case 'variable_expr':
        return { kind: 'traversal', root: node.text, steps: [], raw, line };
      case 'literal_value': {
        const lit = node.namedChildren.find(isSyntax);
        if (!lit) return { kind: 'other', raw, line };
        switch (lit.type) {
          case 'numeric_lit':
            return { kind: 'literal', value: Number(lit.text), raw, line };
          case 'bool_lit':
            return { kind: 'literal', value: lit.text === 'true', raw, line };
          case 'null_lit':
            return { kind: 'literal', value: null, raw, line };
          case 'string_lit':
            return {
              kind: 'literal',
              value: this.stringLitValue(lit),
              raw,
              line,
            };
          default:
            return { kind: 'other', raw, line };
        }
      }
      case 'template_expr': {
        const inner = node.namedChildren.find(isSyntax);
        return inner
          ? this.readTemplate(inner, raw, line)
          : { kind: 'other', raw, line };
      }
      case 'collection_value': {
        const inner = node.namedChildren.find(isSyntax);
        if (inner?.type === 'tuple') {
          const items = inner.namedChildren
            .filter(isSyntax)
            .filter(n => n.type === 'expression')
            .map(n => this.readExpr(n));
          return { kind: 'tuple', items, raw, line };
        }
        if (inner?.type === 'object') {
          const entries: ObjectEntry[] = [];
          for (const elem of inner.namedChildren) {
            if (!elem || elem.type !== 'object_elem') continue;
            const key = elem.childForFieldName('key');
            const val = elem.childForFieldName('val');
            if (!key || !val) continue;
            entries.push({
              key: this.readExpr(key),
              value: this.readExpr(val),
              line: elem.startPosition.row + 1,
            });
          }
          return { kind: 'object', entries, raw, line };
        }
        return { kind: 'other', raw, line };
      }
      case 'function_call': {
        const named = node.namedChildren.filter(isSyntax);
        const name = named.find(n => n.type === 'identifier')?.text ?? '';
        const argsNode = named.find(n => n.type === 'function_arguments');
        const argNodes = argsNode
          ? argsNode.namedChildren.filter(isSyntax)
          : [];
        const args = argNodes
          .filter(n => n.type === 'expression')
          .map(n => this.readExpr(n));
        const expandLast = argNodes.some(n => n.type === 'ellipsis');
        return { kind: 'call', name, args, expandLast, raw, line };
      }
      case 'conditional': {
        const [cond, then, otherwise] = node.namedChildren
          .filter(isSyntax)
          .map(n => this.readExpr(n));
        if (!cond || !then || !otherwise) return { kind: 'other', raw, line };
        return { kind: 'conditional', cond, then, else: otherwise, raw, line };
      }
      case 'operation': {
        const inner = node.namedChildren.find(isSyntax);
        return inner ? this.readOperation(inner) : { kind: 'other', raw, line };
      }
      case 'for_expr': {
        const inner = node.namedChildren.find(isSyntax);
        return inner ? this.readFor(inner) : { kind: 'other', raw, line };
      }
      default:
        return { kind: 'other', raw, line };
    }
  }

  /**
   * A head followed by attribute, index and splat steps. Operands inside an
   * operation come as such flat sequences too (`var.x != null`).
   */
  readSequence(parts: Node[], raw: string, line: number): Expr {
    const [head, ...tail] = parts;
    if (!head) return { kind: 'other', raw, line };
    const steps: TraversalStep[] = [];
    for (const t of tail) {
      if (!this.readSteps(t, steps)) return { kind: 'other', raw, line };
    }
    if (head.type === 'variable_expr') {
      return { kind: 'traversal', root: head.text, steps, raw, line };
    }
    const base = this.readExpr(head);
    return steps.length ? { kind: 'postfix', base, steps, raw, line } : base;
  }

  /** Appends the steps a node stands for; false for a node that is not a step. */
  readSteps(node: Node, out: TraversalStep[]): boolean {
    if (node.type === 'splat') {
      const inner = node.namedChildren.find(isSyntax);
      out.push({ splat: true });
      for (const s of inner?.namedChildren.filter(isSyntax) ?? []) {
        if (!this.readSteps(s, out)) return false;
      }
      return true;
    }
    const step = this.readStep(node);
    if (step === undefined) return false;
    out.push(step);
    return true;
  }

  readOperation(node: Node): Expr {
    const raw = node.text;
    const line = node.startPosition.row + 1;
    const children = node.children.filter(isSyntax);
    const opIndex = children.findIndex(c => !c.isNamed);
    if (opIndex < 0) return { kind: 'other', raw, line };
    const op = children[opIndex].text;
    const operand = (nodes: Node[]): Expr | undefined => {
      const named = nodes.filter(n => n.isNamed);
      if (named.length === 0) return undefined;
      const text = named.map(n => n.text).join('');
      const first = named[0];
      return named.length === 1
        ? this.readExpr(first)
        : this.readSequence(named, text, first.startPosition.row + 1);
    };
    if (node.type === 'unary_operation') {
      const value = operand(children.slice(opIndex + 1));
      if (!value) return { kind: 'other', raw, line };
      // `-1` stays a number literal.
      if (
        op === '-' &&
        value.kind === 'literal' &&
        typeof value.value === 'number'
      )
        return { kind: 'literal', value: -value.value, raw, line };
      return { kind: 'unary', op, operand: value, raw, line };
    }
    const left = operand(children.slice(0, opIndex));
    const right = operand(children.slice(opIndex + 1));
    if (!left || !right) return { kind: 'other', raw, line };
    return { kind: 'binary', op, left, right, raw, line };
  }

  readFor(node: Node): Expr {
    const raw = node.text;
    const line = node.startPosition.row + 1;
    const object = node.type === 'for_object_expr';
    const named = node.namedChildren.filter(isSyntax);
    const intro = named.find(n => n.type === 'for_intro');
    if (!intro) return { kind: 'other', raw, line };
    const ids = intro.namedChildren
      .filter(isSyntax)
      .filter(n => n.type === 'identifier')
      .map(n => n.text);
    const collectionNode = intro.namedChildren
      .filter(isSyntax)
      .find(n => n.type === 'expression');
    if (!collectionNode || ids.length === 0)
      return { kind: 'other', raw, line };
    const exprs = named
      .filter(n => n.type === 'expression')
      .map(n => this.readExpr(n));
    const condNode = named.find(n => n.type === 'for_cond');
    const condExpr = condNode?.namedChildren.find(isSyntax);
    const [keyVar, valueVar] = ids.length === 2 ? ids : [undefined, ids[0]];
    const base = {
      keyVar,
      valueVar: valueVar!,
      collection: this.readExpr(collectionNode),
      cond: condExpr ? this.readExpr(condExpr) : undefined,
      grouping: named.some(n => n.type === 'ellipsis'),
      raw,
      line,
    };
    if (object) {
      const [key, value] = exprs;
      if (!key || !value) return { kind: 'other', raw, line };
      return { kind: 'for', object: true, key, value, ...base };
    }
    const [value] = exprs;
    if (!value) return { kind: 'other', raw, line };
    return { kind: 'for', object: false, value, ...base };
  }

  readStep(node: Node): TraversalStep | undefined {
    if (node.type === 'get_attr') {
      return node.namedChildren.find(n => n?.type === 'identifier')?.text;
    }
    if (node.type === 'index') {
      const inner = node.namedChildren.find(isSyntax);
      if (!inner) return undefined;
      if (inner.type === 'legacy_index')
        return Number(inner.text.replace(/^\./, ''));
      const exprNode = inner.namedChildren.find(isSyntax);
      if (!exprNode) return undefined;
      const expr = this.readExpr(exprNode);
      if (
        expr.kind === 'literal' &&
        (typeof expr.value === 'number' || typeof expr.value === 'string')
      ) {
        return expr.value;
      }
      return { expr };
    }
    return undefined;
  }

  readTemplate(node: Node, raw: string, line: number): Expr {
    const heredoc = node.type === 'heredoc_template';
    const children = node.namedChildren.filter(isSyntax);
    let bodyStart: number;
    let bodyEnd: number;
    let indentStrip = false;
    if (heredoc) {
      const ids = children.filter(n => n.type === 'heredoc_identifier');
      const start = children.find(n => n.type === 'heredoc_start');
      indentStrip = start?.text === '<<-';
      const open = ids[0];
      const close = ids.length > 1 ? ids[ids.length - 1] : undefined;
      if (!open || !close) return { kind: 'other', raw, line };
      const nl = this.src.indexOf('\n', open.endIndex);
      bodyStart = nl < 0 ? open.endIndex : nl + 1;
      bodyEnd = close.startIndex - close.startPosition.column;
      if (bodyEnd < bodyStart) bodyEnd = bodyStart;
    } else {
      bodyStart = node.startIndex + 1;
      bodyEnd = node.endIndex - 1;
    }
    const interpolations: Expr[] = [];
    let hasDirectives = false;
    let text = '';
    let cursor = bodyStart;
    for (const child of children) {
      if (
        child.type !== 'template_interpolation' &&
        child.type !== 'template_directive'
      )
        continue;
      if (child.startIndex < bodyStart || child.endIndex > bodyEnd) continue;
      text += this.src.slice(cursor, child.startIndex);
      if (child.type === 'template_directive') {
        hasDirectives = true;
        text += child.text;
      } else {
        const exprNode = child.namedChildren.find(
          n => n?.type === 'expression',
        );
        const expr = exprNode
          ? this.readExpr(exprNode)
          : ({
              kind: 'other',
              raw: child.text,
              line: child.startPosition.row + 1,
            } as Expr);
        text += `\u0000${interpolations.length}\u0000`;
        interpolations.push(expr);
      }
      cursor = child.endIndex;
    }
    text += this.src.slice(cursor, Math.max(cursor, bodyEnd));
    if (indentStrip) text = dedent(text);
    text = heredoc ? unescapeHeredoc(text) : unescapeQuoted(text);
    const parts: TemplatePart[] = [];
    const pieces = text.split('\u0000');
    pieces.forEach((piece, i) => {
      if (i % 2 === 0) {
        if (piece) parts.push(piece);
      } else {
        parts.push(interpolations[Number(piece)]);
      }
    });
    if (!hasDirectives && interpolations.length === 0) {
      return { kind: 'literal', value: parts.join(''), raw, line };
    }
    return { kind: 'template', parts, hasDirectives, heredoc, raw, line };
  }
}

/**
 * Parses one HCL file into the typed model. Never throws on bad syntax: the
 * result carries `error` with the file and 1-based line instead. Throws
 * {@link HclParserFailure} when the parser itself fails; the next call gets
 * a fresh parser.
 */
export async function parseHcl(
  file: string,
  content: string,
): Promise<HclFile> {
  const parser = await getHclParser();
  return parseHclWith(parser, file, content);
}

/**
 * Synchronous variant once the parser is loaded (see {@link getHclParser}).
 * Never throws on bad syntax; throws {@link HclParserFailure} when the
 * parser itself fails (the parser is then retired: ask for a new one).
 */
export function parseHclWith(
  parser: Parser,
  file: string,
  content: string,
): HclFile {
  // CRLF and a BOM change no line numbers once normalised, and keep \r out
  // of literals and comments.
  const src = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let tree;
  try {
    tree = parser.parse(src);
  } catch (e) {
    throw parserFailed(parser, file, e);
  }
  if (!tree) {
    return {
      path: file,
      blocks: [],
      attributes: {},
      comments: [],
      error: {
        file,
        line: 1,
        column: 1,
        message: 'The parser returned no tree',
      },
    };
  }
  try {
    const root = tree.rootNode;
    const comments: HclComment[] = [];
    collectComments(root, src, comments);
    if (root.hasError) {
      return {
        path: file,
        blocks: [],
        attributes: {},
        comments,
        error: findError(root, src, file),
      };
    }
    const ctx = new FileContext(file, src, comments);
    const body = root.namedChildren.find(n => n?.type === 'body');
    const { attributes, blocks } = body
      ? ctx.readBody(body)
      : { attributes: {}, blocks: [] };
    return { path: file, blocks, attributes, comments };
  } catch (e) {
    throw parserFailed(parser, file, e);
  } finally {
    deleteTree(parser, tree);
  }
}

/**
 * An exception out of the parser or out of a walk over its tree (a stack
 * overflow inside a WebAssembly call leaves the instance's own stack
 * unknown): the parser is never used again.
 */
function parserFailed(
  parser: Parser,
  file: string,
  cause: unknown,
): HclParserFailure {
  retireHclParser(parser);
  return new HclParserFailure(file, cause);
}

function deleteTree(parser: Parser, tree: { delete(): void }) {
  try {
    tree.delete();
  } catch {
    // Only a broken instance fails to free a tree; it is retired with it.
    retireHclParser(parser);
  }
}

/**
 * Every comment of the tree, in source order. One query inside the
 * parser's own memory instead of a walk that crosses into WebAssembly for
 * every node (the walk was a sixth of parsing a large repo).
 */
function collectComments(root: Node, src: string, out: HclComment[]) {
  for (const node of root.descendantsOfType('comment')) {
    if (!node) continue;
    const start = node.startPosition;
    const lineStart = node.startIndex - start.column;
    out.push({
      text: stripCommentMarkers(node.text),
      line: start.row + 1,
      endLine: node.endPosition.row + 1,
      ownLine: src.slice(lineStart, node.startIndex).trim() === '',
    });
  }
}

function stripCommentMarkers(text: string): string {
  if (text.startsWith('/*'))
    return text.slice(2, text.endsWith('*/') ? -2 : undefined).trim();
  if (text.startsWith('//')) return text.slice(2).trim();
  if (text.startsWith('#')) return text.slice(1).trim();
  return text.trim();
}

/**
 * A quoted string cannot span lines in HCL. An unclosed quote makes
 * tree-sitter recover far from the mistake, so look for it first.
 */
function findUnclosedString(root: Node): Node | undefined {
  let found: Node | undefined;
  const visit = (node: Node) => {
    if (found && node.startIndex > found.startIndex) return;
    if (node.type === 'quoted_template_start') {
      const parent = node.parent;
      const spansLines =
        parent &&
        parent.type !== 'ERROR' &&
        parent.startPosition.row !== parent.endPosition.row;
      const dangling = parent?.type === 'ERROR' && node.nextSibling === null;
      if (
        (spansLines || dangling) &&
        (!found || node.startIndex < found.startIndex)
      )
        found = node;
      return;
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return found;
}

function findError(root: Node, src: string, file: string): HclParseError {
  const quote = findUnclosedString(root);
  if (quote) {
    const pos = quote.startPosition;
    const near = (src.split('\n')[pos.row] ?? '').trim().slice(0, 80);
    return {
      file,
      line: pos.row + 1,
      column: pos.column + 1,
      message: `Syntax error: string is not closed on its line near \`${near}\``,
    };
  }
  let found: Node | undefined;
  const visit = (node: Node): boolean => {
    if (node.isError || node.isMissing) {
      found = node;
      return true;
    }
    if (!node.hasError) return false;
    for (const child of node.children) {
      if (child && visit(child)) return true;
    }
    return false;
  };
  visit(root);
  if (!found) {
    return { file, line: 1, column: 1, message: 'Syntax error' };
  }
  const lines = src.split('\n');
  const near = (row: number) => {
    const t = (lines[row] ?? '').trim().slice(0, 80);
    return t ? ` near \`${t}\`` : '';
  };
  if (found.isMissing) {
    // A missing closer: point at what it should close, which is where the
    // mistake usually is, and say where the parser gave up.
    let owner = found.parent;
    if (owner && /_end$/.test(owner.type) && owner.parent) owner = owner.parent;
    const opened = owner ?? found;
    const pos = opened.startPosition;
    const what = (owner?.type ?? 'construct').replace(/_/g, ' ');
    return {
      file,
      line: pos.row + 1,
      column: pos.column + 1,
      message: `Syntax error: ${what} is not closed (missing ${JSON.stringify(
        found.type,
      )}, noticed at line ${found.startPosition.row + 1})${near(pos.row)}`,
    };
  }
  const pos = found.startPosition;
  return {
    file,
    line: pos.row + 1,
    column: pos.column + 1,
    message: `Syntax error: unexpected ${JSON.stringify(
      found.text.split('\n')[0].slice(0, 40),
    )}${near(pos.row)}`,
  };
}

function isSyntax(node: Node | null): node is Node {
  return !!node && node.type !== 'comment';
}

function dedent(text: string): string {
  const lines = text.split('\n');
  let min = Infinity;
  for (const l of lines) {
    if (!l.trim()) continue;
    const indent = /^[ \t]*/.exec(l)![0].length;
    min = Math.min(min, indent);
  }
  if (!Number.isFinite(min) || min === 0) return text;
  return lines
    .map(l => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length)))
    .join('\n');
}

function unescapeHeredoc(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

function unescapeQuoted(text: string): string {
  return unescapeHeredoc(
    text.replace(
      /\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g,
      (_m, esc: string) => {
        switch (esc[0]) {
          case 'n':
            return '\n';
          case 'r':
            return '\r';
          case 't':
            return '\t';
          case 'u':
          case 'U':
            return String.fromCodePoint(parseInt(esc.slice(1), 16));
          default:
            return esc;
        }
      },
    ),
  );
}
