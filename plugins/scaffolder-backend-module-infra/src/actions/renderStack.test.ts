import fs from 'node:fs';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonValue } from '@backstage/types';
import { parseHcl } from '@internal/backstage-plugin-infra-node';
import { parse } from 'yaml';
import { createRenderStackAction } from './renderStack';

const BASE: { [key: string]: JsonValue } = {
  name: 'wiki',
  owner: 'group:default/platform',
  description: 'Team wiki with "quotes" and a \\ backslash',
  image: 'ghcr.io/acme/wiki:1.4.2',
  containerPort: 3000,
  replicas: 1,
  memory: '512Mi',
  cpu: '50m',
  subdomain: 'wiki',
  dnsType: 'proxied',
  authTier: {
    tier: 'app',
    justification: 'the wiki has its own login (OIDC accounts)',
  },
};

describe('infra:render-stack', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  async function render(values: { [key: string]: JsonValue }) {
    const ctx = createMockActionContext({
      input: { values },
      workspacePath: workspace.path,
    });
    await createRenderStackAction().handler(ctx);
    return ctx;
  }
  const read = (p: string): string =>
    fs.readFileSync(path.join(workspace.path, p), 'utf8');

  it('writes the stack, catalog-info and TechDocs, and reports the files', async () => {
    const ctx = await render(BASE);
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'stacks/wiki/terragrunt.hcl',
      'stacks/wiki/main.tf',
      'stacks/wiki/deployment.tf',
      'stacks/wiki/ingress.tf',
      'stacks/wiki/catalog-info.yaml',
      'stacks/wiki/mkdocs.yml',
      'stacks/wiki/docs/index.md',
    ]);
    const catalog = parse(read('stacks/wiki/catalog-info.yaml'));
    expect(catalog.spec.owner).toBe('group:default/platform');
    expect(catalog.metadata.description).toBe(BASE.description);
    expect(
      catalog.metadata.annotations['infra.homelab/auth-justification'],
    ).toBe('the wiki has its own login (OIDC accounts)');
  });

  it('puts the justification on the line directly above auth, in the checked form', async () => {
    await render(BASE);
    const lines = read('stacks/wiki/ingress.tf').split('\n');
    const auth = lines.findIndex(l => l.trim() === 'auth = "app"');
    expect(lines[auth - 1].trim()).toBe(
      '# auth = "app": the wiki has its own login (OIDC accounts)',
    );
  });

  it('sets memory request = limit and only a CPU request, with the Kyverno lifecycle', async () => {
    await render(BASE);
    const tf = read('stacks/wiki/deployment.tf');
    const parsed = await parseHcl('deployment.tf', tf);
    expect(parsed.error).toBeUndefined();
    expect(tf).toMatch(
      /requests = \{\s+cpu\s+= "50m"\s+memory = "512Mi"\s+\}\s+limits = \{\s+memory = "512Mi"\s+\}/,
    );
    expect(tf).not.toMatch(/limits = \{[^}]*cpu/);
    expect(tf).toMatch(
      /# KYVERNO_LIFECYCLE_V1[^\n]*\n\s+ignore_changes = \[spec\[0\]\.template\[0\]\.spec\[0\]\.dns_config\]/,
    );
  });

  it('raises a critical-path app to 3 replicas with a PDB of minAvailable 2', async () => {
    await render({ ...BASE, criticalPath: true, replicas: 1 });
    const tf = read('stacks/wiki/deployment.tf');
    expect(tf).toMatch(/replicas = 3/);
    expect(tf).toMatch(
      /resource "kubernetes_pod_disruption_budget_v1" "wiki" \{[\s\S]*min_available = 2/,
    );
  });

  it('puts sensitive data on an encrypted volume with the PVC template, Recreate and a backup CronJob', async () => {
    await render({
      ...BASE,
      persistentVolume: true,
      sensitiveData: true,
      volumeSize: '2Gi',
      volumeLimit: '10Gi',
    });
    const storage = read('stacks/wiki/storage.tf');
    expect(storage).toContain('storage_class_name = "proxmox-lvm-encrypted"');
    expect(storage).toContain('name      = "wiki-data-encrypted"');
    expect(storage).toContain('wait_until_bound = false');
    expect(storage).toContain('"resize.topolvm.io/storage_limit" = "10Gi"');
    expect(storage).toContain(
      'ignore_changes = [spec[0].resources[0].requests]',
    );
    expect(storage).toContain('nfs_path   = "/mnt/main/wiki-backup"');
    expect(storage).toContain(
      'ignore_changes = [spec[0].job_template[0].spec[0].template[0].spec[0].dns_config]',
    );
    expect(read('stacks/wiki/deployment.tf')).toMatch(
      /strategy \{\s+type = "Recreate"\s+\}/,
    );
  });

  it('uses plain proxmox-lvm for non-sensitive data', async () => {
    await render({ ...BASE, persistentVolume: true, sensitiveData: false });
    expect(read('stacks/wiki/storage.tf')).toContain(
      'storage_class_name = "proxmox-lvm"',
    );
  });

  it('references the database and secrets in Vault by path and key only, with the Reloader annotation', async () => {
    await render({
      ...BASE,
      database: true,
      readsSecretAtStartOnly: true,
      secrets: [
        {
          env: 'SMTP_PASSWORD',
          vaultPath: 'secret/wiki',
          key: 'smtp_password',
        },
      ],
    });
    const secrets = read('stacks/wiki/secrets.tf');
    expect(secrets).toContain('name = "vault-database"');
    expect(secrets).toContain('key      = "static-creds/pg-wiki"');
    expect(secrets).toContain('key      = "wiki"');
    expect(secrets).toContain('property = "smtp_password"');
    expect(read('stacks/wiki/deployment.tf')).toContain(
      '"secret.reloader.stakater.com/reload" = "wiki-db-creds"',
    );
  });

  it('leaves the Reloader annotation out when the app re-reads the secret itself', async () => {
    await render({ ...BASE, database: true, readsSecretAtStartOnly: false });
    expect(read('stacks/wiki/deployment.tf')).not.toContain('reloader');
  });

  it('gives every ingress of a 63-character app its own Kubernetes name within 63 characters', async () => {
    const name = `w${'x'.repeat(62)}`;
    const none = {
      tier: 'none',
      justification: 'webhooks sign their requests',
    };
    await render({
      ...BASE,
      name,
      subdomain: name,
      carveOuts: [
        { path: '/api/webhooks/github', authTier: none },
        { path: '/api/webhooks/gitlab', authTier: none },
      ],
    });
    const names = [
      ...read(`stacks/${name}/ingress.tf`).matchAll(/^ {2}name += "([^"]+)"/gm),
    ].map(m => m[1]);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(63);
      expect(n).toMatch(/^[a-z]([a-z0-9-]*[a-z0-9])?$/);
    }
  });

  it('never overwrites a file, and writes nothing when one exists', async () => {
    workspace.setContent({
      stacks: { wiki: { 'main.tf': '# hand-written\n' } },
    });
    const error = await render(BASE).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('stacks/wiki/main.tf already exists');
    expect(fs.readdirSync(path.join(workspace.path, 'stacks/wiki'))).toEqual([
      'main.tf',
    ]);
    expect(read('stacks/wiki/main.tf')).toBe('# hand-written\n');
  });
});
