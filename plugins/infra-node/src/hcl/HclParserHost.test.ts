import type { Parser } from 'web-tree-sitter';
import { HclParserHost } from './HclParserHost';
import { parseInfraFiles } from './parseFiles';
import { parseHclWith } from './parser';
import {
  createHclParserInstance,
  HclParserInstance,
} from './treeSitterRuntime';

const first = {
  path: 'stacks/a/main.tf',
  content: `locals {\n  list = [${'1, '.repeat(20000)}1]\n}\n`,
};
const second = {
  path: 'stacks/b/main.tf',
  content: 'locals {\n  name = "b"\n}\n',
};

/**
 * A real instance whose next parse fails half-way, as an abort inside the
 * WebAssembly parser does: the exception leaves tree-sitter in the middle of
 * a parse, and that parser would resume the stale input next time.
 */
async function instanceThatFailsOnce(): Promise<HclParserInstance> {
  const instance = await createHclParserInstance();
  const { parser } = instance;
  const realParse = parser.parse.bind(parser);
  let failed = false;
  parser.parse = (input, oldTree, options) => {
    if (failed) return realParse(input, oldTree, options);
    failed = true;
    return realParse(input, oldTree, {
      progressCallback: () => {
        throw new Error('simulated abort');
      },
    });
  };
  return instance;
}

const localsOf = (parser: Parser, f: { path: string; content: string }) =>
  parseHclWith(parser, f.path, f.content).blocks[0]?.attributes;

describe('HclParserHost', () => {
  it('a parser that failed mid-parse gives wrong trees when reused (why it must be replaced)', async () => {
    const { parser } = await instanceThatFailsOnce();
    expect(() => parser.parse(first.content)).toThrow('simulated abort');
    const reused = parseHclWith(parser, second.path, second.content);
    expect(reused.blocks[0]?.attributes.name).toBeUndefined();
  });

  it('replaces a parser after a failure: the failing file is skipped, the next one parses', async () => {
    const made: HclParserInstance[] = [];
    const host = new HclParserHost({
      create: async () => {
        const instance =
          made.length === 0
            ? await instanceThatFailsOnce()
            : await createHclParserInstance();
        made.push(instance);
        return instance;
      },
    });
    const out = await parseInfraFiles([first, second], { parserHost: host });
    expect(out.skipped).toEqual([
      {
        file: first.path,
        reason: 'parser-failed',
        message: expect.stringContaining('simulated abort'),
      },
    ]);
    expect(out.hclFiles.map(f => f.path)).toEqual([second.path]);
    expect(out.hclFiles[0].blocks[0].attributes.name.expr.raw).toBe('"b"');
    expect(host.instancesCreated).toBe(2);
    // The next round uses the new instance and reads the first file too.
    const again = await parseInfraFiles([first], { parserHost: host });
    expect(again.skipped).toEqual([]);
    expect(again.hclFiles[0].blocks[0].attributes.list).toBeDefined();
    expect(host.instancesCreated).toBe(2);
  });

  it('replaces an instance whose memory grew past the limit, before the next parse', async () => {
    const host = new HclParserHost({ maxHeapBytes: 1 });
    const a = await host.acquire();
    expect(localsOf(a, second)?.name).toBeDefined();
    const b = await host.acquire();
    expect(b).not.toBe(a);
    expect(localsOf(b, second)?.name).toBeDefined();
  });

  it('keeps one instance while it is healthy and small', async () => {
    const host = new HclParserHost();
    const a = await host.acquire();
    localsOf(a, first);
    expect(await host.acquire()).toBe(a);
    expect(host.current()).toBe(a);
    expect(host.instancesCreated).toBe(1);
  });

  it('gives independent instances: one failing leaves the other intact', async () => {
    const broken = await instanceThatFailsOnce();
    const healthy = await createHclParserInstance();
    expect(() => broken.parser.parse(first.content)).toThrow('simulated abort');
    expect(localsOf(healthy.parser, second)?.name.expr.raw).toBe('"b"');
  });
});
