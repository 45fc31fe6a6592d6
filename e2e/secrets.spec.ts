import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openCatalogListing } from './signIn';

// Set in e2e/app-config.e2e.yaml as secret config values: a Forgejo token,
// the OIDC client secret and a break-glass password's hash; and that
// password itself, which a person types into the sign-in page.
const CANARY = 'e2e-canary-forgejo-token-7c41b2';
const OIDC_CLIENT_SECRET = 'e2e-canary-oidc-client-secret-5b7e20';
const BREAKGLASS_HASH_PART = 'cKvUhiop4Q1C2L7tyVsnv6PrNLSzkHuEgTUq1s1HG5s';
const BREAKGLASS_PASSWORD = 'e2e-canary-breakglass-passphrase-3f9a1c';
const SESSION_SECRET = 'e2e-canary-session-secret-0d93aa';
const SECRETS = [
  SESSION_SECRET,
  CANARY,
  OIDC_CLIENT_SECRET,
  BREAKGLASS_HASH_PART,
  BREAKGLASS_PASSWORD,
];
const leaks = (text: string) => SECRETS.filter(secret => text.includes(secret));

test('no configured secret reaches the browser', async ({ page }) => {
  // The production bundle on disk.
  const dist = join(__dirname, '../packages/app/dist');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html|json)$/.test(name)) files.push(path);
    }
  };
  walk(dist);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    expect(leaks(readFileSync(file, 'utf8')), file).toEqual([]);
  }

  // Everything the backend sends while a person browses: the page with its
  // injected config, API answers, the rollout status, the wizard.
  const bodies: string[] = [];
  page.on('response', async response => {
    try {
      bodies.push(await response.text());
    } catch {
      // Redirects and aborted requests have no body to read.
    }
  });
  await openCatalogListing(page, 'goauthentik-server');
  await page.getByRole('link', { name: 'Rollout status' }).click();
  await expect(page.getByText(/Safe to roll/).first()).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('link', { name: 'Create' }).first().click();
  await expect(
    page.getByText('New app (Terraform stack)').first(),
  ).toBeVisible();

  expect(bodies.length).toBeGreaterThan(20);
  expect(bodies.filter(body => leaks(body).length)).toEqual([]);
});

test('no sign-in secret comes back after a break-glass sign-in', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const bodies: string[] = [];
  page.on('response', async response => {
    try {
      bodies.push(await response.text());
    } catch {
      // Redirects and aborted requests have no body to read.
    }
  });
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Break-glass sign-in' });
  await form.getByLabel('Name').fill('admin');
  await form.getByLabel('Password').fill(BREAKGLASS_PASSWORD);
  await form.getByRole('button', { name: 'Sign in with break-glass' }).click();
  await page.getByRole('link', { name: 'Rollout status' }).click();
  // The admin sees lock holders' details: the most the portal ever sends.
  await expect(page.getByText(/Safe to roll/).first()).toBeVisible({
    timeout: 60_000,
  });
  expect(bodies.length).toBeGreaterThan(10);
  expect(bodies.filter(body => leaks(body).length)).toEqual([]);
  await page.context().close();
});
