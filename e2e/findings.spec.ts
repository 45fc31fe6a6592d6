import { expect, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';

const screenshots = '.artifacts/screenshots';

test('a workload page lists its convention findings with severity, fix and runbook', async ({
  page,
}) => {
  // Waits for the first infra ingest the way a person would: reload the list.
  await openCatalogListing(page, 'node-agent');
  await openAsGuest(page, '/catalog/default/component/playground-notes');

  await expect(page.getByText('Convention findings')).toBeVisible();
  // Each finding is a list item with its fix.
  const findings = page.getByRole('listitem').filter({ hasText: 'Fix:' });
  // Errors first: the RWO claim mounted without the Recreate strategy.
  await expect(findings.first()).toContainText('error');
  await expect(findings.first()).toContainText('Recreate');
  await expect(findings.first()).toContainText('Fix:');
  await expect(
    findings.first().getByRole('link', { name: 'Runbook' }),
  ).toHaveAttribute('href', /\/docs\/.*conventions/);
  await expect(findings.filter({ hasText: 'warning' }).first()).toBeVisible();
  await page.screenshot({
    path: `${screenshots}/findings-card.png`,
    fullPage: true,
  });
});

test('an exception the convention policy allows shows with its reason, not as a finding', async ({
  page,
}) => {
  await openCatalogListing(page, 'node-agent');
  await page.getByRole('link', { name: 'node-agent', exact: true }).click();
  await expect(page).toHaveURL(/monitoring-node-agent/);

  await expect(page.getByText(/^No findings/)).toBeVisible();
  await expect(page.getByText('Allowed on purpose')).toBeVisible();
  const allowed = page.getByRole('listitem').filter({ hasText: 'Allowed:' });
  await expect(allowed).toContainText('CPU limit');
  await expect(allowed).toContainText('a CPU limit keeps a runaway scrape');
  await expect(allowed.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
    'href',
    /\/docs\/.*conventions/,
  );
  await page.screenshot({
    path: `${screenshots}/findings-allowed.png`,
    fullPage: true,
  });
});
