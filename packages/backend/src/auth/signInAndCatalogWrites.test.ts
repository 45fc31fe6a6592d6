import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { findFreePort } from '@internal/test-services';
import {
  repoRoot,
  spawnBackend,
  SpawnedBackend,
  waitForHttpOk,
} from '../__testUtils__/spawnBackend';
import { hashBreakGlassPassword } from './breakGlass/passwordHash';

jest.setTimeout(240_000);

const ADMIN_PASSWORD = 'bg-canary-admin-passphrase-51d0c9';
const GUEST_PASSWORD = 'bg-canary-guest-passphrase-8e22af';

// What the attacker registers: a User for its own identity claiming the
// admins' group (with a harmless Component), and a Template that would run.
const EVIL_USER = `
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: mallory }
spec: { memberOf: [platform] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: evil-app }
spec: { type: service, lifecycle: experimental, owner: user:default/mallory }
`;
const EVIL_TEMPLATE = `
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: evil-template }
spec:
  owner: user:default/mallory
  type: service
  steps:
    - id: write
      action: debug:log
      input: { message: pwned }
`;

const basic = (name: string, password: string) =>
  `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

describe('sign-in and catalog writes on the real backend', () => {
  let backend: SpawnedBackend;
  let base: string;
  let files: Server;
  let evilUrl: string;
  let templateUrl: string;

  beforeAll(async () => {
    files = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(_req.url?.endsWith('template.yaml') ? EVIL_TEMPLATE : EVIL_USER);
    });
    await new Promise<void>(r => files.listen(0, '127.0.0.1', r));
    const filesPort = (files.address() as AddressInfo).port;
    evilUrl = `http://localhost:${filesPort}/evil/catalog-info.yaml`;
    templateUrl = `http://localhost:${filesPort}/evil/template.yaml`;

    const port = await findFreePort();
    base = `http://localhost:${port}`;
    backend = await spawnBackend({
      configFiles: ['app-config.yaml'],
      overlay: {
        app: { baseUrl: base },
        backend: {
          baseUrl: base,
          listen: { port },
          reading: { allow: [{ host: `localhost:${filesPort}` }] },
        },
        catalog: {
          locations: [
            { type: 'file', target: `${repoRoot}/catalog-info.yaml` },
          ],
        },
        auth: {
          providers: {
            // The attacker signs in as guest, with an identity the org
            // file does not define (the provider falls back to the bare ref).
            guest: {
              userEntityRef: 'user:default/mallory',
              dangerouslyAllowOutsideDevelopment: true,
            },
            breakglass: {
              users: [
                {
                  userEntityRef: 'user:default/admin',
                  passwordHash: await hashBreakGlassPassword(ADMIN_PASSWORD),
                },
                // Listed, but not an admin in the catalog: still refused.
                {
                  userEntityRef: 'user:default/guest',
                  passwordHash: await hashBreakGlassPassword(GUEST_PASSWORD),
                },
              ],
            },
          },
        },
      },
      env: { NODE_ENV: 'test' },
    });
    await waitForHttpOk(`${base}/.backstage/health/v1/readiness`, 180_000, {
      backend,
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await new Promise(r => files?.close(r));
  });

  async function guestToken(): Promise<string> {
    const res = await fetch(`${base}/api/auth/guest/refresh`);
    expect(res.status).toBe(200);
    return (await res.json()).backstageIdentity.token;
  }
  async function breakGlass(name: string, password: string) {
    return fetch(`${base}/api/auth/breakglass/refresh`, {
      method: 'POST',
      headers: { authorization: basic(name, password) },
    });
  }
  async function adminToken(): Promise<string> {
    // The admin's User comes from the org file, a few seconds after start.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await breakGlass('admin', ADMIN_PASSWORD);
      if (res.status === 200) return (await res.json()).backstageIdentity.token;
      if (Date.now() > deadline) throw new Error(`break-glass: ${res.status}`);
      await new Promise(r => setTimeout(r, 1_000));
    }
  }
  const bearer = (token: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });
  async function queryTextDecision(token: string): Promise<string> {
    const res = await fetch(`${base}/api/permission/authorize`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({
        items: [
          {
            id: '1',
            permission: {
              type: 'basic',
              name: 'rollout-status.query-text.read',
              attributes: { action: 'read' },
            },
          },
        ],
      }),
    });
    return (await res.json()).items[0].result;
  }
  async function entity(ref: string, token: string) {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    return fetch(
      `${base}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      { headers: bearer(token) },
    );
  }

  it('refuses a non-admin who registers a location, deletes or refreshes entities', async () => {
    const token = await guestToken();
    const register = await fetch(`${base}/api/catalog/locations`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ type: 'url', target: evilUrl }),
    });
    expect(register.status).toBe(403);

    const ownerGroup = await waitForHttpOk(
      `${base}/api/catalog/entities/by-name/group/default/platform`,
      120_000,
      { headers: bearer(token), backend },
    );
    const { metadata } = await ownerGroup.json();
    const del = await fetch(
      `${base}/api/catalog/entities/by-uid/${metadata.uid}`,
      {
        method: 'DELETE',
        headers: bearer(token),
      },
    );
    expect(del.status).toBe(403);
    expect((await entity('group:default/platform', token)).status).toBe(200);

    const refresh = await fetch(`${base}/api/catalog/refresh`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ entityRef: 'group:default/platform' }),
    });
    expect(refresh.status).toBe(403);
  });

  it('takes no identity or template from a registered URL, even one an admin registered', async () => {
    const admin = await adminToken();
    for (const target of [evilUrl, templateUrl]) {
      const register = await fetch(`${base}/api/catalog/locations`, {
        method: 'POST',
        headers: bearer(admin),
        body: JSON.stringify({ type: 'url', target }),
      });
      expect(register.status).toBe(201);
    }
    // The catalog reads the file and refuses what it may not hold from a
    // URL, entity by entity, in its log (a refused file stores nothing).
    const refused = (ref: string, url: string) =>
      new RegExp(`Entity ${ref} at url:${url}.*is not of an allowed kind`);
    const deadline = Date.now() + 120_000;
    while (
      !(
        refused('user:default/mallory', evilUrl).test(backend.output()) &&
        refused('template:default/evil-template', templateUrl).test(
          backend.output(),
        )
      ) &&
      Date.now() < deadline
    ) {
      await new Promise(r => setTimeout(r, 1_000));
    }
    const messages = [backend.output()];
    expect(messages[0]).toMatch(refused('user:default/mallory', evilUrl));
    expect(messages[0]).toMatch(
      refused('template:default/evil-template', templateUrl),
    );
    expect((await entity('user:default/mallory', admin)).status).toBe(404);
    expect((await entity('template:default/evil-template', admin)).status).toBe(
      404,
    );
    // Nothing else from that file is taken either, so nothing it names runs.
    expect((await entity('component:default/evil-app', admin)).status).toBe(
      404,
    );

    // Signing in again changes nothing: the token carries no platform group,
    // so lock holders' SQL stays hidden.
    const token = await guestToken();
    const info = await fetch(`${base}/api/auth/v1/userinfo`, {
      headers: bearer(token),
    });
    expect((await info.json()).claims.ent).toEqual(['user:default/mallory']);
    expect(await queryTextDecision(token)).toBe('DENY');
    expect(await queryTextDecision(admin)).toBe('ALLOW');
  });

  it('signs an admin in through break-glass, loudly, and refuses everyone else', async () => {
    const ok = await breakGlass('admin', ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/admin',
    );
    expect(body.backstageIdentity.identity.ownershipEntityRefs).toContain(
      'group:default/platform',
    );

    const notAdmin = await breakGlass('guest', GUEST_PASSWORD);
    expect(notAdmin.status).toBe(403);
    expect((await notAdmin.json()).error.message).toBe(
      'Break-glass sign-in is for admins only; user:default/guest is not in group:default/platform',
    );
    const wrong = await breakGlass('admin', `${ADMIN_PASSWORD}x`);
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await wrong.json())).not.toContain(ADMIN_PASSWORD);

    const log = backend.output();
    expect(log).toContain(
      'BREAK-GLASS sign-in is ENABLED for user:default/admin, user:default/guest',
    );
    expect(log).toContain(
      'BREAK-GLASS sign-in: an admin signed in without authentik',
    );
    expect(log).toContain('BREAK-GLASS sign-in refused: not an admin');
    expect(log).toContain(
      'BREAK-GLASS sign-in refused: wrong name or password',
    );
    expect(log).not.toContain(ADMIN_PASSWORD);
    expect(log).not.toContain(GUEST_PASSWORD);
  });
});
