import {
  copyExampleRepo,
  fetchPage,
  get,
  DOCS_ENTITY_PATH,
  InfraDocsBackend,
  startInfraDocsBackend,
  syncDocs,
  SyncOutcome,
  waitForEntity,
} from './__testUtils__/docsBackend';
import fs from 'node:fs';
import path from 'node:path';

jest.setTimeout(120_000);

/** The text of every `<h1>` of a built page. */
function h1s(html: string): string[] {
  return [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map(m =>
    m[1]
      .replace(/<[^>]+>/g, '')
      .replace(/¶|&para;/g, '')
      .trim(),
  );
}

/**
 * The example infra repo's docs folder (no mkdocs.yml) built by the real
 * TechDocs backend with Debian's mkdocs, through our preparer.
 */
describe('the infra docs site, built by TechDocs from the repo as it is', () => {
  const repo = copyExampleRepo();
  let docs: InfraDocsBackend;
  let sync: SyncOutcome;
  const filesBefore = () =>
    fs.readdirSync(repo.dir, { recursive: true }).map(String).sort();
  let before: string[];

  beforeAll(async () => {
    before = filesBefore();
    docs = await startInfraDocsBackend({ repoDir: repo.dir });
    await waitForEntity(docs.baseUrl, 'component/default/infra-docs');
    sync = await syncDocs(docs.baseUrl);
  });

  afterAll(async () => {
    await docs?.stop();
    repo.cleanup();
  });

  it('builds through the sync endpoint with a generated MkDocs configuration', () => {
    expect(sync.error).toBeUndefined();
    expect(sync.finish).toEqual({ updated: true });
  });

  it('writes nothing into the infra repo', () => {
    expect(filesBefore()).toEqual(before);
    expect(fs.existsSync(path.join(repo.dir, 'mkdocs.yml'))).toBe(false);
  });

  it('serves the README as the home page and each page under its first heading', async () => {
    const home = await fetchPage(docs.baseUrl, '');
    expect(home.status).toBe(200);
    expect(h1s(home.html)).toEqual(['Homelab infra docs']);
    const runbook = await fetchPage(
      docs.baseUrl,
      'runbooks/restore-postgresql/',
    );
    expect(h1s(runbook.html)).toEqual(['Restore PostgreSQL from a backup']);
    // The page's <title> comes from the nav entry we generated from that heading.
    expect(runbook.html).toMatch(
      /<title>Restore PostgreSQL from a backup - Infra docs<\/title>/,
    );
  });

  it('builds the navigation from the folders and the README tables, post-mortems newest first', async () => {
    const home = await fetchPage(docs.baseUrl, '');
    const navTitles = [
      ...home.html.matchAll(
        /<a href="[^"]*" class="md-nav__link[^"]*">\s*([^<]+?)\s*<\/a>/g,
      ),
    ].map(m => m[1]);
    // Architecture is linked first from the root README's first table; its
    // pages in the table's order; then the runbooks; post-mortems by date.
    const order = [
      'Databases',
      'Single sign-on',
      'Restore PostgreSQL from a backup',
      'Rotate the PgBouncer password',
      '2026-04-18: authentik upgrade stuck behind a PostgreSQL advisory lock',
      "2026-03-02: Logins failed while the authentik outpost's shared memory was full",
    ];
    const positions = order.map(t =>
      navTitles.findIndex(n => n.replace(/&#39;/g, "'") === t),
    );
    expect(positions.every(p => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('keeps relative links and images working', async () => {
    const page = await fetchPage(docs.baseUrl, 'architecture/databases/');
    expect(page.html).toContain('href="../../runbooks/restore-postgresql/"');
    const img = /<img[^>]+src="([^"]+)"/.exec(page.html)?.[1];
    expect(img).toBe('../../images/database-layout.svg');
    const image = await get(
      `${docs.baseUrl}/api/techdocs/static/docs/${DOCS_ENTITY_PATH}/images/database-layout.svg`,
    );
    expect(image.status).toBe(200);
    expect(await image.text()).toContain('<svg');
  });

  it('gives the site the docs entity title', async () => {
    const res = await get(
      `${docs.baseUrl}/api/techdocs/metadata/techdocs/${DOCS_ENTITY_PATH}`,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { site_name: string }).site_name).toBe(
      'Infra docs',
    );
  });
});
