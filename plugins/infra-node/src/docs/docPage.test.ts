import { readDocPage, isUnreadableDocPage, docPageKind } from './docPage';

const read = (path: string, text: string | Buffer) =>
  readDocPage(path, typeof text === 'string' ? Buffer.from(text) : text);

describe('readDocPage', () => {
  it('titles a page by its first heading, outside front matter and code', () => {
    const p = read(
      'adr/0002-images.md',
      '---\nstatus: accepted\ndate: 2026-06-12\n---\n\n```\n# not a heading\n```\n\n# Build images off the cluster {#images}\n',
    );
    expect(p).toMatchObject({
      title: 'Build images off the cluster',
      kind: 'decision',
      date: '2026-06-12',
      headings: [
        {
          level: 1,
          text: 'Build images off the cluster',
          line: 10,
          id: 'images',
        },
      ],
    });
  });

  it('reads setext headings and slugs them as MkDocs does', () => {
    const p = read(
      'runbooks/a.md',
      'Restore the Vault!\n==================\n\nCheck /dev/shm\n--------------\n',
    );
    expect(!isUnreadableDocPage(p) && p.headings).toEqual([
      {
        level: 1,
        text: 'Restore the Vault!',
        line: 1,
        id: 'restore-the-vault',
      },
      { level: 2, text: 'Check /dev/shm', line: 4, id: 'check-devshm' },
    ]);
  });

  it('names a page without a heading after its file, and dates it from the file name', () => {
    expect(
      read('post-mortems/2026-03-01-nfs-outage.md', 'Just text.\n'),
    ).toMatchObject({
      title: 'Nfs outage',
      titleFromHeading: false,
      kind: 'post-mortem',
      date: '2026-03-01',
    });
  });

  it('reports a page MkDocs cannot render, with the reason', () => {
    expect(
      read('runbooks/bad.md', Buffer.from([0x23, 0x20, 0xff, 0x0a])),
    ).toEqual({
      path: 'runbooks/bad.md',
      reason: 'it is not UTF-8 text',
    });
  });

  it('knows kinds by folder names people use', () => {
    expect(docPageKind('ops/incidents/x.md')).toBe('post-mortem');
    expect(docPageKind('playbooks/x.md')).toBe('runbook');
    expect(docPageKind('architecture/x.md')).toBe('architecture');
    expect(docPageKind('x.md')).toBe('page');
  });
});
