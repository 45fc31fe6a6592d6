/**
 * Benchmark: how long the first view of a runbook takes on a fresh backend
 * (TechDocs builds the portal's docs with mkdocs through the sync endpoint),
 * and how fast a runbook page is served once built.
 *
 *   yarn workspace @internal/techdocs-checks bench [--runs 50] [--catalog-file <path>]
 *
 * Targets (issue 6): first view <= 5 s cold, <= 300 ms once built.
 * Prints figures; never fails on a missed target (it is not a test).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  fetchDocsPage,
  startDocsBackend,
  syncPortalDocs,
  waitForPortalEntity,
} from '../lib/docsBackend';
import { generateFromRepoRoot } from '../lib/generate';
import { buildPortalDocs } from '../lib/mkdocs';
import { findSection } from '../lib/sections';

const PAGE = 'runbooks/stuck-rollout';
const ANCHOR = 'idle-in-transaction-holders';
const COLD_TARGET_MS = 5000;
const BUILT_TARGET_MS = 300;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(
    sortedMs.length - 1,
    Math.ceil((p / 100) * sortedMs.length) - 1,
  );
  return sortedMs[Math.max(0, index)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (value: number, target: number) =>
  value <= target ? `within ${target} ms target` : `MISSES ${target} ms target`;

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '50' },
      'catalog-file': { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a positive integer, got '${values.runs}'`);
  }

  const scratch = await mkdtemp(join(tmpdir(), 'portal-docs-bench-'));
  try {
    const [docs, startMs] = await timed(() =>
      startDocsBackend({
        publishDirectory: join(scratch, 'published'),
        catalogFile: values['catalog-file'],
      }),
    );
    try {
      const [, entityMs] = await timed(() => waitForPortalEntity(docs.baseUrl));

      // Cold first view: what the docs page does on a fresh backend.
      const [sync, syncMs] = await timed(() => syncPortalDocs(docs.baseUrl));
      if (!sync.finish?.updated) {
        throw new Error(
          `the cold sync did not build: ${
            sync.error ?? JSON.stringify(sync.finish)
          }`,
        );
      }
      const [first, firstFetchMs] = await timed(() =>
        fetchDocsPage(docs.baseUrl, PAGE),
      );
      if (first.status !== 200 || !findSection(first.html, ANCHOR)) {
        throw new Error(
          `${PAGE} was not served with #${ANCHOR} (HTTP ${first.status})`,
        );
      }
      const coldMs = syncMs + firstFetchMs;

      // Built: the page alone, and a whole visit (the reader calls sync, which
      // answers "not updated" without building, then fetches the page).
      const pageMs: number[] = [];
      const visitMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const [page, t] = await timed(() => fetchDocsPage(docs.baseUrl, PAGE));
        if (page.status !== 200)
          throw new Error(`run ${i}: HTTP ${page.status}`);
        pageMs.push(t);
        const [, v] = await timed(async () => {
          await syncPortalDocs(docs.baseUrl);
          return fetchDocsPage(docs.baseUrl, PAGE);
        });
        visitMs.push(v);
      }
      pageMs.sort((a, b) => a - b);
      visitMs.sort((a, b) => a - b);

      // mkdocs alone, for reference (after the cold sync, so it cannot warm
      // the file cache for it): the part of a cold view spent in Python.
      const [, mkdocsMs] = await timed(() =>
        buildPortalDocs(join(scratch, 'site')),
      );

      // The generator step of a sync from the repo root (what `dir:.` of the
      // real catalog-info.yaml resolves to), which walks node_modules too.
      const rootGenerateMs: string[] = [];
      for (let i = 0; i < 3; i++) {
        try {
          const [outputDir, t] = await timed(generateFromRepoRoot);
          await rm(outputDir, { recursive: true, force: true });
          rootGenerateMs.push(ms(t));
        } catch (error) {
          rootGenerateMs.push(
            `failed (${
              error instanceof Error ? error.message : String(error)
            })`,
          );
        }
      }

      const lines = [
        `TechDocs benchmark: ${PAGE}/index.html of component:default/infra-portal`,
        `catalog file:                    ${
          values['catalog-file'] ?? 'repo root catalog-info.yaml'
        }`,
        `mkdocs build alone:              ${ms(mkdocsMs)}`,
        `generate from repo root, 3 runs: ${rootGenerateMs.join(', ')}`,
        `backend start (catalog+techdocs): ${ms(startMs)}`,
        `entity in catalog after start:   ${ms(entityMs)}`,
        `cold sync (prepare+mkdocs+publish): ${ms(syncMs)}`,
        `cold first page fetch:           ${ms(firstFetchMs)}`,
        `COLD first view (sync + fetch):  ${ms(coldMs)}  ${verdict(
          coldMs,
          COLD_TARGET_MS,
        )}`,
        `built page fetch, ${runs} runs:     median ${ms(
          percentile(pageMs, 50),
        )}, p95 ${ms(percentile(pageMs, 95))}, max ${ms(
          pageMs[pageMs.length - 1],
        )}`,
        `built visit (sync + fetch):      median ${ms(
          percentile(visitMs, 50),
        )}, p95 ${ms(percentile(visitMs, 95))}  ${verdict(
          percentile(visitMs, 50),
          BUILT_TARGET_MS,
        )}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await docs.backend.stop();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main()
  .catch(error => {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  })
  .finally(() => {
    // A timer left by a stopped plugin keeps the event loop alive; the
    // figures are printed and the backend is stopped, so leave now.
    process.exit();
  });
