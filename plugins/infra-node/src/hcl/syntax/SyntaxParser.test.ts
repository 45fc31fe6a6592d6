import { HclFileTooDeep, parseHcl } from '../parser';
import { Expr, TraversalStep } from '../types';

/** An expression as a compact s-expression, to assert its shape. */
function shape(e: Expr): string {
  const step = (s: TraversalStep): string => {
    if (typeof s === 'string') return `.${s}`;
    if (typeof s === 'number') return `[${s}]`;
    if ('splat' in s) return '[*]';
    return `[${shape(s.expr)}]`;
  };
  switch (e.kind) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'traversal':
      return e.root + e.steps.map(step).join('');
    case 'postfix':
      return `(postfix ${shape(e.base)} ${e.steps.map(step).join('')})`;
    case 'binary':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case 'unary':
      return `(${e.op}${shape(e.operand)})`;
    case 'conditional':
      return `(? ${shape(e.cond)} ${shape(e.then)} ${shape(e.else)})`;
    case 'call':
      return `(${e.name} ${e.args.map(shape).join(' ')}${
        e.expandLast ? '...' : ''
      })`;
    case 'tuple':
      return `[${e.items.map(shape).join(' ')}]`;
    case 'object':
      return `{${e.entries
        .map(en => `${shape(en.key)}=${shape(en.value)}`)
        .join(' ')}}`;
    case 'template':
      return `(tpl ${e.parts
        .map(p => (typeof p === 'string' ? JSON.stringify(p) : shape(p)))
        .join(' ')}${e.hasDirectives ? ' directives' : ''})`;
    case 'for':
      return `(for ${e.keyVar ? `${e.keyVar},` : ''}${e.valueVar} ${shape(
        e.collection,
      )} ${e.key ? `${shape(e.key)}=>` : ''}${shape(e.value)}${
        e.grouping ? '...' : ''
      }${e.cond ? ` if ${shape(e.cond)}` : ''})`;
    default:
      return `(other ${e.raw})`;
  }
}

/** The expression of attribute `x` in a one-attribute file. */
function expr(source: string): Expr {
  const f = parseHcl('t.tf', `x = ${source}\n`);
  if (f.error) throw new Error(f.error.message);
  return f.attributes.x.expr;
}

describe('the HCL native syntax parser', () => {
  it('gives operators HCL precedence, left-associative, and conditionals right-associative', () => {
    expect(shape(expr('a || b && c == d + e * f'))).toBe(
      '(|| a (&& b (== c (+ d (* e f)))))',
    );
    expect(shape(expr('a - b - c'))).toBe('(- (- a b) c)');
    expect(shape(expr('a < b == c >= d'))).toBe('(== (< a b) (>= c d))');
    // Terraform reads a chain of conditionals as nested `else` branches.
    expect(shape(expr('a ? "x" : b ? "y" : null'))).toBe(
      '(? a "x" (? b "y" null))',
    );
    expect(shape(expr('!var.on && -x.n < -1'))).toBe(
      '(&& (!var.on) (< (-x.n) -1))',
    );
    expect(shape(expr('(a + b) * 2'))).toBe('(* (+ a b) 2)');
  });

  it('keeps the source text and line of each expression', () => {
    const e = expr('(\n  a +\n  b\n)');
    expect(e.raw).toBe('(\n  a +\n  b\n)');
    expect(e.kind === 'binary' && [e.left.line, e.right.line]).toEqual([2, 3]);
  });

  it('ends an attribute at its newline, but not inside brackets, parentheses or after an operator', () => {
    const f = parseHcl(
      't.tf',
      [
        'a = 1',
        'b = [',
        '  1,',
        '  2,',
        ']',
        'c = f(',
        '  x,',
        '  y)',
        'd = a &&',
        '  b',
        'e = { k = 1, l = 2',
        '  m = 3 }',
      ].join('\n'),
    );
    expect(f.error).toBeUndefined();
    const a = f.attributes;
    expect(Object.keys(a)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shape(a.b.expr)).toBe('[1 2]');
    expect([a.b.line, a.b.endLine]).toEqual([2, 5]);
    expect(shape(a.c.expr)).toBe('(f x y)');
    expect(shape(a.d.expr)).toBe('(&& a b)');
    expect(shape(a.e.expr)).toBe('{k=1 l=2 m=3}');
  });

  it('reads traversals with attribute, legacy index, index and splat steps, and steps after any term', () => {
    expect(shape(expr('a.b[0]["k"][var.i].0.1'))).toBe('a.b[0].k[var.i][0][1]');
    expect(shape(expr('a[*].b'))).toBe('a[*].b');
    expect(shape(expr('a.*.b'))).toBe('a[*].b');
    expect(shape(expr('f(x)[0].y'))).toBe('(postfix (f x) [0].y)');
    expect(shape(expr('[1, 2][1]'))).toBe('(postfix [1 2] [1])');
  });

  it('reads function calls, expansion and provider functions', () => {
    expect(shape(expr('max(xs...)'))).toBe('(max xs...)');
    expect(shape(expr('f()'))).toBe('(f )');
    expect(shape(expr('provider::k8s::manifest_decode(x)'))).toBe(
      '(provider::k8s::manifest_decode x)',
    );
    expect(shape(expr('concat([1], [2],)'))).toBe('(concat [1] [2])');
  });

  it('reads for expressions over tuples and objects, with grouping and conditions', () => {
    expect(shape(expr('[for s in var.list : upper(s) if s != ""]'))).toBe(
      '(for s var.list (upper s) if (!= s ""))',
    );
    expect(shape(expr('{\n  for k, v in var.m :\n  k => v.name...\n}'))).toBe(
      '(for k,v var.m k=>v.name...)',
    );
    // A key named `for` is a key, not a `for` expression.
    expect(shape(expr('{ for = 1 }'))).toBe('{for=1}');
  });

  it('reads quoted templates: escapes, interpolations and directives', () => {
    expect(shape(expr('"a\\tb \\"q\\" \\u00e9"'))).toBe('"a\\tb \\"q\\" é"');
    expect(shape(expr('"${var.a}-x-${f("}")}"'))).toBe(
      '(tpl var.a "-x-" (f "}"))',
    );
    expect(shape(expr('"$${literal} %%{also}"'))).toBe('"${literal} %{also}"');
    // Directives are kept as written; the evaluator treats them as unknown.
    const d = expr('"a%{ if var.on }b${x}%{ endif }c"');
    expect(d.kind === 'template' && d.parts).toEqual([
      'a%{ if var.on }b${x}%{ endif }c',
    ]);
    expect(d.kind === 'template' && d.hasDirectives).toBe(true);
  });

  it('reads heredocs, with indentation stripped for <<- and an indented closing marker', () => {
    const f = parseHcl(
      't.tf',
      'a = <<EOT\nline ${var.x}\n  two\nEOT\nb = <<-EOT\n    one\n      two\n    EOT\nc = 1\n',
    );
    expect(f.error).toBeUndefined();
    expect(shape(f.attributes.a.expr)).toBe(
      '(tpl "line " var.x "\\n  two\\n")',
    );
    expect([f.attributes.a.line, f.attributes.a.endLine]).toEqual([1, 4]);
    expect(shape(f.attributes.b.expr)).toBe('"one\\n  two\\n"');
    expect(f.attributes.c.line).toBe(9);
  });

  it('reads blocks with identifier and string labels, one-line blocks and nested bodies', () => {
    const f = parseHcl(
      't.tf',
      'resource "kubernetes_namespace" ns {\n  metadata { name = "x" }\n  lifecycle {}\n}\n',
    );
    expect(f.error).toBeUndefined();
    const [res] = f.blocks;
    expect(res.labels).toEqual(['kubernetes_namespace', 'ns']);
    expect(res.blocks.map(b => [b.type, b.line, b.endLine])).toEqual([
      ['metadata', 2, 2],
      ['lifecycle', 3, 3],
    ]);
    expect(res.blocks[0].attributes.name.expr.raw).toBe('"x"');
    expect([res.line, res.endLine]).toEqual([1, 4]);
  });

  it('keeps comments and attaches the ones above and at the end of an item', () => {
    const f = parseHcl(
      't.tf',
      '# about the block\n// still about it\nlocals {\n  /* multi\n     line */\n  a = 1 # trailing\n\n  # not attached: blank line below\n\n  b = "# not a comment"\n}\n',
    );
    expect(f.error).toBeUndefined();
    expect(f.comments.map(c => [c.text, c.line, c.endLine, c.ownLine])).toEqual(
      [
        ['about the block', 1, 1, true],
        ['still about it', 2, 2, true],
        ['multi\n     line', 4, 5, true],
        ['trailing', 6, 6, false],
        ['not attached: blank line below', 8, 8, true],
      ],
    );
    const [locals] = f.blocks;
    expect(locals.leadingComments.map(c => c.text)).toEqual([
      'about the block',
      'still about it',
    ]);
    expect(locals.attributes.a.leadingComments.map(c => c.text)).toEqual([
      'multi\n     line',
    ]);
    expect(locals.attributes.a.trailingComment?.text).toBe('trailing');
    expect(locals.attributes.b.leadingComments).toEqual([]);
  });

  it('reads names with dashes and non-ASCII letters', () => {
    const f = parseHcl('t.tf', 'for-each = 1\nnäme = for-each - 1\n');
    expect(f.error).toBeUndefined();
    expect(shape(f.attributes['näme'].expr)).toBe('(- for-each 1)');
  });

  it.each([
    [
      'a = [1, 2\nb = 3\n',
      2,
      /expected "," or "]" after the tuple item, found "b"/,
    ],
    [
      'a = [1, 2\n',
      1,
      /tuple is not closed \(missing "]", noticed at line 2\)/,
    ],
    ['a = f(1,\n', 1, /function call is not closed/],
    ['a = { k = 1\n', 1, /object is not closed/],
    ['a = 1 b = 2\n', 1, /expected a newline, found "b"/],
    [
      'a = 1\nb = "open\n',
      2,
      /string is not closed on its line near `b = "open`/,
    ],
    ['a = <<EOT\nnever closed\n', 1, /heredoc `<<EOT` is not closed/],
    ['a = "%{ endif }"\n', 1, /without its opening directive/],
    ['a = "%{ if x }never"\n', 1, /template directive is not closed/],
    ['resource "x${y}" "z" {}\n', 1, /block label is a plain string/],
    ['a = 1\n@\n', 2, /unexpected character "@"/],
    ['a = 1\n/* open\n', 2, /comment `\/\*` is not closed/],
  ])('reports %j at line %i', (source, line, message) => {
    const f = parseHcl('t.tf', source);
    expect(f.blocks).toEqual([]);
    expect(f.error?.line).toBe(line);
    expect(f.error?.message).toMatch(message);
  });

  it('stops at its nesting limit with the line, before the stack can overflow', () => {
    const deep = `a = 1\nb = ${'['.repeat(50)}${']'.repeat(50)}\n`;
    expect(parseHcl('t.tf', deep, { maxDepth: 60 }).error).toBeUndefined();
    expect(() => parseHcl('t.tf', deep, { maxDepth: 20 })).toThrow(
      HclFileTooDeep,
    );
    let thrown: unknown;
    try {
      parseHcl('t.tf', deep, { maxDepth: 20 });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as HclFileTooDeep).line).toBe(2);
  });
});
