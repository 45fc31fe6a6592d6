/**
 * Prints what search puts first on a real checkout of an infra repo (read
 * by path, never copied into the project), next to the portal's own docs:
 *
 *   yarn workspace @internal/backstage-plugin-techdocs-backend-module-infra-docs \
 *     bench:search <path-to-infra-repo> [terms...]
 *
 * Starts the same real backend as the tests (catalog with the infra
 * provider, TechDocs with this module, search with the portal's search
 * module on Lunr), builds both sites, indexes them and prints the first
 * three docs results of each term, as the search page's Documentation
 * filter asks.
 */
import path from 'node:path';
// The benchmark drives the same real backend as the tests; it ships nowhere.
// eslint-disable-next-line no-restricted-imports
import {
  get,
  REPO_ROOT,
  startInfraDocsBackend,
  syncDocs,
  waitForEntity,
} from '../__testUtils__/docsBackend';

const DEFAULT_TERMS = ['ENOSPC', 'advisory lock', 'restore postgresql'];

interface Result {
  type: string;
  document: { title: string; location: string };
}

async function main() {
  const repoDir = path.resolve(process.argv[2] ?? '');
  const terms = process.argv.length > 3 ? process.argv.slice(3) : DEFAULT_TERMS;
  const docs = await startInfraDocsBackend({
    repoDir,
    catalogFiles: [path.join(REPO_ROOT, 'catalog-info.yaml')],
    withSearch: true,
  });
  try {
    await waitForEntity(
      docs.baseUrl,
      'component/default/infra-docs',
      () => true,
      120_000,
    );
    await waitForEntity(docs.baseUrl, 'component/default/infra-portal');
    const infra = await syncDocs(docs.baseUrl);
    if (!infra.finish)
      throw new Error(`infra docs build failed: ${infra.error}`);
    const portal = await syncDocs(
      docs.baseUrl,
      'default/component/infra-portal',
    );
    if (!portal.finish)
      throw new Error(`portal docs build failed: ${portal.error}`);
    await docs.searchScheduler!.triggerTask('search_index_techdocs');
    // The triggered runs index in the background: wait until both answer.
    for (const type of ['techdocs']) {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const params = new URLSearchParams({
          term: terms[0],
          'types[0]': type,
        });
        // A dropped connection (the backend busy indexing) is asked again.
        const status = await get(`${docs.baseUrl}/api/search/query?${params}`)
          .then(async res => {
            await res.arrayBuffer();
            return res.status;
          })
          .catch(() => 0);
        if (status === 200) break;
        if (Date.now() > deadline)
          throw new Error(`no ${type} index (last answer: HTTP ${status})`);
        await new Promise(r => setTimeout(r, 500));
      }
    }
    console.log(`repo: ${repoDir}`);
    for (const term of terms) {
      const params = new URLSearchParams({ term, 'types[0]': 'techdocs' });
      const res = await get(`${docs.baseUrl}/api/search/query?${params}`);
      const body = (await res.json()) as { results: Result[] };
      console.log(`\n"${term}" (HTTP ${res.status}):`);
      body.results
        .slice(0, 3)
        .forEach((r, i) =>
          console.log(
            `  ${i + 1}. [${r.type}] ${r.document.title} -> ${
              r.document.location
            }`,
          ),
        );
    }
  } finally {
    await docs.stop();
  }
  // The backend's schedulers keep timers; the figures are printed.
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
