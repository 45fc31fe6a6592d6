import { expect, test } from '@playwright/test';
import {
  collectConsoleErrors,
  fillTheApp,
  openNewAppWizard,
} from './wizardSteps';

// Issue #16, item 2: a value infra:validate-input would refuse is marked at
// its field, in the action's words, before Next; no raw schema pattern.
test('the wizard refuses a platform namespace, a latest tag and a bare memory number at the field', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openNewAppWizard(page);
  await fillTheApp(page, {
    name: 'status-page',
    namespace: 'authentik',
    image: 'ghcr.io/homelab/status-page:latest',
    memory: '512',
  });
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(
    page
      .getByText(
        'The namespace "authentik" is reserved for the cluster or the platform. Use your own namespace',
      )
      .first(),
  ).toBeVisible();
  await expect(
    page
      .getByText(/uses the "latest" tag\. Pin a version or commit SHA tag/)
      .first(),
  ).toBeVisible();
  await expect(
    page.getByText(/is not a Kubernetes quantity with a unit\./).first(),
  ).toBeVisible();
  // Still on the first page: the ingress page has not opened.
  await expect(page.getByText('What gates the app?')).toHaveCount(0);
  // Each at its own field: the input is marked invalid.
  for (const name of ['Namespace', 'Image', 'Memory'])
    await expect(
      page.getByRole('textbox', { name, exact: true }),
    ).toHaveAttribute('aria-invalid', 'true');

  // Fixed, it moves on.
  await page.getByRole('textbox', { name: 'Namespace', exact: true }).fill('');
  await page
    .getByRole('textbox', { name: 'Image', exact: true })
    .fill('ghcr.io/homelab/status-page:1.4.2');
  await page
    .getByRole('textbox', { name: 'Memory', exact: true })
    .fill('512Mi');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('What gates the app?').first()).toBeVisible();

  // A carve-out path without its leading "/": said in words, not as a pattern.
  await page
    .getByRole('button', { name: /add item/i })
    .first()
    .click();
  await page.getByRole('textbox', { name: 'Path', exact: true }).fill('api');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page
      .getByText(
        /Item 1 \(path\): The path "api" is not a plain absolute URL path\./,
      )
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/must match pattern/)).toHaveCount(0);
  expect(errors).toEqual([]);
});
