import { expect, test } from '@playwright/test';

const screenshots = '.artifacts/screenshots';

test('a guest signs in, finds the portal in the catalog and opens it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // The catalog is the landing page; list every owner's components.
  const all = page.getByRole('menuitem', { name: /^All/ }).or(page.getByText(/^All\s*\d*$/));
  if (await all.first().isVisible()) {
    await all.first().click();
  }
  const portalLink = page.getByRole('link', { name: /^(Infra Portal|infra-portal)$/ });
  await expect(portalLink).toBeVisible();
  await page.screenshot({ path: `${screenshots}/catalog.png`, fullPage: true });

  await portalLink.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/infra-portal/);
  await expect(page.getByRole('heading', { name: 'Infra Portal' }).first()).toBeVisible();
  await expect(page.getByText(/catalog built from the infra/)).toBeVisible();
  await page.screenshot({ path: `${screenshots}/portal-entity.png`, fullPage: true });
});
