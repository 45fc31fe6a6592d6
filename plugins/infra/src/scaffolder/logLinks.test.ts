import path from 'node:path';
import { find } from 'linkifyjs';
import { linkOnlyWrittenUrls } from './logLinks';

describe('task log links', () => {
  it('links written URLs but not file names that end in a top-level domain', () => {
    linkOnlyWrittenUrls();
    // `find` validates as the Linkify component does, with the defaults.
    const links = (text: string) =>
      find(text)
        .filter(l => l.isLink)
        .map(l => l.href);
    expect(links('Wrote stacks/status-page/main.tf')).toEqual([]);
    expect(links('Wrote stacks/status-page/docs/index.md')).toEqual([]);
    expect(
      links('Pull request https://forgejo.example.org/homelab/infra/pulls/3'),
    ).toEqual(['https://forgejo.example.org/homelab/infra/pulls/3']);
  });

  it('changes the linkify the log viewer uses, not a copy of its own', () => {
    // core-components pins linkifyjs; ours must resolve to that same copy.
    const coreComponents = path.dirname(
      require.resolve('@backstage/core-components/package.json'),
    );
    expect(require.resolve('linkifyjs', { paths: [coreComponents] })).toBe(
      require.resolve('linkifyjs'),
    );
  });
});
