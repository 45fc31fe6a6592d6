import { expect, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';

const screenshots = '.artifacts/screenshots';

test("a stack's page lists the infra's own docs about it; following one opens the post-mortem", async ({
  page,
}) => {
  // Wait for the first ingest, then open the stack's System as a link would.
  await openCatalogListing(page, 'linkwarden');
  await openAsGuest(page, '/catalog/default/system/authentik');

  await expect(
    page.getByText('Docs about this', { exact: true }),
  ).toBeVisible();
  const item = page.getByRole('listitem').filter({
    hasText:
      'docs/post-mortems/2026-04-18-authentik-migrations-advisory-lock.md',
  });
  const postMortem = item.getByRole('link', {
    name: '2026-04-18: authentik upgrade stuck behind a PostgreSQL advisory lock',
  });
  await expect(postMortem).toBeVisible();
  // Each page says what it is and where it names the stack.
  await expect(item).toContainText('Post-mortem · 2026-04-18');
  await expect(item).toContainText('names stack authentik');
  await page.screenshot({
    path: `${screenshots}/docs-about-this.png`,
    fullPage: true,
  });

  await postMortem.click();
  await expect(page).toHaveURL(
    /\/docs\/default\/component\/infra-docs\/post-mortems\/2026-04-18-authentik-migrations-advisory-lock\/$/,
  );
  // TechDocs builds the site (our generated MkDocs configuration) on first view.
  await expect(
    page.getByRole('heading', {
      name: /2026-04-18: authentik upgrade stuck behind a PostgreSQL advisory lock/,
      level: 1,
    }),
  ).toBeVisible({ timeout: 90_000 });
  // The navigation came from the folders: a section each, this page under
  // its own, left open. The stock expandable-navigation addon (off in
  // app-config.yaml) would fold it, and show its expand-nav button.
  await expect(page.getByRole('button', { name: 'expand-nav' })).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'Navigation' }).first();
  await expect(nav).toContainText('Architecture');
  await expect(nav).toContainText('Runbooks');
  await expect(
    page.getByRole('navigation', { name: 'Post-mortems' }).getByRole('link', {
      name: "2026-03-02: Logins failed while the authentik outpost's shared memory was full",
    }),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshots}/infra-docs-post-mortem.png`,
    fullPage: true,
  });
});
