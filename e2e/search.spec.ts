import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';

const screenshots = '.artifacts/screenshots';

/**
 * Opens the search page for `term` and waits until it lists at least
 * `min` results. The indexes are built on a schedule after the backend
 * starts (e2e/app-config.e2e.yaml: every 20 s for TechDocs, 30 s for the
 * catalog), and a TechDocs site only once it has been built, so a test that
 * starts early reloads, as a person would.
 */
async function searchFor(page: Page, term: string, resultName: RegExp) {
  const result = page.getByRole('link', { name: resultName }).first();
  const deadline = Date.now() + 150_000;
  for (;;) {
    await openAsGuest(page, `/search?query=${encodeURIComponent(term)}`);
    try {
      await expect(result).toBeVisible({ timeout: 15_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Builds a TechDocs site (its first visit does) so the collator can index it. */
async function visitDocs(page: Page, path: string, heading: RegExp) {
  await openAsGuest(page, path);
  await expect(
    page.getByRole('heading', { name: heading, level: 1 }),
  ).toBeVisible({ timeout: 90_000 });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await browser.newPage();
  // The docs entities exist once the infra provider has ingested.
  await openCatalogListing(page, 'linkwarden');
  await visitDocs(page, '/docs/default/component/infra-docs/', /infra docs/i);
  await visitDocs(
    page,
    '/docs/default/component/infra-portal/',
    /Infra Portal/,
  );
  await page.close();
});

for (const width of [1280, 1440]) {
  test(`at ${width} px, more than 25 results stay beside the filters`, async ({
    page,
  }) => {
    // The search below may wait for the collator for up to 180 s; the
    // default 120 s test budget ended it first in CI (load 5+).
    test.setTimeout(270_000);
    await page.setViewportSize({ width, height: 900 });
    // Docs results about PostgreSQL carry long words (paths, commands):
    // the list used to wrap below the filter column.
    // More than one page of results: both sites indexed, which the
    // collator's schedule may not have reached yet (then search again).
    await expect(async () => {
      await searchFor(page, 'postgresql', /PostgreSQL/);
      await page.getByRole('button', { name: /Documentation/ }).click();
      await expect(page.getByText(/^1-25/)).toBeVisible({ timeout: 10_000 });
      await expect(
        page.getByRole('button', { name: 'next page', exact: true }),
      ).toBeEnabled({ timeout: 10_000 });
    }).toPass({ timeout: 180_000 });
    const filters = await page.getByText('Result Type').first().boundingBox();
    const pager = await page
      .getByText('Results per page:')
      .first()
      .boundingBox();
    expect(filters && pager).toBeTruthy();
    // Side by side: the list starts right of the filter column, at its top.
    expect(pager!.x).toBeGreaterThan(filters!.x + 240);
    expect(pager!.y).toBeLessThan(filters!.y + 100);
    await page.screenshot({ path: `${screenshots}/search-${width}.png` });
  });
}

test('a page is one result, not the page and again its top heading', async ({
  page,
}) => {
  await searchFor(page, 'restore postgresql', /Restore PostgreSQL/);
  await expect(
    page.getByRole('link', { name: /Restore PostgreSQL from a backup/ }),
  ).toHaveCount(1);
});

test("the infra's own page comes first for an error it names", async ({
  page,
}) => {
  await searchFor(page, 'ENOSPC', /shared memory/);
  const results = page.getByRole('link', { name: /ENOSPC|shared memory/i });
  await expect(results.first()).toHaveText(/shared memory was full/);
});

test('catalog Location entities are not search results', async ({ page }) => {
  // The portal's own catalog file registers a Location beside its
  // Component; searching for the Location by its name used to list it first.
  await searchFor(page, 'infra-portal-catalog-files', /^Infra Portal/);
  await expect(
    page.getByRole('link', { name: /infra-portal-catalog-files/ }),
  ).toHaveCount(0);
  await expect(page.getByText('Kind: Location')).toHaveCount(0);
});

test('an unchanged site visited again minutes later does not say a newer version exists', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const docs = '/docs/default/component/infra-portal/';
  await visitDocs(page, docs, /Infra Portal/);
  // TechDocs checks a built site for changes once a minute at most.
  await page.waitForTimeout(65_000);
  const sync = page.waitForResponse(r =>
    r.url().includes('/api/techdocs/sync/default/component/infra-portal'),
  );
  await page.reload();
  await (await sync).finished();
  await expect(
    page.getByRole('heading', { name: /Infra Portal/, level: 1 }),
  ).toBeVisible();
  await expect(page.getByText(/newer version/i)).toHaveCount(0);
});

/**
 * A second portal, started from the same build with its TechDocs collator
 * not due for an hour: the state of every portal between its start and its
 * first TechDocs index.
 */
async function startUnindexedPortal(port: number) {
  const root = resolve(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'portal-unindexed-'));
  const overlay = join(dir, 'app-config.unindexed.yaml');
  writeFileSync(
    overlay,
    'search:\n  collators:\n    techdocs:\n      schedule:\n        frequency: { hours: 1 }\n        timeout: { minutes: 3 }\n        initialDelay: { hours: 1 }\n',
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
        paths: [join(root, 'packages/backend')],
      }),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../e2e/app-config.e2e.yaml',
      '--config',
      overlay,
    ],
    {
      cwd: join(root, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        E2E_PORT: String(port),
        E2E_OIDC_PORT: String(port + 1),
      },
      stdio: 'ignore',
    },
  );
  const ready = `http://localhost:${port}/.backstage/health/v1/readiness`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(ready, { signal: AbortSignal.timeout(5_000) })
      .then(r => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the second portal did not get ready on ${port}`);
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    baseUrl: `http://localhost:${port}`,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('before the first docs index, the docs search box says "not indexed yet"', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const port = Number(process.env.E2E_PORT ?? 7017) + 2;
  const portal = await startUnindexedPortal(port);
  try {
    await visitDocs(
      page,
      `${portal.baseUrl}/docs/default/component/infra-portal/`,
      /Infra Portal/,
    );
    await page.getByRole('searchbox', { name: 'Search docs' }).fill('restore');
    await expect(page.getByText(/Not indexed yet/).first()).toBeVisible();
    await page.screenshot({
      path: `${screenshots}/docs-search-not-indexed.png`,
    });
  } finally {
    portal.stop();
  }
});
