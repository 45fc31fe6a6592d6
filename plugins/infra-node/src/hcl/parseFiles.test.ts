import { InfraFile } from '../files';
import { ParseCache } from './ParseCache';
import { parseInfraFiles } from './parseFiles';

const GIT_CRYPT = '\0GITCRYPT\0\u008c\u00c3J';

describe('parseInfraFiles', () => {
  it('parses HCL, keeps other files as text, and lists encrypted files in neither', async () => {
    const files: InfraFile[] = [
      {
        path: '.gitattributes',
        content: 'stacks/**/secrets/** filter=git-crypt\n',
      },
      { path: 'config.tfvars', content: `${GIT_CRYPT}ciphertext` },
      { path: 'stacks/shop/main.tf', content: 'locals {\n  a = 1\n}\n' },
      { path: 'stacks/shop/values.yaml', content: 'replicas: 2\n' },
      { path: 'stacks/shop/secrets/db.tf', content: 'locals { pw = "x" }\n' },
    ];
    const out = await parseInfraFiles(files);
    expect(out.hclFiles.map(f => f.path)).toEqual(['stacks/shop/main.tf']);
    expect(out.hclFiles[0].blocks[0].type).toBe('locals');
    expect([...out.texts.keys()]).toEqual([
      '.gitattributes',
      'stacks/shop/values.yaml',
    ]);
    expect(out.skipped).toEqual([
      {
        file: 'config.tfvars',
        reason: 'encrypted',
        message: expect.stringContaining('git-crypt header'),
      },
      {
        file: 'stacks/shop/secrets/db.tf',
        reason: 'encrypted',
        message: expect.stringContaining(
          '.gitattributes line 1: `stacks/**/secrets/** filter=git-crypt`',
        ),
      },
    ]);
  });

  it("leaves Terraform's dependency lock file unparsed: it is not configuration", async () => {
    const lock =
      'provider "registry.terraform.io/hashicorp/kubernetes" {\n  version = "2.0.0"\n}\n';
    const out = await parseInfraFiles([
      { path: 'stacks/shop/.terraform.lock.hcl', content: lock },
      { path: 'stacks/shop/main.tf', content: 'locals {\n  a = 1\n}\n' },
    ]);
    expect(out.hclFiles.map(f => f.path)).toEqual(['stacks/shop/main.tf']);
    expect([...out.texts.keys()]).toEqual(['stacks/shop/.terraform.lock.hcl']);
  });

  it('passes on what a reader already skipped', async () => {
    const skipped = {
      file: 'stacks/shop/big.tf',
      reason: 'too-large' as const,
      message: 'over the limit',
    };
    const out = await parseInfraFiles([
      { path: 'stacks/shop/big.tf', content: '', skipped },
    ]);
    expect(out.skipped).toEqual([skipped]);
    expect(out.hclFiles).toEqual([]);
  });

  it('keeps a syntax error a parse error (not skipped), with the last good parse from the cache', async () => {
    const cache = new ParseCache();
    const good = 'resource "x" "y" {\n  a = 1\n}\n';
    await parseInfraFiles([{ path: 'stacks/a/main.tf', content: good }], {
      cache,
    });
    const out = await parseInfraFiles(
      [{ path: 'stacks/a/main.tf', content: 'resource "x" "y" {\n  a = \n' }],
      { cache },
    );
    expect(out.skipped).toEqual([]);
    expect(out.hclFiles[0].error?.line).toBeGreaterThan(0);
    expect(out.hclFiles[0].blocks.map(b => b.labels)).toEqual([['x', 'y']]);
  });

  it('reuses an unchanged file without checking it again, until .gitattributes changes', async () => {
    const cache = new ParseCache();
    const tf = { path: 'stacks/a/secrets.tf', content: 'locals { a = 1 }\n' };
    await parseInfraFiles([tf], { cache });
    const again = await parseInfraFiles([{ ...tf }], { cache });
    expect(again.hclFiles.map(f => f.path)).toEqual(['stacks/a/secrets.tf']);
    expect(cache.stats).toEqual({ parsed: 0, reused: 1 });
    // Now the file is declared encrypted: never served from the cache.
    const encrypted = await parseInfraFiles(
      [
        { path: '.gitattributes', content: 'secrets.tf filter=git-crypt\n' },
        tf,
      ],
      { cache },
    );
    expect(encrypted.hclFiles).toEqual([]);
    expect(encrypted.skipped.map(f => [f.file, f.reason])).toEqual([
      ['stacks/a/secrets.tf', 'encrypted'],
    ]);
  });

  it('runs concurrent calls on one cache one after the other', async () => {
    const cache = new ParseCache();
    const a = [{ path: 'stacks/a/main.tf', content: 'locals { a = 1 }\n' }];
    const b = [{ path: 'stacks/b/main.tf', content: 'locals { b = 1 }\n' }];
    const [outA, outB] = await Promise.all([
      parseInfraFiles(a, { cache }),
      parseInfraFiles(b, { cache }),
    ]);
    expect(outA.hclFiles.map(f => f.path)).toEqual(['stacks/a/main.tf']);
    expect(outB.hclFiles.map(f => f.path)).toEqual(['stacks/b/main.tf']);
    // The second round saw only b: a was forgotten, b parsed once.
    expect(cache.stats).toEqual({ parsed: 1, reused: 0 });
  });

  it('gives a guarded parse for HCL the model makes itself', async () => {
    const { parse } = await parseInfraFiles([], {
      limits: { maxNestingDepth: 10 },
    });
    expect(parse('stacks/a/gen.tf', 'locals { a = 1 }\n').blocks).toHaveLength(
      1,
    );
    const deep = parse(
      'stacks/a/deep.tf',
      `a = ${'['.repeat(20)}${']'.repeat(20)}\n`,
    );
    expect(deep.blocks).toEqual([]);
    expect(deep.error?.message).toContain('maxNestingDepth');
  });
});
