import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DocsBackend,
  fetchDocsPage,
  startDocsBackend,
  syncPortalDocs,
  SyncOutcome,
  waitForPortalEntity,
} from './lib/docsBackend';
import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { runbookPath } from '@internal/backstage-plugin-infra-common';
import { CHECKS } from '@internal/backstage-plugin-rollout-status-common';
import { findSection } from './lib/sections';
import { REPO_ROOT } from './lib/repoRoot';

/**
 * One real backend (catalog with a file location for the root
 * catalog-info.yaml, TechDocs, search with the catalog and TechDocs
 * collators, the default Lunr engine) shared by the serving and search tests:
 * starting it and building the docs is the slow part.
 */
describe('the portal backend with its own docs', () => {
  let docs: DocsBackend;
  let publishDirectory: string;
  let mkdocsYmlBefore: string;
  let sync: SyncOutcome;

  beforeAll(async () => {
    mkdocsYmlBefore = await readFile(join(REPO_ROOT, 'mkdocs.yml'), 'utf8');
    publishDirectory = await mkdtemp(join(tmpdir(), 'portal-techdocs-'));
    docs = await startDocsBackend({ publishDirectory, withSearch: true });
    await waitForPortalEntity(docs.baseUrl);
    sync = await syncPortalDocs(docs.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await docs?.backend.stop();
    if (publishDirectory)
      await rm(publishDirectory, { recursive: true, force: true });
  });

  describe('serving', () => {
    it("resolves the portal entity's techdocs-ref dir:. to the repo root", async () => {
      // TechDocs resolves `dir:` against the entity's source location; a
      // `backstage.io/source-location` it cannot read (e.g. `dir:.`) makes
      // every build fail with "Unable to resolve location type".
      const res = await fetch(
        `${docs.baseUrl}/api/catalog/entities/by-name/component/default/infra-portal`,
      );
      const entity = (await res.json()) as Entity;
      const { type, target } = getEntitySourceLocation(entity);
      expect({ type, target }).toEqual({
        type: 'file',
        target: join(REPO_ROOT, 'catalog-info.yaml'),
      });
    });

    it('builds the docs through the sync endpoint', () => {
      expect(sync.error).toBeUndefined();
      expect(sync.finish).toEqual({ updated: true });
    });

    it('serves the page and heading behind the lock-holders check link', async () => {
      // The link the rollout-status card renders, e.g.
      // /docs/default/component/infra-portal/runbooks/stuck-rollout/#idle-in-transaction-holders
      const link = runbookPath(CHECKS['lock-holders'].runbook);
      const [path, anchor] = link.split('#');
      const res = await fetch(
        `${docs.baseUrl}/api/techdocs/static${path}index.html`,
      );
      expect(res.status).toBe(200);
      expect(findSection(await res.text(), anchor)).toEqual({
        tag: 'h2',
        text: 'Finding idle in transaction lock holders',
      });
    });

    it('serves a runbook page through the static route', async () => {
      const page = await fetchDocsPage(docs.baseUrl, 'runbooks/stuck-rollout');
      expect(page.status).toBe(200);
      expect(findSection(page.html, 'liveness-budget')?.tag).toBe('h2');
    });

    it('gives the docs page its title from the same site_name as mkdocs.yml', async () => {
      // techdocs-core would write site_name into techdocs_metadata.json; without
      // it, docs/techdocs_metadata.json carries it, or the header has no title.
      const res = await fetch(
        `${docs.baseUrl}/api/techdocs/metadata/techdocs/default/component/infra-portal`,
      );
      expect(res.status).toBe(200);
      const metadata = (await res.json()) as { site_name?: string };
      const siteName = /^site_name: (.+)$/m.exec(mkdocsYmlBefore)?.[1];
      expect(metadata.site_name).toBe(siteName);
    });

    it('answers 404 for a runbook page that does not exist', async () => {
      const page = await fetchDocsPage(
        docs.baseUrl,
        'runbooks/no-such-runbook',
      );
      expect(page.status).toBe(404);
    });

    it('leaves the committed mkdocs.yml as it was (the generator rewrites it in place)', async () => {
      expect(await readFile(join(REPO_ROOT, 'mkdocs.yml'), 'utf8')).toBe(
        mkdocsYmlBefore,
      );
    });
  });

  describe('search (pg engine module installed, SQLite database: Lunr answers)', () => {
    interface SearchResult {
      type: string;
      document: { title: string; location: string };
    }

    async function search(
      term: string,
      types?: string,
    ): Promise<SearchResult[]> {
      const params = new URLSearchParams({ term });
      if (types) params.set('types[0]', types);
      const res = await fetch(`${docs.baseUrl}/api/search/query?${params}`, {
        signal: AbortSignal.timeout(30_000),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { results: SearchResult[] };
      return body.results;
    }

    beforeAll(async () => {
      // Collate now instead of waiting for the schedule; the docs are built.
      await docs.scheduler.triggerTask('search_index_software_catalog');
      await docs.scheduler.triggerTask('search_index_techdocs');
    }, 60_000);

    it('finds the forward-auth runbook first for "ENOSPC"', async () => {
      const [first] = await search('ENOSPC');
      expect(first?.type).toBe('techdocs');
      expect(first?.document.location).toMatch(
        /^\/docs\/default\/component\/infra-portal\/runbooks\/forward-auth-400\//,
      );
    });

    it('finds the stuck-rollout runbook first for "advisory lock"', async () => {
      const [first] = await search('advisory lock');
      expect(first?.type).toBe('techdocs');
      expect(first?.document.location).toMatch(
        /^\/docs\/default\/component\/infra-portal\/runbooks\/stuck-rollout\//,
      );
    });

    it('finds the portal itself among catalog entities', async () => {
      const results = await search('Infra Portal', 'software-catalog');
      expect(results.map(r => r.document.location)).toContain(
        '/catalog/default/component/infra-portal',
      );
    });
  });
});
