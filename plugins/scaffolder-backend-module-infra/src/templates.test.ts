import path from 'node:path';
import type { JsonObject } from '@backstage/types';
import { createInfraGitRepo, InfraGitRepo } from './__testUtils__/infraGitRepo';
import { startFakeForgejo } from './__testUtils__/fakeForgejo';
import {
  runTask,
  templateEntities,
  TEMPLATES_DIR,
} from './__testUtils__/scaffolderTasks';
import {
  DryRunStepError,
  dryRunTemplate,
  loadTemplate,
} from './dryRun/dryRunTemplate';
import {
  ScaffolderBackend,
  startScaffolderBackend,
} from './dryRun/startScaffolderBackend';

jest.setTimeout(120_000);

const TOKEN = 'forgejo-token-never-logged-9876';

const NEW_APP = {
  name: 'wiki',
  owner: 'group:default/platform',
  description: 'Team wiki',
  image: 'ghcr.io/acme/wiki:1.4.2',
  containerPort: 3000,
  replicas: 1,
  memory: '256Mi',
  cpu: '50m',
  subdomain: 'wiki',
  dnsType: 'proxied',
  authTier: {
    tier: 'app',
    justification: 'the wiki has its own login (OIDC accounts)',
  },
  persistentVolume: true,
  sensitiveData: true,
  database: true,
  secrets: [
    { env: 'SMTP_PASSWORD', vaultPath: 'secret/wiki', key: 'smtp_password' },
  ],
};

const ADD_INGRESS = {
  stack: 'blog',
  namespace: 'blog',
  ingressName: 'blog-feed',
  subdomain: 'blog',
  paths: ['/feed.xml'],
  serviceName: 'blog',
  port: 80,
  dnsType: 'none',
  authTier: {
    tier: 'none',
    justification: 'feed readers fetch the RSS feed and cannot solve Anubis',
  },
  clients: 'native',
};

const NEW_APP_FILES = [
  'stacks/wiki/catalog-info.yaml',
  'stacks/wiki/deployment.tf',
  'stacks/wiki/docs/index.md',
  'stacks/wiki/ingress.tf',
  'stacks/wiki/main.tf',
  'stacks/wiki/mkdocs.yml',
  'stacks/wiki/secrets.tf',
  'stacks/wiki/storage.tf',
  'stacks/wiki/terragrunt.hcl',
];

describe('the templates through the real scaffolder backend', () => {
  let repo: InfraGitRepo;
  let forgejo: Awaited<ReturnType<typeof startFakeForgejo>>;
  let backend: ScaffolderBackend;

  beforeAll(async () => {
    repo = createInfraGitRepo();
    forgejo = await startFakeForgejo({ token: TOKEN });
    const config: JsonObject = {
      backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
      scaffolder: {
        infra: {
          repo: { localPath: repo.checkout },
          forgejo: {
            baseUrl: forgejo.baseUrl,
            owner: 'homelab',
            repo: 'infra',
            token: TOKEN,
            gitUrl: repo.remote,
          },
        },
      },
    };
    backend = await startScaffolderBackend(config, {
      entities: await templateEntities(),
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await forgejo?.close();
    repo?.remove();
  });

  describe('dry run', () => {
    it('new-app produces the stack without pushing anything', async () => {
      const result = await dryRunTemplate(
        backend,
        await loadTemplate(path.join(TEMPLATES_DIR, 'new-app')),
        NEW_APP,
      );
      expect(result.files.map(f => f.path).sort()).toEqual(NEW_APP_FILES);
      const ingress = result.files
        .find(f => f.path === 'stacks/wiki/ingress.tf')!
        .content.toString();
      expect(ingress).toContain(
        '  # auth = "app": the wiki has its own login (OIDC accounts)\n  auth = "app"\n',
      );
      expect(repo.branches()).toEqual(['main']);
      expect(forgejo.received).toEqual([]);
    });

    it('add-ingress produces one new file', async () => {
      const result = await dryRunTemplate(
        backend,
        await loadTemplate(path.join(TEMPLATES_DIR, 'add-ingress')),
        ADD_INGRESS,
      );
      expect(result.files.map(f => f.path)).toEqual([
        'stacks/blog/ingress_blog_feed.tf',
      ]);
      expect(result.files[0].content.toString()).toContain(
        'ingress_path    = ["/feed.xml"]',
      );
    });

    it("says the form schema's own refusals in words, with the field and the fix", async () => {
      const template = await loadTemplate(path.join(TEMPLATES_DIR, 'new-app'));
      const ingressPage = await dryRunTemplate(backend, template, {
        ...NEW_APP,
        dnsType: 'public',
      }).catch(e => e);
      expect(ingressPage).toBeInstanceOf(DryRunStepError);
      expect(ingressPage.message.split('\n')).toEqual([
        'The form was refused; nothing was written:',
        '- dnsType: DNS: "public" is not one of the choices. Fix: Pick one of proxied, non-proxied, none.',
      ]);
    });

    it('leaves the checked fields to the shared rules: the first step refuses them in their words', async () => {
      // The template keeps no pattern for a field the shared rules check
      // (the form shows the same rules at the field).
      const template = await loadTemplate(path.join(TEMPLATES_DIR, 'new-app'));
      const refused = await dryRunTemplate(backend, template, {
        ...NEW_APP,
        name: 'Wiki',
        carveOuts: [{ path: 'api', authTier: { tier: 'required' } }],
      }).catch(e => e);
      expect(refused).toBeInstanceOf(DryRunStepError);
      const lines: string[] = refused.message.split('\n');
      expect(lines[0]).toBe(
        'The new-app request was refused; nothing was written:',
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^- name: The app name "Wiki" is not a DNS-1123 label\./,
        ),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^- carveOuts\[0\]\.path: The path "api" is not a plain absolute URL path\./,
        ),
      );
    });

    it.each([
      [
        'new-app',
        ['name', 'namespace', 'image', 'memory', 'carveOuts', 'secrets'],
      ],
      ['add-ingress', ['stack', 'namespace', 'paths', 'authTier']],
    ])(
      'names every field the shared rules of %s check with its own parameter name',
      async (dir, expected) => {
        // A validator is not told which parameter it checks: the template says
        // so in ui:options.parameter, and a wrong name would check another field.
        const template = await loadTemplate(path.join(TEMPLATES_DIR, dir));
        type Property = {
          'ui:options'?: { rules?: string; parameter?: string };
          items?: Property & { properties?: Record<string, Property> };
        };
        const pages = (
          template.spec as {
            parameters: Array<{ properties: Record<string, Property> }>;
          }
        ).parameters;
        const named: Array<[string, string | undefined]> = [];
        const rules = new Set<string>();
        for (const page of pages)
          for (const [key, prop] of Object.entries(page.properties)) {
            const own = prop['ui:options'];
            if (own?.rules) named.push([key, own.parameter]);
            if (own?.rules) rules.add(own.rules);
            const items = prop.items ?? {};
            for (const item of [
              items,
              ...Object.values(items.properties ?? {}),
            ])
              if (item['ui:options']?.rules) {
                named.push([key, item['ui:options'].parameter]);
                rules.add(item['ui:options'].rules);
              }
          }
        expect(named.filter(([key, field]) => key !== field)).toEqual([]);
        expect(named.map(([key]) => key)).toEqual(
          expect.arrayContaining(expected),
        );
        expect([...rules]).toEqual([dir]);
      },
    );

    it('stops with the failing step message for an existing stack', async () => {
      const error = await dryRunTemplate(
        backend,
        await loadTemplate(path.join(TEMPLATES_DIR, 'new-app')),
        // No secrets: secret/wiki would (rightly) not be linkwarden's.
        { ...NEW_APP, name: 'linkwarden', subdomain: 'links', secrets: [] },
      ).catch(e => e);
      expect(error).toBeInstanceOf(DryRunStepError);
      expect(error.message).toContain(
        '- name: A stack named "linkwarden" already exists at stacks/linkwarden/.',
      );
    });
  });

  describe('full task', () => {
    it('new-app pushes a branch with the stack and opens a pull request describing it', async () => {
      const task = await runTask(
        backend,
        'template:default/infra-new-app',
        NEW_APP,
      );
      expect(task.status).toBe('completed');
      expect(task.output.links).toEqual([
        {
          title: 'Pull request',
          url: 'http://forgejo.test/homelab/infra/pulls/1',
        },
      ]);

      expect(repo.changedFiles('portal/new-app-wiki').sort()).toEqual(
        NEW_APP_FILES,
      );
      const files = repo.filesOf('portal/new-app-wiki');
      expect(files['stacks/wiki/storage.tf']).toContain(
        'storage_class_name = "proxmox-lvm-encrypted"',
      );
      expect(files['stacks/wiki/secrets.tf']).toContain(
        'property = "smtp_password"',
      );
      expect(files['stacks/blog/main.tf']).toBe(
        repo.filesOf('main')['stacks/blog/main.tf'],
      );

      const pr = forgejo.received.find(
        r => r.body.head === 'portal/new-app-wiki',
      )!;
      expect(pr.body.title).toBe('New app: wiki');
      expect(pr.body.base).toBe('main');
      const body = pr.body.body!;
      expect(body).toContain(
        'New app wiki in namespace wiki, owned by group:default/platform.',
      );
      for (const f of NEW_APP_FILES) expect(body).toContain(`- \`${f}\``);
      expect(body).toContain('- `module.ingress`: `auth = "app"`.');
      expect(body).toContain(
        '  - Justification: the wiki has its own login (OIDC accounts)',
      );
      expect(body).toContain('## Convention checks passed');
      expect(body).toContain(
        '- Every workload and CronJob ignores dns_config (KYVERNO_LIFECYCLE_V1)',
      );
      expect(task.log.join('\n')).not.toContain(TOKEN);
    });

    it('add-ingress pushes only the new file and opens a pull request', async () => {
      const task = await runTask(
        backend,
        'template:default/infra-add-ingress',
        ADD_INGRESS,
      );
      expect(task.status).toBe('completed');
      expect(repo.changedFiles('portal/add-ingress-blog-blog-feed')).toEqual([
        'stacks/blog/ingress_blog_feed.tf',
      ]);
      const pr = forgejo.received.find(
        r => r.body.head === 'portal/add-ingress-blog-blog-feed',
      )!;
      expect(pr.body.title).toBe('Add ingress blog-feed to blog');
      expect(pr.body.body).toContain(
        '- `module.ingress_blog_feed` (paths /feed.xml): `auth = "none"`.',
      );
      expect(pr.body.body).toContain(
        '  - Justification: feed readers fetch the RSS feed and cannot solve Anubis',
      );
    });

    it('refuses hostile input at the first step: no branch, no pull request', async () => {
      const before = forgejo.received.length;
      const branchesBefore = repo.branches();
      const task = await runTask(backend, 'template:default/infra-new-app', {
        ...NEW_APP,
        name: 'evil',
        namespace: 'kube-system',
        image: 'ghcr.io/acme/evil:latest',
        authTier: { tier: 'none', justification: '' },
      });
      expect(task.status).toBe('failed');
      const log = task.log.join('\n');
      expect(log).toContain(
        '- namespace: The namespace "kube-system" is reserved',
      );
      expect(log).toContain(
        '- image: The image "ghcr.io/acme/evil:latest" uses the "latest" tag.',
      );
      expect(log).toContain(
        '- authTier.justification: The justification for auth = "none" is missing.',
      );
      expect(log).not.toContain('Beginning step Generate the stack');
      expect(repo.branches()).toEqual(branchesBefore);
      expect(forgejo.received.length).toBe(before);
    });
  });
});
