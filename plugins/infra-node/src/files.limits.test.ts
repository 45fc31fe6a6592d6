import { createMockDirectory } from '@backstage/backend-test-utils';
import { readLocalTree } from './files';

describe('readLocalTree limits', () => {
  const mockDir = createMockDirectory();

  it('does not read a file over its size limit, nor a binary one', async () => {
    mockDir.setContent({
      stacks: {
        shop: {
          'main.tf': `locals {\n  note = "${'x'.repeat(200)}"\n}\n`,
          'small.tf': 'locals {}\n',
          'values.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02]),
        },
      },
    });
    const files = await readLocalTree(mockDir.path, {
      limits: { maxHclBytes: 100 },
    });
    expect(files).toEqual([
      {
        path: 'stacks/shop/main.tf',
        content: '',
        skipped: {
          file: 'stacks/shop/main.tf',
          reason: 'too-large',
          message: expect.stringContaining(
            'over the 100 bytes limit for HCL files',
          ),
        },
      },
      { path: 'stacks/shop/small.tf', content: 'locals {}\n' },
      {
        path: 'stacks/shop/values.yaml',
        content: '',
        skipped: {
          file: 'stacks/shop/values.yaml',
          reason: 'binary',
          message: expect.stringContaining('NUL byte at offset 2'),
        },
      },
    ]);
  });
});
