import { InfraFile } from '../files';
import { parseInfraFiles } from './parseFiles';

const deepFile = (levels: number): InfraFile => ({
  path: 'stacks/hostile/deep.tf',
  content: `locals {\n  x = ${'['.repeat(levels)}${']'.repeat(levels)}\n}\n`,
});
const goodFile: InfraFile = {
  path: 'stacks/shop/main.tf',
  content:
    'resource "kubernetes_namespace" "shop" {\n  metadata {\n    name = "shop"\n  }\n}\n',
};

/** Bytes like a compiled program: every value, NULs included. */
function binaryContent(size: number): string {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919 + (i >> 5)) & 0xff;
  return bytes.toString('latin1');
}

const namespaceOf = (out: Awaited<ReturnType<typeof parseInfraFiles>>) =>
  out.hclFiles.find(f => f.path === goodFile.path)?.blocks[0]?.blocks[0]
    ?.attributes.name?.expr.raw;

describe('parseInfraFiles limits', () => {
  it('skips a file nested 3,000 levels deep and parses the others', async () => {
    const out = await parseInfraFiles([deepFile(3000), goodFile]);
    expect(out.skipped).toEqual([
      {
        file: 'stacks/hostile/deep.tf',
        reason: 'too-deep',
        message: expect.stringMatching(
          /more than 100 levels deep at line 2.*maxNestingDepth/,
        ),
      },
    ]);
    expect(out.hclFiles.map(f => f.path)).toEqual([goodFile.path]);
    expect(namespaceOf(out)).toBe('"shop"');
  });

  it('reads nesting under the limit as usual', async () => {
    const out = await parseInfraFiles([deepFile(40)]);
    expect(out.skipped).toEqual([]);
    expect(out.hclFiles[0].error).toBeUndefined();
  });

  it('skips an HCL file over the size limit, naming the limit and how to raise it', async () => {
    const block = 'resource "x" "y" {\n  a = "hello"\n}\n';
    const big: InfraFile = {
      path: 'stacks/hostile/main.tf',
      content: block.repeat(Math.ceil((2 * 1024 * 1024) / block.length)),
    };
    const out = await parseInfraFiles([big, goodFile]);
    expect(out.skipped).toEqual([
      {
        file: 'stacks/hostile/main.tf',
        reason: 'too-large',
        message: expect.stringMatching(
          /^2 MiB, over the 512 KiB limit for HCL files.*maxHclBytes.*catalog\.providers\.infra\.limits\.maxHclBytes/,
        ),
      },
    ]);
    expect(namespaceOf(out)).toBe('"shop"');
  });

  it('takes a raised size limit, and a separate one for other files', async () => {
    const values: InfraFile = {
      path: 'stacks/shop/values.yaml',
      content: `a: ${'x'.repeat(3000)}\n`,
    };
    const tf: InfraFile = {
      path: 'stacks/shop/main.tf',
      content: goodFile.content,
    };
    const out = await parseInfraFiles([values, tf], {
      limits: { maxTextBytes: 1024, maxHclBytes: 4096 },
    });
    expect(out.skipped.map(s => [s.file, s.reason])).toEqual([
      ['stacks/shop/values.yaml', 'too-large'],
    ]);
    expect(out.skipped[0].message).toContain('maxTextBytes');
    expect(out.hclFiles.map(f => f.path)).toEqual(['stacks/shop/main.tf']);
  });

  it('skips a binary file named main.tf and reads the next file', async () => {
    const out = await parseInfraFiles([
      { path: 'stacks/hostile/main.tf', content: binaryContent(256 * 1024) },
      goodFile,
    ]);
    expect(out.skipped).toEqual([
      {
        file: 'stacks/hostile/main.tf',
        reason: 'binary',
        message: expect.stringContaining('NUL byte at offset 0'),
      },
    ]);
    expect(namespaceOf(out)).toBe('"shop"');
  });

  it('never throws: past a raised depth limit, a stack overflow is a parser failure of that file only', async () => {
    const out = await parseInfraFiles([deepFile(20_000), goodFile], {
      limits: { maxNestingDepth: 100_000 },
    });
    expect(out.skipped).toEqual([
      {
        file: 'stacks/hostile/deep.tf',
        reason: 'parser-failed',
        message: expect.stringContaining('Maximum call stack size exceeded'),
      },
    ]);
    expect(namespaceOf(out)).toBe('"shop"');
  });
});
