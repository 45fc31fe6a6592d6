import { measureHclNesting } from './nestingDepth';

const depth = (src: string) => measureHclNesting(src).depth;

describe('measureHclNesting', () => {
  it('counts blocks, brackets, braces, parentheses', () => {
    expect(depth('a = 1\n')).toBe(0);
    expect(depth('a = [1, 2]\n')).toBe(1);
    expect(depth('b "x" {\n  c {\n    d = { e = [(1)] }\n  }\n}\n')).toBe(5);
  });

  it('counts strings and their interpolations', () => {
    // body-level string: 1; interpolation: 2; call parentheses: 3
    expect(depth('a = "x${upper(var.y)}"\n')).toBe(3);
  });

  it('skips comments, string text and heredoc text', () => {
    const src = [
      '# [[[[[[[[[[',
      '// ((((((((((',
      '/* {{{{{{{{{{',
      '   }}}}}}}}}} */',
      'a = "[[[[[[[[ {{{{ (((("',
      'b = <<-EOT',
      '  [[[[[[[[[[ {{{{{{{{{{',
      '  EOT',
      'c = 1',
    ].join('\n');
    expect(depth(src)).toBe(1);
  });

  it('finds interpolations inside a heredoc and ends the heredoc at its marker', () => {
    const src = ['a = <<EOT', 'x ${[[1]]} y', 'EOT', 'b = [[[1]]]', ''].join(
      '\n',
    );
    // heredoc 1, interpolation 2, brackets 3 and 4; then b's brackets: 3
    expect(depth(src)).toBe(4);
  });

  it('counts chained operators as levels, and resets at a separator', () => {
    expect(depth(`a = ${'1 + '.repeat(50)}1\n`)).toBe(50);
    expect(depth(`a = ${'!'.repeat(20)}true\n`)).toBe(20);
    expect(depth(`a = [${'1 + 1, '.repeat(50)}1]\n`)).toBe(2);
    // attributes on their own lines do not add up
    expect(depth('a = 1 + 1\nb = 2 + 2\nc = 3 + 3\n')).toBe(1);
  });

  it('does not count dashes inside names or an exponent sign as operators', () => {
    expect(depth('a = some-name.other-name\nb = 1e-3\n')).toBe(0);
  });

  it('recovers from a quote left open at the end of its line', () => {
    expect(depth('a = "open\nb = [[1]]\n')).toBe(2);
  });

  it('stops as soon as the depth is over the limit and says on which line', () => {
    const src = `x = 1\ny = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(measureHclNesting(src, 100)).toEqual({ depth: 101, line: 2 });
  });
});
