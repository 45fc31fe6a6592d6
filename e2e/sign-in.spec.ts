import { Browser, expect, Page, test } from '@playwright/test';
import { startOidcServer, TestOidcServer } from '@internal/test-services';
import { openAsGuest } from './signIn';

// The backend's e2e config points its OIDC provider at this port
// (e2e/serve-production-build.sh) and lists these break-glass hashes.
const port = Number(process.env.E2E_PORT ?? 7017);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? port + 1);
const ADMIN_PASSWORD = 'e2e-canary-breakglass-passphrase-3f9a1c';
const GUEST_PASSWORD = 'e2e-guest-breakglass-passphrase-77aa01';

test.describe.configure({ mode: 'serial' });

let oidc: TestOidcServer;

test.beforeAll(async () => {
  oidc = await startOidcServer({
    port: OIDC_PORT,
    clients: [
      {
        client_id: 'infra-portal-e2e',
        client_secret: 'e2e-canary-oidc-client-secret-5b7e20',
        redirect_uris: [`http://localhost:${port}/api/auth/oidc/handler/frame`],
      },
    ],
    users: {
      admin: { name: 'Cluster admin', groups: ['authentik Admins'] },
      // authentik makes guest an admin: only the groups claim says so.
      guest: { name: 'Guest', groups: ['authentik Admins'] },
    },
  });
});
test.afterAll(async () => {
  await oidc?.stop();
});

/** A fresh browser profile: no session left from another test. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Signs in on authentik's login form in the popup the portal opens. */
async function signInThroughAuthentik(page: Page, login: string) {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in with authentik' }).click();
  const popup = await popupOpened;
  await popup.locator('input[name="login"]').fill(login, { timeout: 20_000 });
  await popup.locator('input[name="password"]').fill('any password');
  await popup.locator('button[type="submit"]').first().click();
}

const sidebarCatalog = (page: Page) =>
  page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });

test('signs in through authentik as the mapped catalog user, with its groups', async ({
  browser,
}) => {
  const page = await freshPage(browser);
  await page.goto('/');
  await signInThroughAuthentik(page, 'guest');
  await expect(sidebarCatalog(page)).toBeVisible();

  // Settings show who the portal thinks you are: the org file's guest, in
  // its catalog group, and in the admins' group through the groups claim.
  await page.goto('/settings');
  await expect(page.getByText('User Entity:')).toContainText('Guest');
  const ownership = page.getByText('Ownership Entities:');
  await expect(ownership).toContainText('Namespace owners');
  await expect(ownership).toContainText('Platform');
  await page.context().close();
});

test('refuses an authentik account that is not in the catalog, saying what to do', async ({
  browser,
}) => {
  const page = await freshPage(browser);
  await page.goto('/');
  await signInThroughAuthentik(page, 'mallory');
  await expect(page.getByRole('alert')).toContainText(
    `"mallory" signed in to authentik but has no User in the portal's catalog`,
  );
  await expect(sidebarCatalog(page)).toHaveCount(0);
  await page.context().close();
});

test('with authentik down, break-glass signs an admin in and the rollout page loads; a non-admin is refused', async ({
  browser,
}) => {
  await oidc.stop();
  const page = await freshPage(browser);
  await page.goto('/');
  // authentik is unreachable: the portal cannot even start its sign-in.
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in with authentik' }).click();
  const popup = await popupOpened;
  await expect(popup.locator('body')).toContainText(
    /ECONNREFUSED|fetch failed|connect/i,
  );
  await popup.close();

  const form = page.getByRole('form', { name: 'Break-glass sign-in' });
  await form.getByLabel('Name').fill('guest');
  await form.getByLabel('Password').fill(GUEST_PASSWORD);
  await form.getByRole('button', { name: 'Sign in with break-glass' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Break-glass sign-in is for admins only; user:default/guest is not in group:default/platform',
  );

  await form.getByLabel('Name').fill('admin');
  await form.getByLabel('Password').fill(ADMIN_PASSWORD);
  await form.getByRole('button', { name: 'Sign in with break-glass' }).click();
  await expect(sidebarCatalog(page)).toBeVisible();
  // Registering locations is the admins': their nav offers it.
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', {
      name: /Register Existing/,
    }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Rollout status' }).click();
  await expect(page.getByText(/Safe to roll/).first()).toBeVisible({
    timeout: 60_000,
  });
  await page.context().close();
});

test('a namespace owner is not offered registering locations', async ({
  browser,
}) => {
  const page = await freshPage(browser);
  await openAsGuest(page, '/');
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Create' }).first()).toBeVisible();
  await expect(
    nav.getByRole('link', { name: /Register Existing/ }),
  ).toHaveCount(0);
  await page.context().close();
});
