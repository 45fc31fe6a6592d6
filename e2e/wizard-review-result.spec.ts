import { expect, test } from '@playwright/test';
import {
  collectConsoleErrors,
  fillTheApp,
  nextUntil,
  openNewAppWizard,
  SCREENSHOTS,
  WIDTHS,
} from './wizardSteps';

// Issue #16, items 3, 4 and the task log of 8: the review says what Create
// will do; with no forge configured (the e2e config has a Forgejo token but
// no base URL) the task ends "Not published", with the files and the pull
// request text and no stack trace; the log does not link main.tf.
test('the review says what will be created, and the result says not published in words', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openNewAppWizard(page);
  await fillTheApp(page, {
    name: 'status-page',
    image: 'ghcr.io/homelab/status-page:1.4.2',
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /^none/ }).first().click();
  const justification =
    'Read-only public status page; it holds nothing to protect.';
  await page
    .getByRole('textbox', { name: /Justification/ })
    .first()
    .fill(justification);

  // The plan page, before Review.
  await nextUntil(page, /^Create opens a pull request against the infra repo/);
  const plan = page.locator('form');
  await expect(plan.getByText('New app: status-page, on branch')).toBeVisible();
  await expect(plan.getByText('portal/new-app-status-page')).toBeVisible();
  await expect(
    plan.getByRole('link', { name: 'Platform (group:default/platform)' }),
  ).toBeVisible();
  await expect(
    plan.getByText(
      `status-page: auth = "none", no authentik at all: public by design, or gated by something else (Anubis, a native client protocol). Justification: ${justification}`,
    ),
  ).toBeVisible();
  for (const file of [
    'main.tf',
    'deployment.tf',
    'ingress.tf',
    'catalog-info.yaml',
  ])
    await expect(plan.getByText(`stacks/status-page/${file}`)).toBeVisible();
  // No volume, database or secrets asked for: no such file or resource.
  await expect(plan.getByText('stacks/status-page/storage.tf')).toHaveCount(0);
  await expect(plan.getByText(/PostgreSQL database/)).toHaveCount(0);
  await expect(
    plan.getByText(
      /Deployment status-page: ghcr\.io\/homelab\/status-page:1\.4\.2, 1 replica, memory 256Mi \(request = limit\)/,
    ),
  ).toBeVisible();

  // The review step lists the plan, not the raw inputs.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  const review = page.locator('table');
  for (const row of [
    'Pull request',
    'Owner',
    'Host and auth tier',
    'Files',
    'Resources',
  ])
    await expect(review.getByText(row, { exact: true })).toBeVisible();
  await expect(
    review.getByText(
      'New app: status-page (branch portal/new-app-status-page)',
    ),
  ).toBeVisible();
  await expect(
    review.getByText('Platform (group:default/platform)'),
  ).toBeVisible();
  await expect(review.getByText(justification, { exact: false })).toBeVisible();
  for (const raw of [
    'Image',
    'Memory',
    'Anubis in front',
    'Persistent volume',
    'Secrets from Vault',
  ])
    await expect(review.getByText(raw, { exact: true })).toHaveCount(0);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: `${SCREENSHOTS}/wizard-review-${width}.png`,
      fullPage: true,
    });
  }

  // Create: no forge, so not published, said in words.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByRole('heading', { name: 'Not published' }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText(
      /The stack was generated and passed every check, but no pull request was opened/,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/Ask the portal admins to connect the infra repo/).first(),
  ).toBeVisible();
  await expect(
    page.getByText('Generated files (7)', { exact: true }),
  ).toBeVisible();
  await expect(
    page.getByText('The pull request text', { exact: true }),
  ).toBeVisible();
  await page
    .locator('summary')
    .getByText('stacks/status-page/deployment.tf', { exact: true })
    .click();
  await expect(
    page.getByText(/resource "kubernetes_deployment" "status_page"/),
  ).toBeVisible();
  // No stack trace and no failure: the stepper shows the not-published step.
  await expect(
    page
      .getByText('Not published: no forge is configured', { exact: true })
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/^\s*at \S+ \(/)).toHaveCount(0);
  await expect(page.getByText(/Missing required config value/)).toHaveCount(0);

  // The task log names main.tf, and does not make it a link to
  // http://main.tf. The log is virtualized: its search brings the line up.
  await page.getByRole('textbox', { name: 'Search' }).last().fill('main.tf');
  const logLine = page
    .getByText(
      /Wrote 7 files under stacks\/status-page\/: terragrunt\.hcl, main\.tf,/,
    )
    .first();
  await expect(logLine).toBeVisible();
  await expect(logLine.locator('a')).toHaveCount(0);
  await expect(page.locator('a[href^="http://main.tf"]')).toHaveCount(0);
  await expect(page.locator('a[href^="http://index.md"]')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Search' }).last().fill('');

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // The verdict and what follows it, as the page opens (a full-page shot
    // would paint the fixed sidebar where the page was scrolled to).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: `${SCREENSHOTS}/wizard-result-${width}.png`,
    });
  }
  expect(errors).toEqual([]);
});
