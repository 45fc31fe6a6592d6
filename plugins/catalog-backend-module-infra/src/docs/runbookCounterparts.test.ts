import { readDocPage, DocPage } from '@internal/backstage-plugin-infra-node';
import { runbookCounterpart } from './runbookCounterparts';

function page(path: string, text: string): DocPage {
  const p = readDocPage(path, Buffer.from(text));
  if ('reason' in p) throw new Error(p.reason);
  return p;
}

describe('runbookCounterpart', () => {
  const pages = [
    page(
      'architecture/auth.md',
      '# Auth\n\n## Check /dev/shm\n\nAn architecture note.\n',
    ),
    page(
      'runbooks/outpost.md',
      '# Outpost\n\n## Check /dev/shm in the outpost {#shm}\n\nSteps.\n',
    ),
    page('runbooks/critical-path.md', '# Critical path\n\n## Node drain\n'),
  ];

  it('finds the section whose heading has every word of the anchor, runbooks first', () => {
    expect(
      runbookCounterpart(
        { page: 'runbooks/forward-auth-400', anchor: 'check-dev-shm' },
        pages,
        'docs',
      ),
    ).toEqual({
      file: 'docs/runbooks/outpost.md',
      title: 'Outpost: Check /dev/shm in the outpost',
      sitePath: 'runbooks/outpost/',
      anchor: 'shm',
      reason: 'same section name',
    });
  });

  it('falls back to a page of the same file name', () => {
    expect(
      runbookCounterpart(
        { page: 'runbooks/critical-path', anchor: 'three-replicas' },
        pages,
        'docs',
      ),
    ).toMatchObject({
      file: 'docs/runbooks/critical-path.md',
      reason: 'same page name',
    });
    expect(
      runbookCounterpart(
        { page: 'runbooks/critical-path', anchor: 'node-drain' },
        pages,
        'docs',
      ),
    ).toMatchObject({ anchor: 'node-drain', reason: 'same section name' });
  });

  it('finds nothing when neither a section nor a page shares the name', () => {
    expect(
      runbookCounterpart(
        { page: 'runbooks/conventions', anchor: 'kyverno-lifecycle' },
        pages,
        'docs',
      ),
    ).toBeUndefined();
  });
});
