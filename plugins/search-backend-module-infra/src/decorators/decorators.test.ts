import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { ExcludeKindsDecorator } from './ExcludeKindsDecorator';
import { TopSectionDedupeDecorator } from './TopSectionDedupeDecorator';

const doc = (location: string, title: string, text: string, extra = {}) =>
  ({ location, title, text, ...extra } as IndexableDocument);

describe('TopSectionDedupeDecorator', () => {
  it("drops the section of a page's top heading and keeps the page and its other sections", async () => {
    const { documents } = await TestPipeline.fromDecorator(
      new TopSectionDedupeDecorator(),
    )
      .withDocuments([
        doc(
          '/docs/x/restore/',
          'Restore',
          'Restore ¶ Get a dump back. Steps ¶ One.',
        ),
        doc('/docs/x/restore/#restore', 'Restore', 'Get a dump back.'),
        doc('/docs/x/restore/#steps', 'Steps', 'One.'),
      ])
      .execute();
    expect(documents.map(d => d.location)).toEqual([
      '/docs/x/restore/',
      '/docs/x/restore/#steps',
    ]);
  });

  it('keeps the first section of a page that opens with text before its first heading', async () => {
    const { documents } = await TestPipeline.fromDecorator(
      new TopSectionDedupeDecorator(),
    )
      .withDocuments([
        doc('/docs/x/notes/', 'Notes', 'Read this first. Background ¶ Why.'),
        doc('/docs/x/notes/#background', 'Background', 'Why.'),
      ])
      .execute();
    expect(documents).toHaveLength(2);
  });
});

describe('ExcludeKindsDecorator', () => {
  it('leaves the given kinds out, in any case', async () => {
    const { documents } = await TestPipeline.fromDecorator(
      new ExcludeKindsDecorator(['Location']),
    )
      .withDocuments([
        doc('/catalog/default/location/generated-1', 'generated-1', '', {
          kind: 'Location',
        }),
        doc('/catalog/default/location/generated-2', 'generated-2', '', {
          kind: 'location',
        }),
        doc('/catalog/default/component/blog', 'blog', '', {
          kind: 'Component',
        }),
      ])
      .execute();
    expect(documents.map(d => d.title)).toEqual(['blog']);
  });
});
