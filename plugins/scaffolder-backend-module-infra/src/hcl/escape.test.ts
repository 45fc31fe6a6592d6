import { parseHcl } from '@internal/backstage-plugin-infra-node';
import {
  escapeHclString,
  hclComment,
  hclIdentifier,
  hclString,
  hclStringList,
  sanitizeCommentText,
} from './escape';

/** Parses `x = <literal>` with infra-node's parser and returns what Terraform would read. */
async function readBack(literal: string) {
  const file = await parseHcl('t.tf', `x = ${literal}\n`);
  expect(file.error).toBeUndefined();
  return file.attributes.x.expr;
}

describe('hclString', () => {
  const nasty: Array<[string, string]> = [
    ['interpolation', '${file("/etc/passwd")}'],
    ['directive', '%{ if true }yes%{ endif }'],
    ['double quote', 'say "hi"'],
    ['backslash', 'C:\\path\\to\\file'],
    ['escaped-looking sequence', '\\n is not a newline'],
    ['newline', 'line one\nline two'],
    ['carriage return and tab', 'a\r\nb\tc'],
    ['control characters', 'bell\u0007 nul\u0000 esc\u001b del\u007f'],
    ['unicode line separators', 'a\u2028b\u2029c'],
    ['already doubled escapes', '$${literal} %%{literal}'],
    ['runs of dollars and percents', '$$$ %%% $$${x} %%%{y} $%{z} %${w} $$'],
    ['dollar and percent alone', '100% of $5 {not a template}'],
    ['closing brace and quote combo', '"}\nresource "x" "y" {'],
    ['non-ASCII', 'café – 東京 🚀'],
  ];

  it.each(nasty)(
    'round-trips %s through the HCL parser unchanged',
    async (_name, value) => {
      const expr = await readBack(hclString(value));
      expect(expr.kind).toBe('literal');
      expect(expr.kind === 'literal' && expr.value).toBe(value);
    },
  );

  it('keeps the literal on one line whatever the input', () => {
    expect(hclString('a\nb\rc\u2028d')).not.toMatch(/[\n\r\u2028]/);
  });

  it('doubles interpolation and directive openers', () => {
    expect(escapeHclString('${x} %{y}')).toBe('$${x} %%{y}');
  });

  it('renders lists whose items each round-trip', async () => {
    const expr = await readBack(hclStringList(['/api', '${x}', 'a"b']));
    expect(expr.kind).toBe('tuple');
    const items =
      expr.kind === 'tuple'
        ? expr.items.map(i => (i.kind === 'literal' ? i.value : i.raw))
        : [];
    expect(items).toEqual(['/api', '${x}', 'a"b']);
  });
});

describe('hclIdentifier', () => {
  it('accepts identifiers as they are', () => {
    expect(hclIdentifier('ingress_api_v1')).toBe('ingress_api_v1');
  });

  it.each(['1abc', 'a b', 'a"b', 'a.b', '', 'x}\nresource'])(
    'refuses %j instead of escaping it',
    bad => {
      expect(() => hclIdentifier(bad)).toThrow(/Refusing to render/);
    },
  );
});

describe('hclComment', () => {
  it('stays one comment line whatever the text', async () => {
    const comment = hclComment('first\nauth = "none"\r\n/* x */ end\u2028more');
    expect(comment.split('\n')).toHaveLength(1);
    const file = await parseHcl('t.tf', `${comment}\nx = 1\n`);
    expect(file.error).toBeUndefined();
    expect(file.comments).toHaveLength(1);
    expect(Object.keys(file.attributes)).toEqual(['x']);
  });

  it('removes block comment markers', () => {
    expect(sanitizeCommentText('a */ b /* c')).toBe('a b c');
  });
});
