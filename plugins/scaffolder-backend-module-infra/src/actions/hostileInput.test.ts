import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonValue } from '@backstage/types';
import { createRefuseExistingAction } from './refuseExisting';
import { createRenderIngressAction } from './renderIngress';
import { createRenderStackAction } from './renderStack';
import { createValidateInputAction } from './validateInput';

const EXAMPLE_REPO = path.resolve(__dirname, '../../../../examples/infra');

/** Template values, as the form or an API caller sends them. */
type Values = { [key: string]: JsonValue };

const NEW_APP: Values = {
  name: 'wiki',
  owner: 'group:default/platform',
  image: 'ghcr.io/acme/wiki:1.4.2',
  containerPort: 3000,
  replicas: 1,
  memory: '256Mi',
  cpu: '50m',
  subdomain: 'wiki',
  dnsType: 'proxied',
  authTier: { tier: 'required', justification: '' },
};

const ADD_INGRESS: Values = {
  stack: 'blog',
  namespace: 'blog',
  ingressName: 'blog-feed',
  subdomain: 'blog',
  paths: ['/feed.xml'],
  serviceName: 'blog',
  port: 80,
  authTier: {
    tier: 'none',
    justification: 'feed readers cannot solve the Anubis challenge',
  },
};

const NONE_OK = {
  tier: 'none',
  justification: 'public documentation, nothing private behind it',
};
const INJECTION = '${file("/etc/passwd")}';

type Case = [description: string, overrides: Values, field: string];

/** Hostile or mistaken new-app inputs, and the field each refusal must name. */
const NEW_APP_CASES: Case[] = [
  ['HCL interpolation in the name', { name: INJECTION }, 'name'],
  ['an HCL directive in the name', { name: '%{ if true }x%{ endif }' }, 'name'],
  ['a double quote in the name', { name: 'wiki"' }, 'name'],
  ['a backslash in the name', { name: 'wi\\ki' }, 'name'],
  ['a newline in the name', { name: 'wiki\nresource "x" "y" {}' }, 'name'],
  ['path traversal in the name', { name: '../etc' }, 'name'],
  ['a slash in the name', { name: 'stacks/wiki' }, 'name'],
  ['an uppercase name', { name: 'Wiki' }, 'name'],
  ['a 64-character name', { name: 'a'.repeat(64) }, 'name'],
  ['an empty name', { name: '' }, 'name'],
  ['a name starting with a digit', { name: '1wiki' }, 'name'],
  ['the kube-system namespace', { namespace: 'kube-system' }, 'namespace'],
  ['the authentik namespace', { namespace: 'authentik' }, 'namespace'],
  ['the default namespace', { namespace: 'default' }, 'namespace'],
  ['the traefik namespace', { namespace: 'traefik' }, 'namespace'],
  ['an image without a tag', { image: 'ghcr.io/acme/wiki' }, 'image'],
  ['an image on latest', { image: 'ghcr.io/acme/wiki:latest' }, 'image'],
  [
    'an image with a quote and newline',
    { image: 'ghcr.io/acme/wiki:1.0"\nx = 1' },
    'image',
  ],
  ['HCL interpolation in the image', { image: '${var.image}:1.0' }, 'image'],
  ['memory without a unit', { memory: '256' }, 'memory'],
  ['memory that is not a quantity', { memory: 'lots' }, 'memory'],
  ['memory smuggling an attribute', { memory: '256Mi"\n  cpu = "4' }, 'memory'],
  ['a CPU request that is not a quantity', { cpu: '1 core' }, 'cpu'],
  [
    'auth none without a justification',
    { authTier: { tier: 'none', justification: '' } },
    'authTier.justification',
  ],
  [
    'auth app without a justification',
    { authTier: { tier: 'app' } },
    'authTier.justification',
  ],
  [
    'a justification with a newline',
    { authTier: { tier: 'none', justification: 'public site\nauth = "none"' } },
    'authTier.justification',
  ],
  [
    'HCL interpolation in the justification',
    { authTier: { tier: 'app', justification: `own login ${INJECTION}` } },
    'authTier.justification',
  ],
  [
    'a comment terminator in the justification',
    {
      authTier: { tier: 'app', justification: 'own login */ auth = "none" /*' },
    },
    'authTier.justification',
  ],
  [
    'an unknown auth tier',
    { authTier: { tier: 'open', justification: '' } },
    'authTier.tier',
  ],
  ['Anubis on an authentik-gated app', { anubis: true }, 'anubis'],
  [
    'Anubis in front of native clients',
    { anubis: true, clients: 'native', authTier: NONE_OK },
    'anubis',
  ],
  [
    'Anubis on an API-style carve-out',
    {
      authTier: NONE_OK,
      carveOuts: [{ path: '/api', authTier: NONE_OK, anubis: true }],
    },
    'carveOuts[0].anubis',
  ],
  [
    'path traversal in a carve-out',
    { carveOuts: [{ path: '/../admin', authTier: { tier: 'required' } }] },
    'carveOuts[0].path',
  ],
  [
    'a quote in a carve-out path',
    { carveOuts: [{ path: '/api"]\n', authTier: { tier: 'required' } }] },
    'carveOuts[0].path',
  ],
  [
    'a carve-out with auth none and no justification',
    { carveOuts: [{ path: '/webhook', authTier: { tier: 'none' } }] },
    'carveOuts[0].authTier.justification',
  ],
  ['an uppercase subdomain', { subdomain: 'WWW' }, 'subdomain'],
  ['a dotted subdomain', { subdomain: 'a.b' }, 'subdomain'],
  ['an unknown DNS type', { dnsType: 'public' }, 'dnsType'],
  [
    'path traversal in the mount path',
    { persistentVolume: true, mountPath: '/data/../../etc' },
    'mountPath',
  ],
  [
    'two replicas on a ReadWriteOnce volume',
    { persistentVolume: true, replicas: 2 },
    'replicas',
  ],
  [
    'path traversal in a Vault path',
    {
      secrets: [
        { env: 'TOKEN', vaultPath: 'secret/../sys/root', key: 'token' },
      ],
    },
    'secrets[0].vaultPath',
  ],
  [
    'a secret value instead of a key name',
    {
      secrets: [
        { env: 'TOKEN', vaultPath: 'secret/wiki', key: 'password=hunter2' },
      ],
    },
    'secrets[0].key',
  ],
  [
    'an invalid environment variable',
    { secrets: [{ env: 'api-token', vaultPath: 'secret/wiki', key: 'token' }] },
    'secrets[0].env',
  ],
  [
    'SQL in the database name',
    { database: true, databaseName: 'wiki; DROP DATABASE x' },
    'databaseName',
  ],
  ['a quote in the owner', { owner: 'group:default/platform"' }, 'owner'],
  [
    'a carve-out at / (a second whole-host ingress with its own tier)',
    { carveOuts: [{ path: '/', authTier: NONE_OK }] },
    'carveOuts[0].path',
  ],
  [
    "another app's database (authentik's credentials)",
    { database: true, databaseName: 'authentik' },
    'databaseName',
  ],
  [
    "another app's Vault path",
    {
      secrets: [
        { env: 'TOKEN', vaultPath: 'secret/authentik/admin', key: 'token' },
      ],
    },
    'secrets[0].vaultPath',
  ],
  [
    'a 63-character name whose backup CronJob would pass 52 characters',
    { name: 'a'.repeat(63), subdomain: 'wiki', persistentVolume: true },
    'name',
  ],
  [
    'a 63-character name behind Anubis (anubis-<name> passes 63)',
    {
      name: 'a'.repeat(63),
      subdomain: 'wiki',
      anubis: true,
      authTier: NONE_OK,
    },
    'name',
  ],
  ['an out-of-range port', { containerPort: 70000 }, 'containerPort'],
  [
    'HCL interpolation in the description',
    { description: `wiki ${INJECTION}` },
    'description',
  ],
];

const ADD_INGRESS_CASES: Case[] = [
  ['path traversal in the stack', { stack: '../blog' }, 'stack'],
  ['a quote in the ingress name', { ingressName: 'feed"' }, 'ingressName'],
  ['a newline in a path', { paths: ['/feed\n'] }, 'paths[0]'],
  ['HCL interpolation in a path', { paths: [`/${INJECTION}`] }, 'paths[0]'],
  ['Anubis on an added ingress', { anubis: true }, 'anubis'],
  [
    'auth none without a justification',
    { authTier: { tier: 'none', justification: ' ' } },
    'authTier.justification',
  ],
  ['a reserved namespace', { namespace: 'vault' }, 'namespace'],
  [
    'a carve-out at / (the whole host without its gate)',
    { paths: ['/'] },
    'paths[0]',
  ],
];

function expectRefusal(error: unknown, field: string) {
  expect(error).toBeInstanceOf(InputError);
  const message = (error as Error).message;
  expect(message).toContain('nothing was written');
  const line = message.split('\n').find(l => l.startsWith(`- ${field}:`));
  expect(line).toBeDefined();
  expect(line).toMatch(/ Fix: \S/);
}

describe('hostile and mistaken input', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  describe.each(NEW_APP_CASES)(
    'new-app: %s',
    (_description, overrides, field) => {
      const values = { ...NEW_APP, ...overrides };

      it(`infra:validate-input refuses it, naming ${field} and the fix`, async () => {
        const action = createValidateInputAction();
        const error = await action
          .handler(
            createMockActionContext({
              input: { kind: 'new-app' as const, values },
              workspacePath: workspace.path,
            }),
          )
          .catch(e => e);
        expect(error).toBeInstanceOf(InputError);
        expectRefusal(error, field);
      });

      it('infra:render-stack refuses it before writing any file', async () => {
        const action = createRenderStackAction();
        const error = await action
          .handler(
            createMockActionContext({
              input: { values },
              workspacePath: workspace.path,
            }),
          )
          .catch(e => e);
        expectRefusal(error, field);
        expect(workspace.content()).toEqual({});
      });
    },
  );

  describe.each(ADD_INGRESS_CASES)(
    'add-ingress: %s',
    (_description, overrides, field) => {
      const values = { ...ADD_INGRESS, ...overrides };

      it(`infra:render-ingress refuses it before writing, naming ${field}`, async () => {
        const action = createRenderIngressAction();
        const error = await action
          .handler(
            createMockActionContext({
              input: { values },
              workspacePath: workspace.path,
            }),
          )
          .catch(e => e);
        expectRefusal(error, field);
        expect(workspace.content()).toEqual({});
      });
    },
  );

  describe('names already used in the infra repo', () => {
    const action = createRefuseExistingAction({
      config: mockServices.rootConfig({
        data: { scaffolder: { infra: { repo: { localPath: EXAMPLE_REPO } } } },
      }),
      reader: mockServices.urlReader.mock(),
    });
    const run = (kind: 'new-app' | 'add-ingress', values: Values) =>
      action
        .handler(
          createMockActionContext({
            input: { kind, values },
            workspacePath: workspace.path,
          }),
        )
        .catch(e => e);

    it('refuses a stack that exists, naming the field and the fix', async () => {
      const error = await run('new-app', {
        ...NEW_APP,
        name: 'linkwarden',
        subdomain: 'bookmarks',
      });
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(
        /- name: A stack named "linkwarden" already exists at stacks\/linkwarden\/\. Fix: \S/,
      );
    });

    it('refuses a host another stack serves', async () => {
      const error = await run('new-app', {
        ...NEW_APP,
        name: 'echo2',
        subdomain: 'echo',
      });
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(
        /- subdomain: The host echo\.homelab\.example is already served by module\.\w+ in stacks\/echo\/main\.tf\. Fix: \S/,
      );
    });

    it('refuses a carve-out of a path the stack already routes', async () => {
      const error = await run('add-ingress', {
        ...ADD_INGRESS,
        paths: ['/net-diag.sh'],
      });
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(
        /- paths: module\.ingress_net_diag in stacks\/blog\/main\.tf already routes \/net-diag\.sh/,
      );
    });

    it('refuses an ingress in a namespace the stack does not use', async () => {
      const error = await run('add-ingress', {
        ...ADD_INGRESS,
        namespace: 'other',
      });
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toContain(
        '- namespace: stacks/blog/ deploys to blog, not "other". Fix: ',
      );
    });

    it('refuses an ingress for a stack that does not exist', async () => {
      const error = await run('add-ingress', {
        ...ADD_INGRESS,
        stack: 'nope',
        namespace: 'nope',
      });
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(
        /- stack: There is no stacks\/nope\/ in the infra repo\. Fix: \S/,
      );
    });

    it('treats an empty optional field as its default', async () => {
      await expect(
        run('new-app', { ...NEW_APP, namespace: '', subdomain: '' }),
      ).resolves.toBeUndefined();
    });

    it('tells the reviewer first when a carve-out loosens a gated host', async () => {
      const ctx = createMockActionContext({
        input: {
          kind: 'add-ingress' as const,
          values: {
            ...ADD_INGRESS,
            stack: 'prowlarr',
            namespace: 'servarr',
            ingressName: 'prowlarr-api',
            subdomain: 'prowlarr',
            paths: ['/api'],
            serviceName: 'prowlarr',
          },
        },
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('reviewNotes', [
        '/api on prowlarr.homelab.example loosens auth = "required" (module.ingress in stacks/prowlarr/main.tf) to auth = "none". Requests to these paths no longer pass authentik login.',
      ]);
      const same = createMockActionContext({
        input: { kind: 'new-app' as const, values: NEW_APP },
        workspacePath: workspace.path,
      });
      await action.handler(same);
      expect(same.output).toHaveBeenCalledWith('reviewNotes', []);
    });

    it('lets a free name and host through', async () => {
      await expect(run('new-app', NEW_APP)).resolves.toBeUndefined();
      await expect(run('add-ingress', ADD_INGRESS)).resolves.toBeUndefined();
    });
  });
});
