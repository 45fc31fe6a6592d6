import fs from 'node:fs';
import path from 'node:path';
import type { JsonValue } from '@backstage/types';
import { createInfraGitRepo, InfraGitRepo } from './__testUtils__/infraGitRepo';
import { startFakeForgejo } from './__testUtils__/fakeForgejo';
import {
  checkModuleCalls,
  formatModuleCallProblem,
} from './conventions/checkModuleCalls';
import { runTask, templateEntities } from './__testUtils__/scaffolderTasks';
import {
  ScaffolderBackend,
  startScaffolderBackend,
} from './dryRun/startScaffolderBackend';

jest.setTimeout(120_000);

const TOKEN = 'forgejo-token-module-calls';

const NEW_APP = {
  owner: 'group:default/platform',
  image: 'ghcr.io/acme/notes:2.0.1',
  containerPort: 8080,
  replicas: 1,
  memory: '128Mi',
  cpu: '20m',
  dnsType: 'proxied',
  authTier: { tier: 'required', justification: '' },
  persistentVolume: true,
  sensitiveData: false,
};

/**
 * The module check reads the TARGET repo's modules: each case edits a module
 * in the checkout `scaffolder.infra.repo.localPath` points at (as an admin's
 * merged change would) and runs the whole new-app task through the
 * scaffolder API. A mismatch must stop the task before anything is pushed.
 */
describe('generated module calls against the target repo', () => {
  let repo: InfraGitRepo;
  let forgejo: Awaited<ReturnType<typeof startFakeForgejo>>;
  let backend: ScaffolderBackend;
  const restore: Array<() => void> = [];

  const editModule = (file: string, edit: (text: string) => string) => {
    const abs = path.join(repo.checkout, file);
    const before = fs.readFileSync(abs, 'utf8');
    fs.writeFileSync(abs, edit(before));
    restore.push(() => fs.writeFileSync(abs, before));
  };

  const expectStoppedBeforePush = async (
    name: string,
    values: { [key: string]: JsonValue },
    messages: string[],
  ) => {
    const prsBefore = forgejo.received.length;
    const task = await runTask(backend, 'template:default/infra-new-app', {
      ...NEW_APP,
      ...values,
      name,
    });
    expect(task.status).toBe('failed');
    const log = task.log.join('\n');
    for (const m of messages) expect(log).toContain(m);
    expect(log).not.toContain('Beginning step Open the pull request');
    expect(repo.branches()).not.toContain(`portal/new-app-${name}`);
    expect(forgejo.received.length).toBe(prsBefore);
  };

  beforeAll(async () => {
    repo = createInfraGitRepo();
    forgejo = await startFakeForgejo({ token: TOKEN });
    backend = await startScaffolderBackend(
      {
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
      },
      { entities: await templateEntities() },
    );
  });

  afterEach(() => {
    while (restore.length) restore.pop()!();
  });

  afterAll(async () => {
    await backend?.stop();
    await forgejo?.close();
    repo?.remove();
  });

  it('passes when every call matches, and says so in the pull request', async () => {
    const task = await runTask(backend, 'template:default/infra-new-app', {
      ...NEW_APP,
      name: 'jotter',
    });
    expect(task.status).toBe('completed');
    const pr = forgejo.received.find(
      r => r.body.head === 'portal/new-app-jotter',
    )!;
    expect(pr.body.body).toContain(
      '- Every module call (3, 13 arguments) matches the variables of its module in the infra repo (modules/kubernetes/ingress_factory, modules/kubernetes/nfs_volume, modules/kubernetes/setup_tls_secret)',
    );
  });

  it('stops when the module requires a variable the call does not set', async () => {
    editModule('modules/kubernetes/nfs_volume/variables.tf', t =>
      t.replace(
        'variable "storage" {',
        'variable "export_owner" {\n  type = string\n}\n\nvariable "storage" {',
      ),
    );
    await expectStoppedBeforePush('jotter-required', {}, [
      '1 generated module argument does not match the module in the infra repo; nothing was published:',
      '- stacks/jotter-required/storage.tf:',
      'module.backup_volume: export_owner is required by modules/kubernetes/nfs_volume (modules/kubernetes/nfs_volume/variables.tf:',
      'string, no default) and the call does not set it; terraform plan would stop on it. Fix: Set export_owner in the call, or give the variable a default in the module',
    ]);
  });

  it('stops on a value of the wrong kind for a typed variable', async () => {
    editModule('modules/kubernetes/ingress_factory/variables.tf', t =>
      t.replace(
        /variable "dns_type" \{\n {2}type += string/,
        'variable "dns_type" {\n  type    = list(string)',
      ),
    );
    await expectStoppedBeforePush('jotter-typed', {}, [
      'module.ingress: dns_type = "proxied": "proxied" is not a list (modules/kubernetes/ingress_factory/variables.tf:',
      'declares list(string)). Fix: Pass a value of type list(string).',
    ]);
  });

  it('stops on an argument the module no longer declares', async () => {
    editModule('modules/kubernetes/ingress_factory/variables.tf', t =>
      t.replace(/variable "service_name" \{[^}]*\}\n/, ''),
    );
    await expectStoppedBeforePush('jotter-gone', {}, [
      'module.ingress: service_name is not a variable of modules/kubernetes/ingress_factory (it declares ',
      'Fix: Remove service_name from the call, or declare variable "service_name" in modules/kubernetes/ingress_factory/ first',
    ]);
  });

  it('notices when a module gains a new required variable after a run that passed', async () => {
    const first = await runTask(backend, 'template:default/infra-new-app', {
      ...NEW_APP,
      name: 'jotter-before',
      persistentVolume: false,
    });
    expect(first.status).toBe('completed');
    editModule(
      'modules/kubernetes/ingress_factory/variables.tf',
      t => `${t}\nvariable "owner_team" {\n  type = string\n}\n`,
    );
    await expectStoppedBeforePush('jotter-after', { persistentVolume: false }, [
      'module.ingress: owner_team is required by modules/kubernetes/ingress_factory',
    ]);
  });
});

describe('an added ingress checked with the stack it joins', () => {
  const target = [
    {
      path: 'modules/kubernetes/ingress_factory/variables.tf',
      content:
        'variable "name" { type = string }\nvariable "namespace" { type = string }\nvariable "ingress_path" {\n  type    = list(string)\n  default = null\n}\n',
    },
    {
      path: 'stacks/shop/main.tf',
      content:
        'module "ingress" {\n  source    = "../../modules/kubernetes/ingress_factory"\n  name      = "shop"\n  namespace = "shop"\n}\n',
    },
  ];

  it('refuses a Kubernetes name another call of the same module already uses there', () => {
    const added = {
      path: 'stacks/shop/ingress_shop.tf',
      content:
        'module "ingress_shop" {\n  source       = "../../modules/kubernetes/ingress_factory"\n  name         = "shop"\n  namespace    = "shop"\n  ingress_path = ["/api"]\n}\n',
    };
    const check = checkModuleCalls([added], target);
    expect(check.problems.map(formatModuleCallProblem)).toEqual([
      'stacks/shop/ingress_shop.tf:3: module.ingress_shop: name = "shop" in namespace shop is already used by module.ingress (stacks/shop/main.tf:1), a call of the same module: both would create the same Kubernetes objects. Fix: Pick another ingress name.',
    ]);
    const renamed = checkModuleCalls(
      [
        {
          ...added,
          content: added.content.replace(
            '"shop"\n  namespace',
            '"shop-api"\n  namespace',
          ),
        },
      ],
      target,
    );
    expect(renamed.problems).toEqual([]);
    expect(renamed.callsChecked).toBe(1);
  });
});
