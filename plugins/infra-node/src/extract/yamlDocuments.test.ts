import { readYaml, readYamlDocuments } from './yamlDocuments';

describe('readYamlDocuments', () => {
  it('reads every document of a stream', () => {
    expect(readYamlDocuments('kind: A\n---\nkind: B\n--- {kind: C}\n')).toEqual(
      [{ kind: 'A' }, { kind: 'B' }, { kind: 'C' }],
    );
  });

  it('leaves out a document that is not YAML and keeps the others', () => {
    expect(
      readYamlDocuments(
        'kind: A\n---\nkind: [B\n---\nkind: C\nkind: D\n---\nkind: E\n',
      ),
    ).toEqual([{ kind: 'A' }, { kind: 'E' }]);
  });

  it('reads YAML 1.2 scalars: `on` and `yes` stay strings, no dates', () => {
    expect(
      readYamlDocuments('a: yes\nb: on\nc: 2024-01-01\nd: 0o17\n'),
    ).toEqual([{ a: 'yes', b: 'on', c: '2024-01-01', d: 15 }]);
  });
});

describe('readYaml', () => {
  it('gives undefined for bad YAML, an empty text and several documents', () => {
    expect(readYaml('a: [1')).toBeUndefined();
    expect(readYaml('')).toBeUndefined();
    expect(readYaml('a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(readYaml('a: 1')).toEqual({ a: 1 });
  });
});
