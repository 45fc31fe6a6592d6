import { expect, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';

const screenshots = '.artifacts/screenshots';

test('the drift page lists the simulated kubectl patch newest first, and the workload card shows it with its .tf line', async ({
  page,
}) => {
  // The catalog must have ingested examples/infra before entity pages exist.
  await openCatalogListing(page, 'goauthentik-server');
  await openAsGuest(page, '/drift');
  await expect(
    page.getByRole('heading', { name: 'Declared vs live (drift)' }),
  ).toBeVisible({ timeout: 60_000 });
  // The first poll may run before the backend listens: wait for the data.
  const row = page.getByTestId('drift-row').first();
  await expect(row).toContainText('livenessProbe (cloudflared)', {
    timeout: 90_000,
  });
  await expect(row).toContainText('DRIFT');
  await expect(row).toContainText('kubectl-patch');
  await expect(row).toContainText('stacks/cloudflared/main.tf:31');
  // Every compared target names its source: the simulated cluster.
  await expect(page.getByTestId('drift-target').first()).toContainText(
    '[simulated cluster]',
  );
  await page.screenshot({
    path: `${screenshots}/drift-page.png`,
    fullPage: true,
  });

  await openAsGuest(page, '/catalog/default/component/cloudflared');
  const card = page
    .locator('xpath=//*[contains(normalize-space(.), "Declared vs live")]')
    .last();
  await expect(card).toBeVisible({ timeout: 60_000 });
  const cardRow = page.getByTestId('drift-row').first();
  await expect(cardRow).toContainText('livenessProbe (cloudflared)', {
    timeout: 60_000,
  });
  await expect(
    cardRow.getByRole('link', { name: 'stacks/cloudflared/main.tf:31' }),
  ).toHaveAttribute('href', /stacks\/cloudflared\/main\.tf#L31$/);
  await page.screenshot({
    path: `${screenshots}/drift-card.png`,
    fullPage: true,
  });
});
