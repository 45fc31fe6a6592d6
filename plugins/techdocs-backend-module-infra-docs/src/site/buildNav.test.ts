import { buildNav, NavPage } from './buildNav';

function page(
  path: string,
  title: string,
  lines: string[] = [],
  date?: string,
): NavPage {
  return { path, title, lines, date };
}

describe('buildNav', () => {
  it('puts a folder README first, then what its table links to in order, then dated pages newest first', () => {
    const nav = buildNav([
      page('README.md', 'Home', [
        '| Page | What |',
        '|---|---|',
        '| [Zeta](guides/zeta.md) | first on purpose |',
        '| [Alpha](guides/alpha.md) | second |',
      ]),
      page('guides/alpha.md', 'Alpha'),
      page('guides/beta.md', 'Beta'),
      page('guides/zeta.md', 'Zeta'),
      page('post-mortems/2026-01-01-a.md', 'Old', [], '2026-01-01'),
      page('post-mortems/2026-05-01-b.md', 'New', [], '2026-05-01'),
    ]);
    expect(nav).toEqual([
      { Home: 'README.md' },
      {
        Guides: [
          { Zeta: 'guides/zeta.md' },
          { Alpha: 'guides/alpha.md' },
          { Beta: 'guides/beta.md' },
        ],
      },
      {
        'Post-mortems': [
          { New: 'post-mortems/2026-05-01-b.md' },
          { Old: 'post-mortems/2026-01-01-a.md' },
        ],
      },
    ]);
  });

  it('takes index.md over README.md as the folder page, as MkDocs does', () => {
    const nav = buildNav([
      page('adr/README.md', 'Readme'),
      page('adr/index.md', 'Decisions'),
      page('adr/0001-x.md', 'First'),
    ]);
    expect(nav).toEqual([
      { ADR: [{ Decisions: 'adr/index.md' }, { First: 'adr/0001-x.md' }] },
    ]);
  });

  it('ignores links that leave the docs folder or point elsewhere', () => {
    const nav = buildNav([
      page('README.md', 'Home', [
        '- [Up](../stacks/a.md)',
        '- [Web](https://example.org/b.md)',
        '- [B](b.md)',
      ]),
      page('a.md', 'A'),
      page('b.md', 'B'),
    ]);
    expect(nav).toEqual([{ Home: 'README.md' }, { B: 'b.md' }, { A: 'a.md' }]);
  });
});
