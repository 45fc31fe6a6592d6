import {
  copyExampleRepo,
  fetchPage,
  InfraDocsBackend,
  startInfraDocsBackend,
  syncDocs,
  SyncOutcome,
  waitForEntity,
} from './__testUtils__/docsBackend';
import { startForgejoFixture } from './__testUtils__/forgejoFixture';

jest.setTimeout(120_000);

/**
 * The repo read through a URL integration: Backstage's own Gitea/Forgejo
 * UrlReader against a fixture serving the Forgejo API paths, for the
 * catalog provider and for the TechDocs build alike.
 */
describe('the infra docs site when the repo is read through the Forgejo integration', () => {
  const repo = copyExampleRepo();
  let forge: Awaited<ReturnType<typeof startForgejoFixture>>;
  let docs: InfraDocsBackend;
  let sync: SyncOutcome;
  let repoUrl: string;

  beforeAll(async () => {
    forge = await startForgejoFixture({
      repoDir: repo.dir,
      owner: 'homelab',
      repo: 'infra',
      branch: 'main',
    });
    repoUrl = `${forge.baseUrl}/homelab/infra/src/branch/main`;
    docs = await startInfraDocsBackend({
      repoUrl,
      integrations: { gitea: [{ host: forge.host, baseUrl: forge.baseUrl }] },
    });
    await waitForEntity(docs.baseUrl, 'component/default/infra-docs');
    sync = await syncDocs(docs.baseUrl);
  });

  afterAll(async () => {
    await docs?.stop();
    await forge?.close();
    repo.cleanup();
  });

  it('points the docs entity at the docs folder of the remote tree', async () => {
    const entity = await waitForEntity(
      docs.baseUrl,
      'component/default/infra-docs',
    );
    expect(entity.metadata.annotations?.['backstage.io/techdocs-ref']).toBe(
      `url:${repoUrl}/docs`,
    );
  });

  it('builds the site from the archive the integration downloads', async () => {
    expect(sync.error).toBeUndefined();
    expect(sync.finish).toEqual({ updated: true });
    expect(forge.requests).toContain(
      '/api/v1/repos/homelab/infra/archive/main.tar.gz',
    );
    const page = await fetchPage(
      docs.baseUrl,
      'post-mortems/2026-03-02-authentik-outpost-shared-memory/',
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      "2026-03-02: Logins failed while the authentik outpost's shared memory was full",
    );
    const home = await fetchPage(docs.baseUrl, '');
    expect(home.html).toMatch(/<h1[^>]*>Homelab infra docs/);
  });
});
