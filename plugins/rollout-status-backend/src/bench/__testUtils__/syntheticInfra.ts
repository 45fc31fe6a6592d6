import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A synthetic infra repo for the bench: `releases` Helm releases spread
 * over stacks of `perNamespace` each (one namespace per stack), so the
 * shared per-namespace reads are exercised as on a larger cluster.
 * Returns the repo's path (a fresh temp dir).
 */
export async function writeSyntheticInfra(options: {
  releases: number;
  perNamespace: number;
}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rollout-bench-infra-'));
  const stacks = Math.ceil(options.releases / options.perNamespace);
  for (let s = 0; s < stacks; s++) {
    const stack = `apps-${String(s + 1).padStart(2, '0')}`;
    const releases: string[] = [];
    for (let r = 0; r < options.perNamespace; r++) {
      const index = s * options.perNamespace + r;
      if (index >= options.releases) break;
      const name = `app-${String(index + 1).padStart(2, '0')}`;
      releases.push(`resource "helm_release" "${name.replace('-', '_')}" {
  name       = "${name}"
  namespace  = kubernetes_namespace.this.metadata[0].name
  repository = "https://charts.homelab.example"
  chart      = "${name}"
  version    = "1.${index}.0"
}
`);
    }
    const dir = join(root, 'stacks', stack);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'terragrunt.hcl'),
      'include "root" {\n  path = find_in_parent_folders()\n}\n',
    );
    await writeFile(
      join(dir, 'main.tf'),
      `resource "kubernetes_namespace" "this" {
  metadata {
    name = "${stack}"
  }
}

${releases.join('\n')}`,
    );
  }
  await writeFile(join(root, 'terragrunt.hcl'), '# synthetic root\n');
  return root;
}
