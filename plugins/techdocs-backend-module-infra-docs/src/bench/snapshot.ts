/**
 * Measures the infra docs on a real checkout of an infra repo (read by
 * path, never copied into the project):
 *
 *   yarn workspace @internal/backstage-plugin-techdocs-backend-module-infra-docs \
 *     bench <path-to-infra-repo> [--runs 50] [--sample 10]
 *
 * Prints the cold build of the docs site through the real TechDocs backend
 * (sync endpoint: prepare, mkdocs, publish), the time to serve a built page
 * (median and p95), how many stacks and services get at least one linked
 * page, and a sample of links to check by hand.
 */
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  INFRA_DOCS_ANNOTATIONS,
  parseDocsAbout,
} from '@internal/backstage-plugin-infra-common';
// The benchmark drives the same real backend as the tests (catalog with the
// infra provider, TechDocs, this module); it ships nowhere.
// eslint-disable-next-line no-restricted-imports
import {
  fetchPage,
  get,
  REPO_ROOT,
  startInfraDocsBackend,
  syncDocs,
  waitForEntity,
} from '../__testUtils__/docsBackend';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** A small deterministic generator, so the sample is the same on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function main() {
  const repoDir = path.resolve(process.argv[2] ?? '');
  const runs = Number(arg('runs', '50'));
  const sampleSize = Number(arg('sample', '10'));
  const started = Date.now();
  // The portal's own docs too, as in the portal: search ranks both sites.
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
    const ingestMs = Date.now() - started;

    const t0 = performance.now();
    const sync = await syncDocs(docs.baseUrl);
    const coldMs = performance.now() - t0;
    if (!sync.finish?.updated) throw new Error(`build failed: ${sync.error}`);

    const systems = (await (
      await get(`${docs.baseUrl}/api/catalog/entities?filter=kind=system`)
    ).json()) as Entity[];
    const services = (await (
      await get(
        `${docs.baseUrl}/api/catalog/entities?filter=kind=component,spec.type=service`,
      )
    ).json()) as Entity[];
    const about = (e: Entity) =>
      parseDocsAbout(e.metadata.annotations?.[INFRA_DOCS_ANNOTATIONS.about]);
    const linked = (list: Entity[]) => list.filter(e => about(e)?.pages.length);
    const linkedAbout = (list: Entity[]) =>
      list.filter(e => about(e)?.pages.some(p => !p.inPassing));
    const pagesPerSystem = linked(systems)
      .map(e => about(e)!.total)
      .sort((a, b) => a - b);

    // Serve: the home page and a page from the sample, built.
    const firstLinked = linked(systems)[0];
    const pagePath = firstLinked ? about(firstLinked)!.pages[0].sitePath : '';
    const serve: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const page = await fetchPage(docs.baseUrl, pagePath);
      if (page.status !== 200)
        throw new Error(`page ${pagePath} answered ${page.status}`);
      serve.push(performance.now() - t);
    }
    serve.sort((a, b) => a - b);

    console.log(`repo: ${repoDir}`);
    console.log(`catalog ingest until the docs entity exists: ${ingestMs} ms`);
    console.log(
      `cold docs site build (sync: prepare + mkdocs + publish): ${coldMs.toFixed(
        0,
      )} ms`,
    );
    console.log(
      `serve a built page (${
        pagePath || 'home'
      }), ${runs} runs: median ${percentile(serve, 50).toFixed(
        1,
      )} ms, p95 ${percentile(serve, 95).toFixed(1)} ms`,
    );
    console.log(
      `stacks with at least one linked page: ${linked(systems).length} of ${
        systems.length
      }` +
        ` (pages per linked stack: median ${
          percentile(pagesPerSystem, 50) ?? 0
        }, max ${pagesPerSystem.at(-1) ?? 0})`,
    );
    console.log(
      `services with at least one linked page: ${linked(services).length} of ${
        services.length
      }`,
    );
    console.log(
      `... with at least one page about them (not only in passing): stacks ${
        linkedAbout(systems).length
      }, services ${linkedAbout(services).length}`,
    );

    // Search over both sites, as the search page asks (TechDocs results).
    const portal = await get(
      `${docs.baseUrl}/api/techdocs/sync/default/component/infra-portal`,
    );
    await portal.text();
    await docs.searchScheduler!.triggerTask('search_index_techdocs');
    console.log('\nsearch (techdocs results, first three):');
    for (const term of ['ENOSPC', 'advisory lock', 'restore postgresql']) {
      const params = new URLSearchParams({ term, 'types[0]': 'techdocs' });
      const body = (await (
        await get(`${docs.baseUrl}/api/search/query?${params}`)
      ).json()) as {
        results: Array<{ document: { location: string } }>;
      };
      console.log(
        `- "${term}": ${body.results
          .slice(0, 3)
          .map(r => r.document.location)
          .join('  |  ')}`,
      );
    }

    // What a user sees first: the first listed page of random linked stacks.
    const linkedSystems = linked(systems);
    const firstSeen = seeded(7);
    const stacks = new Set<number>();
    while (stacks.size < Math.min(sampleSize, linkedSystems.length))
      stacks.add(Math.floor(firstSeen() * linkedSystems.length));
    console.log(
      `\nfirst listed page of ${stacks.size} random linked stacks, to check by hand:`,
    );
    for (const i of stacks) {
      const e = linkedSystems[i];
      const p = about(e)!.pages[0];
      const m = p.matches[0];
      console.log(
        `- ${e.metadata.name} -> ${p.file} ("${p.title}")${
          p.inPassing ? ' [in passing]' : ''
        }: ${m.termKind} ${m.term} in ${m.field} line ${m.line}: ${m.excerpt}`,
      );
    }

    // The sample: one random (entity, page) link from all links.
    const links = [...systems, ...services].flatMap(e =>
      (about(e)?.pages ?? []).map(p => ({
        entity: e.metadata.name,
        kind: e.kind,
        page: p,
      })),
    );
    const random = seeded(13);
    const sample = new Set<number>();
    while (sample.size < Math.min(sampleSize, links.length))
      sample.add(Math.floor(random() * links.length));
    console.log(
      `\nsample of ${sample.size} of ${links.length} links, to check by hand:`,
    );
    for (const i of sample) {
      const { entity, kind, page } = links[i];
      const m = page.matches[0];
      console.log(
        `- ${kind} ${entity} -> ${page.file} ("${page.title}")${
          page.inPassing ? ' [in passing]' : ''
        }: ${m.termKind} ${m.term} in ${m.field} line ${m.line}: ${m.excerpt}`,
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
