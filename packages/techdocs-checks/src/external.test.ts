import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DocsBackend,
  fetchDocsPage,
  startDocsBackend,
  syncPortalDocs,
  waitForPortalEntity,
} from './lib/docsBackend';
import { buildPortalDocs } from './lib/mkdocs';
import { findSection } from './lib/sections';

/**
 * The production route (docs/operations/techdocs.md): CI builds the site and
 * publishes it; the portal runs with `techdocs.builder: external` and only
 * reads. The local publisher's folder stands in for the object store, laid
 * out as the publishers lay it out: `<namespace>/<kind>/<name>/`.
 */
describe('docs published by CI, portal with builder: external', () => {
  let publishDirectory: string;
  let siteDir: string;
  let docs: DocsBackend;

  beforeAll(async () => {
    publishDirectory = await mkdtemp(join(tmpdir(), 'portal-published-'));
    siteDir = join(publishDirectory, 'default', 'component', 'infra-portal');
    // The CI step: the same mkdocs build, written where the portal reads.
    await buildPortalDocs(siteDir);
    docs = await startDocsBackend({ publishDirectory, builder: 'external' });
    await waitForPortalEntity(docs.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await docs?.backend.stop();
    if (publishDirectory)
      await rm(publishDirectory, { recursive: true, force: true });
  });

  it('does not build on a visit', async () => {
    const before = await stat(join(siteDir, 'index.html'));
    const sync = await syncPortalDocs(docs.baseUrl);
    expect(sync).toEqual({ finish: { updated: false }, log: [] });
    const after = await stat(join(siteDir, 'index.html'));
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('serves the published runbook page with its sections', async () => {
    const page = await fetchDocsPage(docs.baseUrl, 'runbooks/forward-auth-400');
    expect(page.status).toBe(200);
    expect(findSection(page.html, 'cookieless-request')).toEqual({
      tag: 'h2',
      text: 'The cookie-less request',
    });
  });
});
