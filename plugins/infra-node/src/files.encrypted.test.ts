import type { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { filesFromReadTree, InfraFile, readLocalTree } from './files';

/** What git-crypt leaves in a checkout without the key: its header, then ciphertext. */
const ciphertext = Buffer.concat([
  Buffer.from('\0GITCRYPT\0', 'latin1'),
  Buffer.from([0x8c, 0xc3, 0x4a, 0xc8, 0x85, 0x2b, 0xbe, 0xe7, 0xfd]),
]);

const ROOT_ATTRIBUTES = [
  '.gitattributes !filter !diff',
  '*.tfvars filter=git-crypt diff=git-crypt',
  'stacks/**/private/** filter=git-crypt',
].join('\n');

/** A checkout unlocked with the key: the declared files are plaintext. */
const unlockedRepo = {
  '.gitattributes': ROOT_ATTRIBUTES,
  'settings.tfvars': 'token = "plain but secret"\n',
  'config.tfvars': 'domain = "example.test"\n',
  stacks: {
    shop: {
      '.gitattributes': 'public.tfvars !filter\nvalues.yaml filter=git-crypt\n',
      'main.tf': 'locals {\n  name = "shop"\n}\n',
      'public.tfvars': 'replicas = 2\n',
      'other.tfvars': 'password = "hunter2"\n',
      'values.yaml': 'apiKey: abc\n',
      private: { 'db.txt': 'postgres://user:pw@db/shop\n' },
      deploy: { private: { 'key.yaml': 'k: v\n' } },
    },
    blog: { 'values.yaml': 'title: blog\n' },
  },
};

const byPath = (files: InfraFile[]) =>
  Object.fromEntries(files.map(f => [f.path, f]));

describe('reading an infra repo with encrypted files', () => {
  const mockDir = createMockDirectory();

  it('marks files that start with the git-crypt header, without decoding them', async () => {
    mockDir.setContent({
      'config.tfvars': ciphertext,
      stacks: {
        shop: { 'main.tf': 'locals {}\n', 'extra.tfvars': ciphertext },
      },
    });
    const files = byPath(await readLocalTree(mockDir.path));
    expect(files['config.tfvars']).toEqual({
      path: 'config.tfvars',
      content: '',
      skipped: {
        file: 'config.tfvars',
        reason: 'encrypted',
        message: expect.stringContaining('git-crypt header'),
      },
    });
    expect(files['stacks/shop/extra.tfvars'].skipped?.reason).toBe('encrypted');
    expect(files['stacks/shop/main.tf']).toEqual({
      path: 'stacks/shop/main.tf',
      content: 'locals {}\n',
    });
  });

  it('marks what .gitattributes declares git-crypt, even when the checkout is decrypted', async () => {
    mockDir.setContent(unlockedRepo);
    const files = byPath(await readLocalTree(mockDir.path));
    const skipped = Object.values(files)
      .filter(f => f.skipped)
      .map(f => f.path)
      .sort();
    expect(skipped).toEqual([
      'config.tfvars',
      'stacks/shop/deploy/private/key.yaml',
      'stacks/shop/other.tfvars',
      'stacks/shop/private/db.txt',
      'stacks/shop/values.yaml',
    ]);
    // No byte of a declared secret is kept.
    for (const p of skipped) expect(files[p].content).toBe('');
    expect(files['stacks/shop/other.tfvars'].skipped?.message).toContain(
      '.gitattributes line 2: `*.tfvars filter=git-crypt diff=git-crypt`',
    );
    expect(files['stacks/shop/values.yaml'].skipped?.message).toContain(
      'stacks/shop/.gitattributes line 2',
    );
  });

  it('reads what a nested `!filter` takes back, and what no pattern matches', async () => {
    mockDir.setContent(unlockedRepo);
    const files = byPath(await readLocalTree(mockDir.path));
    expect(files['stacks/shop/public.tfvars']).toEqual({
      path: 'stacks/shop/public.tfvars',
      content: 'replicas = 2\n',
    });
    expect(files['stacks/blog/values.yaml'].content).toBe('title: blog\n');
  });

  it('returns the .gitattributes files, so files from elsewhere can be checked too', async () => {
    mockDir.setContent(unlockedRepo);
    const paths = (await readLocalTree(mockDir.path)).map(f => f.path);
    expect(paths).toContain('.gitattributes');
    expect(paths).toContain('stacks/shop/.gitattributes');
  });

  it('gives the same answer for a readTree response', async () => {
    mockDir.setContent(unlockedRepo);
    const local = await readLocalTree(mockDir.path);
    const response: UrlReaderServiceReadTreeResponse = {
      etag: 'test',
      files: async () =>
        local.map(f => ({
          path: f.path,
          content: async () =>
            Buffer.from(f.skipped ? plaintextOf(f.path) : f.content, 'utf8'),
        })),
      archive: async () => {
        throw new Error('not used');
      },
      dir: async () => {
        throw new Error('not used');
      },
    };
    expect(await filesFromReadTree(response)).toEqual(local);
  });
});

/** The unlocked repo's plaintext at a path (the local reader never kept it). */
function plaintextOf(p: string): string {
  let node: unknown = unlockedRepo;
  for (const seg of p.split('/')) node = (node as Record<string, unknown>)[seg];
  return String(node);
}
