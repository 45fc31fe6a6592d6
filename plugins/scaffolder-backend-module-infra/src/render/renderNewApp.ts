import { alignAttributes } from '../hcl/alignAttributes';
import { NewAppSpec } from '../spec/types';
import { RenderedFile } from './types';
import { renderIngressTf } from './newAppIngress';
import { renderSecretsTf } from './newAppSecrets';
import { renderStorageTf } from './newAppStorage';
import { renderDeploymentTf, renderMainTf } from './newAppWorkload';
import { renderCatalogInfo, renderDocsIndex, renderMkdocs } from './newAppDocs';

// As stacks/_template: the root config, and applied after the platform stack
// (Traefik, authentik, the storage classes) without reading its outputs.
const TERRAGRUNT_HCL = `include "root" {
  path = find_in_parent_folders()
}

dependency "platform" {
  config_path  = "../platform"
  skip_outputs = true
}
`;

/** Every file of a new stack, under `stacks/<name>/`. */
export function renderNewApp(spec: NewAppSpec): RenderedFile[] {
  const dir = `stacks/${spec.name}`;
  const files: Array<[string, string | undefined]> = [
    ['terragrunt.hcl', TERRAGRUNT_HCL],
    ['main.tf', renderMainTf(spec)],
    ['deployment.tf', renderDeploymentTf(spec)],
    ['storage.tf', renderStorageTf(spec)],
    ['secrets.tf', renderSecretsTf(spec)],
    ['ingress.tf', renderIngressTf(spec)],
    ['catalog-info.yaml', renderCatalogInfo(spec)],
    ['mkdocs.yml', renderMkdocs(spec)],
    ['docs/index.md', renderDocsIndex(spec)],
  ];
  return files
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, content]) => ({
      path: `${dir}/${name}`,
      // Formatted as `terraform fmt` would, so a reviewer's fmt changes nothing.
      content: /\.(tf|hcl)$/.test(name) ? alignAttributes(content) : content,
    }));
}
