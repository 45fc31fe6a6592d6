import { expect, test } from '@playwright/test';
import { openCatalogListing } from './signIn';

// The runbook docs/runbooks/new-app-wizard.md shows these screenshots.
const images = 'docs/images/new-app-wizard';

test('the new-app wizard makes the auth tier a deliberate, recorded choice', async ({
  page,
}) => {
  // Owners come from the infra repo's org file: wait for the first ingest.
  await openCatalogListing(page, 'goauthentik-server');
  await page.getByRole('link', { name: 'Create' }).first().click();
  await expect(page.getByText('New app (Terraform stack)').first()).toBeVisible(
    { timeout: 60_000 },
  );
  await page.screenshot({ path: `${images}/01-choose-template.png` });
  // The Choose button of the card whose title is the new-app template.
  await page
    .locator(
      'xpath=//*[normalize-space(text())="New app (Terraform stack)"]/ancestor::*[.//button[@data-testid="template-card-actions--create"]][1]//button[@data-testid="template-card-actions--create"]',
    )
    .click();

  // Step 1: the app.
  await page
    .getByRole('textbox', { name: 'Name', exact: true })
    .fill('status-page');
  await page.getByRole('textbox', { name: 'Owner' }).fill('platform');
  await page
    .getByRole('option')
    .filter({ hasText: /platform/i })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Image', exact: true })
    .fill('ghcr.io/homelab/status-page:1.4.2');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: the ingress. required is preselected.
  await expect(page.getByText('What gates the app?').first()).toBeVisible();
  await expect(
    page.getByRole('radio', { name: /^required/ }).first(),
  ).toBeChecked();
  await page.screenshot({ path: `${images}/02-auth-tier.png` });

  // none without a justification: Next is blocked with the reason.
  await page.getByRole('radio', { name: /^none/ }).first().click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByText(/The justification for auth = "none" is missing\./).first(),
  ).toBeVisible();
  await expect(page.getByText('What gates the app?').first()).toBeVisible();
  await page.screenshot({ path: `${images}/03-justification-required.png` });

  // With a justification it moves on, and the review step shows it.
  const justification =
    'Read-only public status page; it holds nothing to protect.';
  await page
    .getByRole('textbox', { name: /Justification/ })
    .first()
    .fill(justification);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('What gates the app?')).toHaveCount(0);
  for (let step = 0; step < 5; step++) {
    const review = page.getByRole('button', { name: 'Review' });
    if (await review.isVisible()) {
      await review.click();
      break;
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await expect(page.getByText(justification)).toBeVisible();
  await page.screenshot({ path: `${images}/04-review.png`, fullPage: true });
});
