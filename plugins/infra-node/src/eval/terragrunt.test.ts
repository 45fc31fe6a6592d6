import { modelOf, stackOf } from '../__testUtils__/modelOf';

describe('terragrunt', () => {
  const repo = {
    'terragrunt.hcl': `
generate "tiers" {
  path      = "tiers.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOT
locals {
  tiers = { edge = "3-edge", core = "0-core" }
}
EOT
}
terraform {
  extra_arguments "vars" {
    commands           = get_terraform_commands_that_need_vars()
    required_var_files = ["\${get_repo_root()}/shared.tfvars"]
  }
}
`,
    'shared.tfvars': 'domain = "lab.example"\n',
    'stacks/db/terragrunt.hcl':
      'include "root" {\n  path = find_in_parent_folders()\n}\n',
    'stacks/db/main.tf': 'output "x" { value = 1 }\n',
    'stacks/app/terragrunt.hcl': `include "root" {
  path = find_in_parent_folders()
}
dependency "db" {
  config_path = "../db"
}
inputs = {
  replicas = 2
}
`,
    'stacks/app/main.tf': `
variable "domain" { type = string }
variable "replicas" { type = number }
resource "kubernetes_namespace" "app" {
  metadata {
    name   = "app"
    labels = { tier = local.tiers.edge }
  }
}
resource "kubernetes_deployment" "app" {
  metadata {
    name      = "app"
    namespace = kubernetes_namespace.app.metadata[0].name
    labels    = { host = "app.\${var.domain}" }
  }
  spec {
    replicas = var.replicas
  }
}
`,
  };

  it('puts generated files, var files and inputs into every stack that includes the root', async () => {
    const model = await modelOf(repo);
    const [app] = stackOf(model, 'app').workloads;
    expect(app.namespaceTier).toBe('3-edge');
    expect(app.labels.host).toBe('app.lab.example');
    expect(app.replicas).toBe(2);
  });

  it('turns dependency blocks into stack relations', async () => {
    const model = await modelOf(repo);
    expect(stackOf(model, 'app').dependencies).toEqual([
      {
        name: 'db',
        configPath: '../db',
        stack: 'db',
        source: { file: 'stacks/app/terragrunt.hcl', line: 4 },
      },
    ]);
  });
});
