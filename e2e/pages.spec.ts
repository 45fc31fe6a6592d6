import { Browser, expect, Page, test } from '@playwright/test';
import { openAsGuest, openCatalogListing } from './signIn';
import { SCREENSHOTS, WIDTHS, watchConsoleErrors } from './consoleErrors';

const ADMIN_PASSWORD = 'e2e-canary-breakglass-passphrase-3f9a1c';
const LONG_NAME = 'ak-outpost-authentik-embedded-outpost';

const sidebar = (page: Page) =>
  page.getByRole('navigation', { name: 'sidebar nav' });

/** An entity page's tab, found by where it leads. */
const tab = (page: Page, entityPath: string, tabPath: string) =>
  page.locator(`a[href="${entityPath}/${tabPath}"]`);

test('catalog names read as words and the auth-tier filter is on the first screen', async ({
  page,
}) => {
  const errors = watchConsoleErrors(page);
  await openCatalogListing(page, LONG_NAME);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    const name = page.getByRole('link', { name: LONG_NAME, exact: true });
    await expect(name).toBeVisible();
    // One letter per line was ~8 lines; two or three at the dashes is fine.
    // A line is at most 1.6 times the font size here.
    // Read once the cell is laid out (between two layouts it has no style).
    let fontSize = NaN;
    await expect
      .poll(async () => {
        fontSize = await name.evaluate(el =>
          parseFloat(getComputedStyle(el).fontSize),
        );
        return fontSize;
      })
      .toBeGreaterThan(0);
    const oneLine = 1.6 * fontSize;
    // Measured with retries: the table lays out again as its columns load,
    // and an element between two layouts has no box for a moment.
    const heightOf = (locator: typeof name) =>
      expect.poll(async () => (await locator.boundingBox())?.height);
    await heightOf(name).toBeLessThanOrEqual(3 * oneLine);
    // "Namespace owners" stays two words, not "Namesp / ace".
    const owner = page
      .getByRole('link', { name: 'Namespace owners', exact: true })
      .first();
    await expect(owner).toBeVisible();
    await heightOf(owner).toBeLessThanOrEqual(2 * oneLine);

    const tier = page.getByRole('checkbox', { name: 'required' });
    await expect(tier).toBeVisible();
    await expect
      .poll(async () => {
        const box = await tier.boundingBox();
        return box ? box.y + box.height : undefined;
      })
      .toBeLessThan(900);
    await page.screenshot({
      path: `${SCREENSHOTS}/catalog-${width}.png`,
      fullPage: true,
    });
  }
  expect(errors()).toEqual([]);
});

test('an entity page shows its infra cards first, no empty stock cards or tabs, and no View Source to a file', async ({
  page,
}) => {
  const errors = watchConsoleErrors(page);
  await openCatalogListing(page, 'goauthentik-server');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await openAsGuest(page, '/catalog/default/component/authentik-server');
    const infra = page.getByText('Infra', { exact: true });
    await expect(infra).toBeVisible();
    expect((await infra.boundingBox())!.y).toBeLessThan(400);
    // The stock cards that only have something to say here come after ours.
    const dependsOn = page.getByText('Depends on resources', { exact: true });
    await expect(dependsOn).toBeVisible();
    expect((await dependsOn.boundingBox())!.y).toBeGreaterThan(
      (await page.getByText('Convention findings').boundingBox())!.y,
    );
    for (const empty of [
      'Provided APIs',
      'Consumed APIs',
      'Depends on components',
      'Has subcomponents',
    ]) {
      await expect(page.getByText(empty, { exact: true })).toHaveCount(0);
    }
    const entity = '/catalog/default/component/authentik-server';
    await expect(tab(page, entity, 'kubernetes')).toBeVisible();
    await expect(tab(page, entity, 'docs')).toHaveCount(0);
    await expect(tab(page, entity, 'apis')).toHaveCount(0);
    // The example infra has no forge address: nothing a browser can open.
    await expect(page.getByText('View Source', { exact: true })).toHaveCount(0);
    await page.screenshot({
      path: `${SCREENSHOTS}/entity-${width}.png`,
      fullPage: true,
    });
  }
  // A PodDisruptionBudget has no pods and no docs: neither tab.
  const pdb = '/catalog/default/resource/authentik-server-pdb';
  await page.goto(pdb);
  await expect(page.getByText('Disruption budget')).toBeVisible();
  await expect(tab(page, pdb, 'docs')).toHaveCount(0);
  await expect(tab(page, pdb, 'kubernetes')).toHaveCount(0);
  // The portal's own entity has docs: its tab stays.
  const portal = '/catalog/default/component/infra-portal';
  await page.goto(portal);
  await expect(tab(page, portal, 'docs')).toBeVisible();
  expect(errors()).toEqual([]);
});

test('the portal is itself: its name in the sidebar, a useful Home, its own not-found page', async ({
  page,
}) => {
  const errors = watchConsoleErrors(page);
  await openCatalogListing(page, 'goauthentik-server');
  await expect(sidebar(page).getByTestId('sidebar-title')).toHaveText(
    'Infra Portal',
  );
  await expect(sidebar(page)).not.toContainText('Backstage');

  await sidebar(page).locator('a[href="/home"]').click();
  const verdicts = page.getByTestId('home-widget-RolloutVerdicts');
  await expect(verdicts).toContainText('Safe to roll now?');
  await expect(
    verdicts
      .getByTestId('rollout-verdict')
      .filter({ hasText: '2026-06-10 boot storm' })
      .getByTestId('verdict-badge'),
  ).toHaveAttribute('data-verdict', 'critical', { timeout: 60_000 });
  const addApp = page.getByTestId('home-widget-AddAnApp');
  await expect(
    addApp.getByRole('link', { name: 'A new app in a namespace you own' }),
  ).toHaveAttribute('href', '/create/templates/default/infra-new-app');
  await expect(page.getByTestId('findings-overview')).toContainText(
    /\d+ findings? as of the catalog's last read/,
  );
  await expect(page.getByText('No widgets added')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/home.png`, fullPage: true });

  await page.goto('/no/such/page');
  const notFound = page.getByTestId('not-found');
  await expect(notFound).toContainText('The portal has no page here');
  await expect(notFound).toContainText('/no/such/page');
  await expect(
    notFound.getByRole('link', { name: 'ask them' }),
  ).toHaveAttribute('href', '/catalog/default/group/platform');
  await expect(page.locator('a[href*="github.com/backstage"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/not-found.png` });
  expect(errors()).toEqual([]);
});

/** A fresh browser profile: no session left from another test. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('admin pages are offered to admins only', async ({ browser }) => {
  const owner = await freshPage(browser);
  await openAsGuest(owner, '/');
  await expect(
    sidebar(owner).getByRole('link', { name: 'Create' }).first(),
  ).toBeVisible();
  for (const name of ['Visualizer', 'APIs', /Register Existing/]) {
    await expect(sidebar(owner).getByRole('link', { name })).toHaveCount(0);
  }
  await owner.goto('/create');
  await expect(owner.getByRole('tab', { name: 'Templates' })).toBeVisible();
  await expect(owner.getByRole('tab', { name: 'Template Editor' })).toHaveCount(
    0,
  );
  await owner.goto('/visualizer');
  await expect(owner.getByTestId('not-found')).toBeVisible();
  await owner.context().close();

  const admin = await freshPage(browser);
  await admin.goto('/');
  const form = admin.getByRole('form', { name: 'Break-glass sign-in' });
  await form.getByLabel('Name').fill('admin');
  await form.getByLabel('Password').fill(ADMIN_PASSWORD);
  await form.getByRole('button', { name: 'Sign in with break-glass' }).click();
  for (const name of ['Visualizer', 'APIs', /Register Existing/]) {
    await expect(
      sidebar(admin).getByRole('link', { name }).first(),
    ).toBeVisible();
  }
  // A break-glass session lives in this page only: navigate, do not reload.
  await sidebar(admin).getByRole('link', { name: 'Create' }).first().click();
  await expect(
    admin.getByRole('tab', { name: 'Template Editor' }),
  ).toBeVisible();
  await admin.context().close();
});
