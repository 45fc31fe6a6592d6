import { parseYamlWithKeyLines, YamlLineNode } from './yamlKeyLines';

function at(root: YamlLineNode, path: string) {
  let node = root;
  let keyLine: number | undefined;
  for (const seg of path.split('.')) {
    const entry = node.entries?.get(seg);
    if (!entry) return undefined;
    keyLine = entry.keyLine;
    node = entry.node;
  }
  return { keyLine, value: node.value };
}

function rootOf(content: string): YamlLineNode {
  const parsed = parseYamlWithKeyLines(content);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.root;
}

describe('parseYamlWithKeyLines', () => {
  const values = [
    'server:', //                    1
    '  replicas: 3', //              2
    '  empty:', //                   3
    '  image: {repository: ghcr.io/x,', // 4
    '    tag: "2025.10"}', //        5
    'worker: &w', //                 6
    '  resources:', //               7
    '    limits:', //                8
    '      memory: 512Mi', //        9
    'copy: *w', //                   10
    '? explicit', //                 11
    ': 5', //                        12
    'list:', //                      13
    '  - name: a', //                14
    '    port: 80', //               15
    '"quoted key": yes', //          16
    '',
  ].join('\n');

  it('gives every key the line it is written on, in block and flow style', () => {
    const root = rootOf(values);
    expect(at(root, 'server')?.keyLine).toBe(1);
    expect(at(root, 'server.replicas')).toEqual({ keyLine: 2, value: 3 });
    expect(at(root, 'server.empty')).toEqual({ keyLine: 3, value: null });
    expect(at(root, 'server.image.tag')).toEqual({
      keyLine: 5,
      value: '2025.10',
    });
    expect(at(root, 'worker.resources.limits.memory')).toEqual({
      keyLine: 9,
      value: '512Mi',
    });
    expect(at(root, 'explicit')).toEqual({ keyLine: 11, value: 5 });
    expect(at(root, 'quoted key')).toEqual({ keyLine: 16, value: 'yes' });
    expect([...root.entries!.keys()]).toEqual([
      'server',
      'worker',
      'copy',
      'explicit',
      'list',
      'quoted key',
    ]);
  });

  it('reads values as YAML 1.2 does, aliases resolved', () => {
    const root = rootOf(values);
    // 1.2 core schema: `yes` is a string, not a boolean as in YAML 1.1.
    expect(at(root, 'quoted key')?.value).toBe('yes');
    expect(at(root, 'copy')?.value).toEqual({
      resources: { limits: { memory: '512Mi' } },
    });
    expect(at(root, 'list')?.value).toEqual([{ name: 'a', port: 80 }]);
  });

  it('names the reason and line of bad YAML, and of a duplicate key', () => {
    expect(parseYamlWithKeyLines('a: 1\nb: [1, 2\n')).toEqual({
      error: expect.stringMatching(/\(line \d+\)$/),
    });
    expect(parseYamlWithKeyLines('a: 1\nb: 2\na: 3\n')).toEqual({
      error: 'duplicated mapping key (line 3)',
    });
  });

  it('reads an empty document and a scalar document', () => {
    expect(rootOf('').value).toBeUndefined();
    expect(rootOf('# nothing\n').entries).toBeUndefined();
    expect(rootOf('just text').value).toBe('just text');
  });
});
