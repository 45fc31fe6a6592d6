import { mockServices } from '@backstage/backend-test-utils';
import { InfraDocsSource } from './InfraDocsSource';

describe('InfraDocsSource', () => {
  it('points TechDocs at the docs folder of a remote tree, without credentials', () => {
    const source = new InfraDocsSource({
      source: {
        url: 'https://bot:s3cret@forge.example/homelab/infra/src/branch/main/',
      },
      logger: mockServices.logger.mock(),
    });
    expect(source.docsTreeUrl).toBe(
      'https://forge.example/homelab/infra/src/branch/main/docs',
    );
  });

  it('points TechDocs at the docs folder of a checkout as a file URL', () => {
    const source = new InfraDocsSource({
      source: { path: '/srv/infra' },
      logger: mockServices.logger.mock(),
    });
    expect(source.docsTreeUrl).toBe('file:///srv/infra/docs');
  });

  it('keeps the last pages when a read fails', () => {
    const source = new InfraDocsSource({
      source: { path: '/srv/infra' },
      logger: mockServices.logger.mock(),
    });
    expect(
      source.update({
        files: [{ path: 'a.md', content: Buffer.from('# A\n') }],
        skipped: [],
        fingerprint: 'one',
      }),
    ).toBe(true);
    expect(source.update(undefined)).toBe(false);
    expect(source.pages.map(p => p.title)).toEqual(['A']);
  });
});
