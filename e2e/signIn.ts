import { Page, expect } from '@playwright/test';

/**
 * Opens `path` as a guest: signs in when the sign-in page shows, and goes
 * straight on when the session from an earlier page load is still valid.
 */
export async function openAsGuest(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  const signedIn = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(enter.or(signedIn).first()).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
  }
  await expect(signedIn).toBeVisible();
}

/**
 * Opens the catalog once it lists `entityTitle`. The infra provider ingests
 * a few seconds after the backend is ready and the list does not refresh by
 * itself, so a test that starts early reloads, as a person would.
 */
export async function openCatalogListing(
  page: Page,
  entityTitle: string,
): Promise<void> {
  const link = page.getByRole('link', { name: entityTitle, exact: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    await openAsGuest(page, '/');
    try {
      // Long enough for the list to load on a busy 2-core machine.
      await expect(link.first()).toBeVisible({ timeout: 20_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
