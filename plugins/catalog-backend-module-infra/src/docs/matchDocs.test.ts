import { readDocPage, DocPage } from '@internal/backstage-plugin-infra-node';
import { matchDocs } from './matchDocs';
import { DocsSubject } from './subjects';

function page(path: string, text: string): DocPage {
  const p = readDocPage(path, Buffer.from(text));
  if ('reason' in p) throw new Error(p.reason);
  return p;
}

const options = {
  docsEntityRef: 'component:default/infra-docs',
  repoFolder: 'docs',
};

const linkwarden: DocsSubject = {
  ref: 'system:default/linkwarden',
  terms: [
    { term: 'linkwarden', termKind: 'stack' },
    { term: 'links.homelab.example', termKind: 'hostname' },
  ],
};

describe('matchDocs', () => {
  it('lists post-mortems first, newest first, then other pages by match strength', () => {
    const pages = [
      page(
        'runbooks/backup.md',
        '# Backups\n\nlinkwarden is dumped nightly.\n',
      ),
      page(
        'architecture/apps.md',
        '# Apps\n\n## linkwarden\n\nIt stores bookmarks.\n',
      ),
      page(
        'post-mortems/2026-01-05-disk.md',
        '# Disk full\n\nlinkwarden stopped.\n',
      ),
      page(
        'post-mortems/2026-03-09-db.md',
        '# DB down\n\nlinks.homelab.example answered 502.\n',
      ),
    ];
    const about = matchDocs([linkwarden], pages, options).get(linkwarden.ref)!;
    expect(about.pages.map(p => p.file)).toEqual([
      'docs/post-mortems/2026-03-09-db.md',
      'docs/post-mortems/2026-01-05-disk.md',
      'docs/architecture/apps.md', // named in a heading: stronger than body text
      'docs/runbooks/backup.md',
    ]);
    expect(about.pages[0]).toMatchObject({
      kind: 'post-mortem',
      date: '2026-03-09',
      title: 'DB down',
      sitePath: 'post-mortems/2026-03-09-db/',
      matches: [
        {
          term: 'links.homelab.example',
          termKind: 'hostname',
          field: 'body',
          excerpt: 'links.homelab.example answered 502.',
          line: 3,
        },
      ],
    });
    expect(about.pages[2].matches[0]).toMatchObject({
      field: 'heading',
      line: 3,
    });
  });

  it('lists a roster page that names the entity once after the pages about it', () => {
    const apps = Array.from({ length: 10 }, (_, i) => `app${i}`);
    const subjects: DocsSubject[] = [
      linkwarden,
      ...apps.map(a => ({
        ref: `system:default/${a}`,
        terms: [{ term: a, termKind: 'stack' as const }],
      })),
    ];
    const pages = [
      page(
        'post-mortems/2026-06-01-upgrade.md',
        `# Upgrade day\n\n| app |\n|---|\n| linkwarden |\n${apps
          .map(a => `| ${a} |`)
          .join('\n')}\n`,
      ),
      page(
        'runbooks/backup.md',
        '# Backups\n\nlinkwarden is dumped nightly.\n',
      ),
    ];
    const about = matchDocs(subjects, pages, options).get(linkwarden.ref)!;
    expect(about.pages.map(p => [p.file, p.inPassing ?? false])).toEqual([
      ['docs/runbooks/backup.md', false],
      ['docs/post-mortems/2026-06-01-upgrade.md', true],
    ]);
  });

  it('matches whole words only, ignoring case', () => {
    const pages = [
      page('a.md', '# A\n\nLinkwarden-backup ran.\n'),
      page('b.md', '# B\n\nmylinkwarden and linkwardens are other things.\n'),
    ];
    const about = matchDocs([linkwarden], pages, options).get(linkwarden.ref)!;
    expect(about.pages.map(p => p.file)).toEqual(['docs/a.md']);
  });

  it('does not link by a namespace that most pages use', () => {
    const pages = Array.from({ length: 10 }, (_, i) =>
      page(
        `p${i}.md`,
        `# Page ${i}\n\nRuns in the default namespace.${
          i === 3 ? ' linkwarden too.' : ''
        }\n`,
      ),
    );
    const subject: DocsSubject = {
      ref: 'component:default/linkwarden',
      terms: [
        { term: 'linkwarden', termKind: 'service' },
        { term: 'default', termKind: 'namespace' },
      ],
    };
    const about = matchDocs([subject], pages, options).get(subject.ref)!;
    expect(about.pages.map(p => p.file)).toEqual(['docs/p3.md']);
    expect(about.pages[0].matches.map(m => m.term)).toEqual(['linkwarden']);
  });

  it('leaves out entities no page names, and cuts long lists keeping the total', () => {
    const pages = Array.from({ length: 14 }, (_, i) =>
      page(
        `runbooks/r${String(i).padStart(2, '0')}.md`,
        `# R${i}\n\nlinkwarden\n`,
      ),
    );
    const other: DocsSubject = {
      ref: 'system:default/echo',
      terms: [{ term: 'echo', termKind: 'stack' }],
    };
    const result = matchDocs([linkwarden, other], pages, options);
    expect(result.has(other.ref)).toBe(false);
    // A stack every page names is linked from all of them, 10 listed.
    expect(result.get(linkwarden.ref)).toMatchObject({ total: 14 });
    const many = [
      ...Array.from({ length: 12 }, (_, i) =>
        page(`runbooks/m${i}.md`, `# M${i}\n\nlinkwarden\n`),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        page(`runbooks/n${i}.md`, `# N${i}\n\nnothing\n`),
      ),
    ];
    const cut = matchDocs([linkwarden], many, options).get(linkwarden.ref)!;
    expect(cut.total).toBe(12);
    expect(cut.pages).toHaveLength(10);
  });
});
