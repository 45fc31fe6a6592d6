import { ConsoleMessage, Page, expect } from '@playwright/test';
import { openCatalogListing } from './signIn';

/** Where the issue's screenshots go (git-ignored); the docs' own are under docs/images. */
export const SCREENSHOTS = '.artifacts/screenshots';
export const WIDTHS = [1280, 1440, 1920];

/**
 * Console errors and uncaught exceptions of the page. "Our code" cannot be
 * told apart by file in the production bundle (chunks are hashed), so every
 * error counts: a stock one seen here would be ours to silence or fix.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', e => errors.push(e.message));
  return errors;
}

/** Opens the new-app wizard once the catalog has the owners (the org file). */
export async function openNewAppWizard(page: Page): Promise<void> {
  await openCatalogListing(page, 'goauthentik-server');
  await page.goto('/create/templates/default/infra-new-app');
  await expect(
    page.getByRole('textbox', { name: 'Name', exact: true }),
  ).toBeVisible({ timeout: 60_000 });
}

export async function fillTheApp(
  page: Page,
  values: { name: string; image: string; namespace?: string; memory?: string },
): Promise<void> {
  await page
    .getByRole('textbox', { name: 'Name', exact: true })
    .fill(values.name);
  if (values.namespace !== undefined)
    await page
      .getByRole('textbox', { name: 'Namespace', exact: true })
      .fill(values.namespace);
  await page.getByRole('textbox', { name: 'Owner' }).fill('platform');
  await page
    .getByRole('option')
    .filter({ hasText: /platform/i })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Image', exact: true })
    .fill(values.image);
  if (values.memory !== undefined)
    await page
      .getByRole('textbox', { name: 'Memory', exact: true })
      .fill(values.memory);
}

/** Clicks Next until the page titled `title` shows (the stepper's own labels). */
export async function nextUntil(page: Page, heading: RegExp): Promise<void> {
  for (let step = 0; step < 6; step++) {
    if (await page.getByText(heading).first().isVisible()) return;
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }
  await expect(page.getByText(heading).first()).toBeVisible();
}
