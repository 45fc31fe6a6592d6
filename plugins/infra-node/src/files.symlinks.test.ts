import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { readLocalTree } from './files';

describe('readLocalTree and symbolic links', () => {
  const mockDir = createMockDirectory();
  let outside: string;

  beforeAll(async () => {
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'infra-outside-'));
    await fs.writeFile(
      path.join(outside, 'leak.tf'),
      'locals { leaked = 1 }\n',
    );
  });
  afterAll(async () => {
    await fs.rm(outside, { recursive: true, force: true });
  });

  beforeEach(() => {
    mockDir.setContent({
      '.gitattributes': 'vault/** filter=git-crypt\n',
      vault: { 'token.txt': 'plain secret\n' },
      modules: { common: { 'shared.tf': 'locals { shared = true }\n' } },
      stacks: {
        shop: {
          'main.tf': 'locals {}\n',
          // a file link inside the repo: part of the stack for Terraform
          'shared.tf': ctx => ctx.symlink('../../modules/common/shared.tf'),
          // a directory link: not followed
          vault: ctx => ctx.symlink('../../vault'),
          // a loop back to the stack itself: not followed
          again: ctx => ctx.symlink('.'),
          // a file link to a secret declared by its real path
          'token.txt': ctx => ctx.symlink('../../vault/token.txt'),
        },
      },
    });
  });

  it('reads a link to a file inside the repo at the link path', async () => {
    const files = await readLocalTree(mockDir.path);
    expect(files.find(f => f.path === 'stacks/shop/shared.tf')).toEqual({
      path: 'stacks/shop/shared.tf',
      content: 'locals { shared = true }\n',
    });
  });

  it('follows no directory link, so nothing is read twice and loops end', async () => {
    const paths = (await readLocalTree(mockDir.path)).map(f => f.path);
    expect(paths.filter(p => p.includes('/again/'))).toEqual([]);
    expect(paths.filter(p => p.includes('/vault/'))).toEqual([]);
  });

  it('checks .gitattributes against the real path of a linked file', async () => {
    const files = await readLocalTree(mockDir.path);
    expect(files.find(f => f.path === 'stacks/shop/token.txt')).toMatchObject({
      content: '',
      skipped: { reason: 'encrypted' },
    });
  });

  it('ignores a link that leaves the repo', async () => {
    await fs.symlink(
      path.join(outside, 'leak.tf'),
      path.join(mockDir.path, 'stacks/shop/leak.tf'),
    );
    const paths = (await readLocalTree(mockDir.path)).map(f => f.path);
    expect(paths).not.toContain('stacks/shop/leak.tf');
    expect(paths).toContain('stacks/shop/main.tf');
  });
});
