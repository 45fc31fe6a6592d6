import { Page } from '@playwright/test';

/**
 * Opens `path` as a guest. Guest sessions do not survive a full page load,
 * so each test signs in on the page it starts from.
 */
export async function openAsGuest(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Enter' }).click();
}
