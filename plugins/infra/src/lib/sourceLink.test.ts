import { infraEntity } from '../testing/entities';
import { serviceDetails } from '../testing/details';
import { fileLabelFromUrl, readSourceLink, repoFileUrl } from './sourceLink';

describe('fileLabelFromUrl', () => {
  it('reads file and line from Forgejo and GitHub URLs', () => {
    expect(
      fileLabelFromUrl(
        'https://forgejo.example.org/homelab/infra/src/branch/master/stacks/immich/main.tf#L12',
      ),
    ).toBe('stacks/immich/main.tf:12');
    expect(
      fileLabelFromUrl(
        'https://github.com/o/infra/blob/main/stacks/a/b.tf?plain=1#L3',
      ),
    ).toBe('stacks/a/b.tf:3');
    expect(fileLabelFromUrl('https://example.org/somewhere')).toBeUndefined();
  });
});

describe('readSourceLink', () => {
  it('falls back to the details source for a local checkout', () => {
    const entity = infraEntity({
      type: 'service',
      annotations: {
        'backstage.io/edit-url': undefined,
        'backstage.io/source-location': 'file:/srv/infra/stacks/authentik/',
      },
      details: serviceDetails(),
    });

    expect(readSourceLink(entity)).toEqual({
      label: 'stacks/authentik/main.tf:42',
      url: undefined,
    });
  });

  it('uses the URL of a url: source location', () => {
    const entity = infraEntity({
      type: 'service',
      annotations: {
        'backstage.io/edit-url': undefined,
        'backstage.io/source-location':
          'url:https://github.com/o/infra/tree/main/stacks/authentik/',
      },
    });

    expect(readSourceLink(entity)).toEqual({
      url: 'https://github.com/o/infra/tree/main/stacks/authentik/',
      label: 'https://github.com/o/infra/tree/main/stacks/authentik/',
    });
  });
});

describe('repoFileUrl', () => {
  it('derives a file URL from the entity URL and its repo-relative path', () => {
    const entity = infraEntity({ type: 'service', details: serviceDetails() });

    expect(repoFileUrl(entity, 'stacks/dbaas/cnpg.tf', 9)).toBe(
      'https://forgejo.example.org/homelab/infra/src/branch/master/stacks/dbaas/cnpg.tf#L9',
    );
  });

  it('gives no URL when the base cannot be derived with certainty', () => {
    const withoutDetails = infraEntity({ type: 'service' });
    const mismatched = infraEntity({
      type: 'service',
      details: serviceDetails({
        source: { file: 'stacks/other/main.tf', line: 1 },
      }),
    });

    expect(repoFileUrl(withoutDetails, 'stacks/a.tf', 1)).toBeUndefined();
    expect(repoFileUrl(mismatched, 'stacks/a.tf', 1)).toBeUndefined();
  });
});
