import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openCatalogListing } from './signIn';

// Set in e2e/app-config.e2e.yaml as a secret config value (a Forgejo token).
const CANARY = 'e2e-canary-forgejo-token-7c41b2';

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
    expect(readFileSync(file, 'utf8').includes(CANARY), file).toBe(false);
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
  expect(bodies.filter(body => body.includes(CANARY))).toEqual([]);
});
