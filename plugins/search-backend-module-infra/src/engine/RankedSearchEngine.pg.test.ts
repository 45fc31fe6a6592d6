import { ConfigReader } from '@backstage/config';
import { PgSearchEngine } from '@backstage/plugin-search-backend-module-pg';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { startPostgres, TestPostgres } from '@internal/test-services';
import knexFactory, { Knex } from 'knex';
import { RankedSearchEngine } from './RankedSearchEngine';

jest.setTimeout(120_000);

const doc = (name: string, path: string, title: string, text: string) =>
  ({
    location: `/docs/default/component/${name}/${path}`,
    title,
    text,
    kind: 'component',
    namespace: 'default',
    name,
  } as IndexableDocument);

/**
 * The same ranking on PostgreSQL's engine as on Lunr: PostgreSQL's
 * `ts_rank` alone puts the portal's runbook (the term twice, once in its
 * heading) first; the ranking layer puts the infra's own page first.
 */
describe('RankedSearchEngine on PostgreSQL', () => {
  let postgres: TestPostgres;
  let knex: Knex;
  let pg: PgSearchEngine;

  beforeAll(async () => {
    postgres = await startPostgres();
    knex = knexFactory({
      client: 'pg',
      connection: {
        host: postgres.host,
        port: postgres.port,
        user: postgres.user,
        password: postgres.password,
        database: 'postgres',
      },
    });
    pg = await PgSearchEngine.fromConfig(new ConfigReader({}), {
      database: { getClient: async () => knex },
    });
    await TestPipeline.fromIndexer(await pg.getIndexer('techdocs'))
      .withDocuments([
        doc(
          'infra-portal',
          'runbooks/forward-auth/#check-dev-shm',
          'Check /dev/shm for ENOSPC',
          'ENOSPC in the outpost log means its shared memory is full.',
        ),
        doc(
          'infra-docs',
          'post-mortems/outpost-shm/',
          "Logins failed while the outpost's shared memory was full",
          'Every write failed with ENOSPC for forty minutes.',
        ),
        doc('infra-portal', 'runbooks/other/', 'Other', 'Nothing relevant.'),
      ])
      .execute();
  });

  afterAll(async () => {
    await knex?.destroy();
    await postgres?.stop();
  });

  it('finds what PostgreSQL matches and orders it like Lunr', async () => {
    const plain = await pg.query({ term: 'ENOSPC', types: ['techdocs'] });
    expect(plain.results[0].document.location).toContain('/infra-portal/');

    const engine = new RankedSearchEngine({
      engine: pg,
      preferred: async () => r =>
        (r.document as { name?: string }).name === 'infra-docs',
    });
    const { results } = await engine.query({
      term: 'ENOSPC',
      types: ['techdocs'],
    });
    expect(results.map(r => r.document.location)).toEqual([
      '/docs/default/component/infra-docs/post-mortems/outpost-shm/',
      '/docs/default/component/infra-portal/runbooks/forward-auth/#check-dev-shm',
    ]);
  });
});
