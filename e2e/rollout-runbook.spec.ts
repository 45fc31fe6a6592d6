import { expect, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';

const screenshots = '.artifacts/screenshots';

test('the authentik page answers "safe to roll?" and a red check links to its runbook section', async ({
  page,
}) => {
  await openCatalogListing(page, 'goauthentik-server');
  await openAsGuest(page, '/catalog/default/system/authentik');

  // Two targets: the healthy snapshot and the 2026-06-10 boot storm.
  const stormCard = page
    .locator(
      'xpath=//*[contains(normalize-space(.), "Safe to roll authentik (snapshot: 2026-06-10 boot storm) now?")]',
    )
    .last();
  await expect(stormCard).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/snapshot/i).first()).toBeVisible();
  await page.screenshot({
    path: `${screenshots}/authentik-rollout-card.png`,
    fullPage: true,
  });

  // The boot storm's lock holders: unfold its checks (the card shows each
  // target's verdict first) and follow that check's runbook link.
  const storm = page.getByRole('region', {
    name: 'Rollout status of authentik (snapshot: 2026-06-10 boot storm)',
  });
  await storm.getByText(/^All \d+ checks$/).click();
  await storm
    .getByRole('link', { name: 'Runbook: Advisory lock holders' })
    .click();
  await expect(page).toHaveURL(
    /\/docs\/default\/component\/infra-portal\/runbooks\/stuck-rollout\/#idle-in-transaction-holders$/,
  );
  // TechDocs builds the site on first view; then the section is there.
  const heading = page.locator('h2#idle-in-transaction-holders');
  await expect(heading).toBeVisible({ timeout: 90_000 });
  await expect(heading).toContainText(/idle in transaction/i);
  await page.screenshot({ path: `${screenshots}/runbook-section.png` });
});
