import { mockServices } from '@backstage/backend-test-utils';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { RankedSearchEngine } from './RankedSearchEngine';

function ranked() {
  const lunr = new LunrSearchEngine({ logger: mockServices.logger.mock() });
  return {
    lunr,
    engine: new RankedSearchEngine({
      engine: lunr,
      preferred: async () => r =>
        (r.document as { name?: string }).name === 'infra-docs',
    }),
  };
}

async function index(
  engine: RankedSearchEngine,
  type: string,
  documents: IndexableDocument[],
) {
  await TestPipeline.fromIndexer(await engine.getIndexer(type))
    .withDocuments(documents)
    .execute();
}

const page = (n: number, name = 'infra-portal') =>
  ({
    location: `/docs/default/component/${name}/p${n}/`,
    title: `Page ${n}`,
    text: `disk ${'filler '.repeat(n)}`,
    kind: 'component',
    namespace: 'default',
    name,
  } as IndexableDocument);

describe('RankedSearchEngine on Lunr', () => {
  it("orders Lunr's results: the preferred site's page that names the term first", async () => {
    const { engine } = ranked();
    await index(engine, 'techdocs', [
      {
        ...page(1),
        title: 'Check the disk for ENOSPC',
        text: 'ENOSPC means the disk is full.',
      },
      {
        ...page(2, 'infra-docs'),
        title: 'Uploads failed',
        text: 'The volume was full and uploads failed with ENOSPC.',
      },
    ]);
    const { results } = await engine.query({
      term: 'ENOSPC',
      types: ['techdocs'],
    });
    expect(results.map(r => r.document.location)).toEqual([
      '/docs/default/component/infra-docs/p2/',
      '/docs/default/component/infra-portal/p1/',
    ]);
    expect(results.map(r => r.rank)).toEqual([1, 2]);
  });

  it('pages through one order: every result once, in pages of the size asked', async () => {
    const { engine } = ranked();
    await index(
      engine,
      'techdocs',
      Array.from({ length: 30 }, (_, i) => page(i + 1)),
    );
    const first = await engine.query({ term: 'disk', pageLimit: 25 });
    expect(first.results).toHaveLength(25);
    expect(first.nextPageCursor).toBeDefined();
    const second = await engine.query({
      term: 'disk',
      pageLimit: 25,
      pageCursor: first.nextPageCursor,
    });
    expect(second.results).toHaveLength(5);
    expect(second.nextPageCursor).toBeUndefined();
    expect(second.previousPageCursor).toBeDefined();
    const all = [...first.results, ...second.results].map(
      r => r.document.location,
    );
    expect(new Set(all).size).toBe(30);
    expect(second.results[0].rank).toBe(26);
  });

  it('says "not indexed yet", with HTTP 503, when the index asked for does not exist yet', async () => {
    const { engine } = ranked();
    await index(engine, 'software-catalog', [
      { location: '/catalog/x', title: 'x', text: '' },
    ]);
    await expect(
      engine.query({ term: 'disk', types: ['techdocs'] }),
    ).rejects.toMatchObject({
      name: 'MissingIndexError',
      statusCode: 503,
      message: expect.stringMatching(
        /^Not indexed yet: search has no index of techdocs yet/,
      ),
    });
  });
});
