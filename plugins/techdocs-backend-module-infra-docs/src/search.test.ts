import path from 'node:path';
import {
  copyExampleRepo,
  get,
  InfraDocsBackend,
  REPO_ROOT,
  startInfraDocsBackend,
  syncDocs,
  waitForEntity,
} from './__testUtils__/docsBackend';

jest.setTimeout(180_000);

interface SearchResult {
  type: string;
  document: { title: string; location: string };
}

/**
 * Search over both TechDocs sites the portal serves, its own (whose
 * runbooks cover some of the same incidents) and the infra repo's: where the
 * infra has its own page, that page comes first.
 */
describe('search over the infra docs (Lunr, as on SQLite)', () => {
  const repo = copyExampleRepo();
  let docs: InfraDocsBackend;

  async function search(term: string): Promise<SearchResult[]> {
    const params = new URLSearchParams({ term, 'types[0]': 'techdocs' });
    const res = await get(`${docs.baseUrl}/api/search/query?${params}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: SearchResult[] }).results;
  }

  beforeAll(async () => {
    docs = await startInfraDocsBackend({
      repoDir: repo.dir,
      catalogFiles: [path.join(REPO_ROOT, 'catalog-info.yaml')],
      withSearch: true,
    });
    await waitForEntity(docs.baseUrl, 'component/default/infra-docs');
    await waitForEntity(docs.baseUrl, 'component/default/infra-portal');
    const infra = await syncDocs(docs.baseUrl);
    if (!infra.finish?.updated)
      throw new Error(`infra docs build failed: ${infra.error}`);
    const portal = await get(
      `${docs.baseUrl}/api/techdocs/sync/default/component/infra-portal`,
    );
    const portalLog = await portal.text();
    if (!portalLog.includes('event: finish'))
      throw new Error(`portal docs build failed: ${portalLog.slice(-500)}`);
    await docs.searchScheduler!.triggerTask('search_index_techdocs');
  });

  afterAll(async () => {
    await docs?.stop();
    repo.cleanup();
  });

  it.each([
    [
      'ENOSPC',
      /^\/docs\/default\/component\/infra-docs\/post-mortems\/2026-03-02-authentik-outpost-shared-memory\//,
    ],
    [
      'advisory lock',
      /^\/docs\/default\/component\/infra-docs\/post-mortems\/2026-04-18-authentik-migrations-advisory-lock\//,
    ],
    [
      'restore postgresql',
      /^\/docs\/default\/component\/infra-docs\/runbooks\/restore-postgresql\//,
    ],
    // The same shapes with other words of the same pages: an error text, a
    // two-word thing, a verb and its object.
    [
      'no space left on device',
      /^\/docs\/default\/component\/infra-docs\/post-mortems\/2026-03-02-authentik-outpost-shared-memory\//,
    ],
    [
      'rotate pgbouncer password',
      /^\/docs\/default\/component\/infra-docs\/runbooks\/rotate-pgbouncer-password\//,
    ],
  ])('puts the infra page first for "%s"', async (term, location) => {
    const results = await search(term);
    expect(results[0]?.document.location).toMatch(location);
  });

  it('still lists the portal runbook that covers the same incident, after the infra page', async () => {
    const locations = (await search('ENOSPC')).map(r => r.document.location);
    expect(locations).toContain(
      '/docs/default/component/infra-portal/runbooks/forward-auth-400/#check-dev-shm',
    );
  });

  it('lists a page once: its top heading is not a second result', async () => {
    const locations = (await search('restore postgresql')).map(
      r => r.document.location,
    );
    const page =
      '/docs/default/component/infra-docs/runbooks/restore-postgresql/';
    expect(locations).toContain(page);
    expect(
      locations.filter(l => l.startsWith(`${page}#restore-postgresql`)),
    ).toEqual([]);
  });

  it('still finds the portal runbook for a term only it has', async () => {
    const [first] = await search('liveness budget');
    expect(first?.document.location).toMatch(
      /^\/docs\/default\/component\/infra-portal\//,
    );
  });
});
