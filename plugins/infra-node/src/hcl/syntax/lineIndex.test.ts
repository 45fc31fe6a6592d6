import { LineIndex } from './lineIndex';

/** The line of an offset, counted the slow way: newlines before it, plus one. */
function countedLine(src: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, src.length); i++)
    if (src[i] === '\n') line++;
  return line;
}

describe('LineIndex.lineOf', () => {
  const src = 'a = 1\n\nblock "x" {\n  b = 2\n}\n\n\nc = [\n  1,\n]';

  it('gives every offset its line, asked in order (as the parser does)', () => {
    const lines = new LineIndex(src);
    for (let offset = 0; offset <= src.length; offset++)
      expect([offset, lines.lineOf(offset)]).toEqual([
        offset,
        countedLine(src, offset),
      ]);
  });

  it('gives the same lines asked backwards and out of order', () => {
    const lines = new LineIndex(src);
    const offsets = [src.length, 0, 20, 3, 40, 7, 6, 5, 33, 1];
    for (let offset = src.length; offset >= 0; offset--) offsets.push(offset);
    for (const offset of offsets)
      expect([offset, lines.lineOf(offset)]).toEqual([
        offset,
        countedLine(src, offset),
      ]);
  });

  it('puts an offset past the end on the last line', () => {
    expect(new LineIndex(src).lineOf(src.length + 10)).toBe(
      countedLine(src, src.length),
    );
    expect(new LineIndex('').lineOf(0)).toBe(1);
  });
});
