import { expect, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';

const screenshots = '.artifacts/screenshots';

test('a guest signs in, finds the portal in the catalog and opens it', async ({
  page,
}) => {
  await openAsGuest(page, '/');

  const portalLink = page.getByRole('link', {
    name: /^(Infra Portal|infra-portal)$/,
  });
  await expect(portalLink).toBeVisible();
  await page.screenshot({ path: `${screenshots}/catalog.png`, fullPage: true });

  await portalLink.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/infra-portal/);
  await expect(
    page.getByRole('heading', { name: 'Infra Portal' }).first(),
  ).toBeVisible();
  await expect(page.getByText(/catalog built from the infra/)).toBeVisible();
  await page.screenshot({
    path: `${screenshots}/portal-entity.png`,
    fullPage: true,
  });
});

test('the catalog lists infra services with their auth tier and filters by it', async ({
  page,
}) => {
  await openCatalogListing(page, 'linkwarden');

  // A row's accessible name starts with the entity name, then the tier.
  const row = (name: string) =>
    page.getByRole('row', { name: new RegExp(`^${name} `) });
  await expect(row('linkwarden')).toContainText('app');
  await expect(row('prowlarr')).toContainText('required');

  await page.getByRole('checkbox', { name: 'app' }).check();
  await expect(row('linkwarden')).toBeVisible();
  await expect(row('prowlarr')).toHaveCount(0);
  await page.screenshot({
    path: `${screenshots}/catalog-auth-tier-filter.png`,
    fullPage: true,
  });
});

test("a service's page shows its infra facts from the Terraform source", async ({
  page,
}) => {
  // From the catalog list, as a user gets there (and after the first ingest).
  await openCatalogListing(page, 'goauthentik-server');
  await page
    .getByRole('link', { name: 'goauthentik-server', exact: true })
    .click();

  await expect(page.getByText('Infra', { exact: true })).toBeVisible();
  // The card is a definition list: term, then what the source says.
  const fact = (term: string) =>
    page.getByRole('definition').filter({
      has: page.locator(
        `xpath=preceding-sibling::*[1][normalize-space()="${term}"]`,
      ),
    });
  await expect(
    page.getByRole('term').filter({ hasText: 'Replicas' }),
  ).toBeVisible();
  await expect(fact('Replicas')).toHaveText(/^3\s*critical path$/);
  await expect(fact('PDB')).toContainText('minAvailable 2');
  await expect(fact('Resources')).toContainText('memory 2Gi / 2Gi');
  await expect(
    page.getByText('stacks/authentik/modules/authentik/main.tf:3'),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshots}/service-infra-card.png`,
    fullPage: true,
  });
});
