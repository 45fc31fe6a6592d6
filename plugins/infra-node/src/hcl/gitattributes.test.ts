import { GitAttributes } from './gitattributes';

const filterOf = (attrs: GitAttributes, p: string) =>
  attrs.lookup(p, 'filter').state;

describe('GitAttributes', () => {
  const root = GitAttributes.fromFiles([
    {
      path: '.gitattributes',
      content: [
        '# keep the rules themselves readable',
        '.gitattributes !filter !diff',
        '',
        '*.tfvars filter=git-crypt diff=git-crypt',
        'vault/** filter=git-crypt',
        'apps/**/private/** filter=git-crypt',
        '/top.key filter=git-crypt',
        'certs/*.pem filter=git-crypt',
        'apps/public.tfvars !filter',
      ].join('\n'),
    },
  ]);

  it('matches a pattern without a slash against the file name at any depth', () => {
    expect(filterOf(root, 'settings.tfvars')).toBe('git-crypt');
    expect(filterOf(root, 'apps/web/prod.tfvars')).toBe('git-crypt');
    expect(filterOf(root, 'apps/web/main.tf')).toBeUndefined();
  });

  it('matches `dir/**` everything inside the directory, at any depth', () => {
    expect(filterOf(root, 'vault/token')).toBe('git-crypt');
    expect(filterOf(root, 'vault/deep/er/key.txt')).toBe('git-crypt');
    expect(filterOf(root, 'apps/vault/token')).toBeUndefined();
  });

  it('matches `a/**/b/**` with zero or more directories between', () => {
    expect(filterOf(root, 'apps/private/x.txt')).toBe('git-crypt');
    expect(filterOf(root, 'apps/web/private/x.txt')).toBe('git-crypt');
    expect(filterOf(root, 'apps/web/blue/private/sub/x.txt')).toBe('git-crypt');
    expect(filterOf(root, 'apps/web/privateer/x.txt')).toBeUndefined();
  });

  it('anchors a pattern with a slash to the directory of its file; `*` stops at a slash', () => {
    expect(filterOf(root, 'top.key')).toBe('git-crypt');
    expect(filterOf(root, 'apps/top.key')).toBeUndefined();
    expect(filterOf(root, 'certs/site.pem')).toBe('git-crypt');
    expect(filterOf(root, 'certs/old/site.pem')).toBeUndefined();
  });

  it('lets a later `!filter` line put an earlier match back to unspecified', () => {
    expect(filterOf(root, 'apps/public.tfvars')).toBeUndefined();
    expect(filterOf(root, '.gitattributes')).toBeUndefined();
  });

  it('says which line decided', () => {
    const { rule } = root.lookup('apps/web/prod.tfvars', 'filter');
    expect(rule).toMatchObject({
      source: '.gitattributes',
      line: 4,
      text: '*.tfvars filter=git-crypt diff=git-crypt',
    });
  });

  it('applies a nested .gitattributes relative to its directory, over the root one', () => {
    const attrs = GitAttributes.fromFiles([
      { path: '.gitattributes', content: '*.yaml filter=git-crypt\n' },
      {
        path: 'stacks/shop/.gitattributes',
        content: 'values.yaml -filter\nkeys/** filter=git-crypt\n',
      },
    ]);
    expect(filterOf(attrs, 'stacks/shop/values.yaml')).toBe(false);
    expect(filterOf(attrs, 'stacks/shop/keys/a.txt')).toBe('git-crypt');
    expect(filterOf(attrs, 'stacks/other/values.yaml')).toBe('git-crypt');
    // `keys/**` is relative to stacks/shop/, not to the root.
    expect(filterOf(attrs, 'keys/a.txt')).toBeUndefined();
  });

  it('ignores negative patterns, directory-only patterns and macro lines, as git does', () => {
    const attrs = GitAttributes.fromFiles([
      {
        path: '.gitattributes',
        content: [
          '!*.tf filter=git-crypt',
          'secret/ filter=git-crypt',
          '[attr]locked filter=git-crypt',
          '"with space.tf" filter=git-crypt',
        ].join('\n'),
      },
    ]);
    expect(filterOf(attrs, 'main.tf')).toBeUndefined();
    expect(filterOf(attrs, 'secret/a.txt')).toBeUndefined();
    expect(filterOf(attrs, 'with space.tf')).toBe('git-crypt');
  });

  it('supports character classes and `?`', () => {
    const attrs = GitAttributes.fromFiles([
      {
        path: '.gitattributes',
        content: 'key[0-9].txt filter=git-crypt\nk?y.txt filter=x\n',
      },
    ]);
    expect(filterOf(attrs, 'key7.txt')).toBe('git-crypt');
    expect(filterOf(attrs, 'keyA.txt')).toBeUndefined();
    expect(filterOf(attrs, 'kay.txt')).toBe('x');
  });
});
