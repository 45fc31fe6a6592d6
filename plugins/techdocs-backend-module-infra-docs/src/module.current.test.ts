import {
  copyExampleRepo,
  fetchPage,
  InfraDocsBackend,
  startInfraDocsBackend,
  syncDocs,
  SyncOutcome,
  waitForEntity,
} from './__testUtils__/docsBackend';

jest.setTimeout(120_000);

/** TechDocs checks a built site for changes at most once a minute; a test moves the clock instead of waiting. */
function laterBy(ms: number) {
  const now = Date.now.bind(Date);
  const offset = (jest.isMockFunction(Date.now) ? Date.now() - now() : 0) + ms;
  jest.restoreAllMocks();
  jest.spyOn(Date, 'now').mockImplementation(() => now() + offset);
}

describe('the infra docs site stays current and survives a bad page', () => {
  const repo = copyExampleRepo();
  let docs: InfraDocsBackend;
  let first: SyncOutcome;

  beforeAll(async () => {
    // Bytes that are not UTF-8 make MkDocs abort the whole build.
    repo.write(
      'docs/runbooks/rotate-certificates.md',
      Buffer.from([
        0x23, 0x20, 0x52, 0x6f, 0x74, 0x61, 0x74, 0x65, 0x20, 0xff, 0xfe, 0x0a,
      ]),
    );
    docs = await startInfraDocsBackend({ repoDir: repo.dir });
    await waitForEntity(docs.baseUrl, 'component/default/infra-docs');
    first = await syncDocs(docs.baseUrl);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await docs?.stop();
    repo.cleanup();
  });

  it('builds the rest of the site when one page cannot be rendered', async () => {
    expect(first.error).toBeUndefined();
    expect(first.finish).toEqual({ updated: true });
    const other = await fetchPage(docs.baseUrl, 'runbooks/restore-postgresql/');
    expect(other.status).toBe(200);
    expect(other.html).toMatch(/<h1[^>]*>Restore PostgreSQL from a backup/);
  });

  it('says on the page that it could not be rendered, with the file name and why', async () => {
    const bad = await fetchPage(docs.baseUrl, 'runbooks/rotate-certificates/');
    expect(bad.status).toBe(200);
    expect(bad.html).toContain('This page could not be rendered');
    expect(bad.html).toContain(
      '<code>docs/runbooks/rotate-certificates.md</code> could not be rendered: it is not UTF-8 text',
    );
  });

  it('shows a docs change after the next check, and rebuilds nothing when nothing changed', async () => {
    repo.write(
      'docs/runbooks/restore-postgresql.md',
      "# Restore PostgreSQL from last night's dump\n\nShorter now.\n",
    );
    laterBy(2 * 60_000);
    const changed = await syncDocs(docs.baseUrl);
    expect(changed.finish).toEqual({ updated: true });
    const page = await fetchPage(docs.baseUrl, 'runbooks/restore-postgresql/');
    expect(page.html).toMatch(
      /<h1[^>]*>Restore PostgreSQL from last night(&#39;|')s dump/,
    );

    laterBy(2 * 60_000);
    const unchanged = await syncDocs(docs.baseUrl);
    expect(unchanged.error).toBeUndefined();
    expect(unchanged.finish).toEqual({ updated: false });
  });
});
