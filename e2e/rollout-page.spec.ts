import { expect, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';
import { SCREENSHOTS, WIDTHS, watchConsoleErrors } from './consoleErrors';

const STORM = 'authentik (snapshot: 2026-06-10 boot storm)';
const HEALTHY = 'authentik (snapshot: healthy)';

test('the rollout page lists every target with its verdict and shows the one the URL names, verdict first', async ({
  page,
}) => {
  const errors = watchConsoleErrors(page);
  await openCatalogListing(page, 'goauthentik-server');
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAsGuest(page, '/rollout-status');

  const switcher = page.getByRole('navigation', { name: 'Rollout targets' });
  const choice = (title: string) =>
    switcher.getByRole('link', { name: new RegExp(`^${escape(title)}`) });
  // Derived targets (several) and the two snapshots, each with its answer.
  await expect(switcher.getByRole('link')).not.toHaveCount(0);
  expect(await switcher.getByRole('link').count()).toBeGreaterThanOrEqual(4);
  const storm = choice(STORM);
  await expect(storm.getByTestId('verdict-badge')).toHaveText('Recorded: No', {
    timeout: 60_000,
  });
  await expect(storm.getByTestId('verdict-badge')).toHaveAttribute(
    'data-verdict',
    'critical',
  );
  await expect(storm.getByTestId('not-live')).toHaveText('Not live');
  await expect(choice(HEALTHY).getByTestId('verdict-badge')).toHaveText(
    'Recorded: Yes',
  );
  await expect(choice(HEALTHY).getByTestId('not-live')).toBeVisible();
  // A derived live target is never green without proof: authentik's lock
  // holders are unknown in the simulated cluster (no PostgreSQL).
  const live = choice('authentik').first();
  await expect(live.getByTestId('not-live')).toHaveCount(0);
  await expect(live.getByTestId('verdict-badge')).not.toHaveAttribute(
    'data-verdict',
    'ok',
  );

  // Choosing a target puts it in the URL and shows only it.
  await storm.click();
  await expect(page).toHaveURL(
    /\/rollout-status\?target=authentik-boot-storm$/,
  );
  const panel = page.getByRole('region', { name: STORM });
  const preflight = panel.getByTestId('preflight');
  await expect(preflight).toHaveAttribute('data-verdict', 'critical');
  await expect(preflight).toHaveAttribute('data-mode', 'snapshot');
  await expect(preflight.getByTestId('answer-source')).toContainText(
    /Recorded 2026-06-10 22:35:00 UTC \(\d+ d ago\) from file .*boot-storm\.json: not the cluster now\./,
  );
  await expect(page.getByTestId('preflight')).toHaveCount(1);
  // The verdict is on the first screen.
  const box = await preflight.boundingBox();
  expect(box!.y).toBeLessThan(400);

  // Opened from a shared link, the page shows the same target.
  await page.goto('/rollout-status?target=authentik-snapshot');
  await expect(
    page.getByRole('region', { name: HEALTHY }).getByTestId('preflight'),
  ).toHaveAttribute('data-verdict', 'ok');

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/rollout-status?target=authentik-boot-storm');
    await expect(
      page.getByRole('region', { name: STORM }).getByTestId('preflight'),
    ).toBeVisible();
    await page.screenshot({
      path: `${SCREENSHOTS}/rollout-page-${width}.png`,
      fullPage: true,
    });
  }
  expect(errors()).toEqual([]);
});

test('the authentik System page answers "safe to roll?" on its first screen', async ({
  page,
}) => {
  const errors = watchConsoleErrors(page);
  await openCatalogListing(page, 'goauthentik-server');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await openAsGuest(page, '/catalog/default/system/authentik');
    const first = page.getByTestId('preflight').first();
    await expect(first).toContainText(/Safe to roll authentik.* now\?/, {
      timeout: 60_000,
    });
    expect((await first.boundingBox())!.y).toBeLessThan(900);
    // Every target's verdict before any check row: three verdicts, rows folded.
    await expect(page.getByTestId('preflight')).toHaveCount(3);
    await expect(
      page.getByTestId('preflight').filter({ hasText: STORM }),
    ).toHaveAttribute('data-verdict', 'critical');
    await page.screenshot({
      path: `${SCREENSHOTS}/authentik-system-${width}.png`,
      fullPage: true,
    });
  }
  expect(errors()).toEqual([]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
