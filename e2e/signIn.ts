import { Page, expect } from '@playwright/test';

/**
 * Opens `path` as a guest. Guest sessions do not survive a full page load,
 * so each test signs in on the page it starts from.
 */
export async function openAsGuest(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Enter' }).click();
}

/**
 * Opens the catalog once it lists `entityTitle`. The infra provider ingests
 * a few seconds after the backend is ready and the list does not refresh by
 * itself, so a test that starts early reloads, as a person would.
 */
export async function openCatalogListing(page: Page, entityTitle: string): Promise<void> {
  const link = page.getByRole('link', { name: entityTitle, exact: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    await openAsGuest(page, '/');
    try {
      await expect(link).toBeVisible({ timeout: 5_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
