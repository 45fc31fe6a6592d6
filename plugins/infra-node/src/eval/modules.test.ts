import { isUnresolved } from '../hcl/values';
import { modelOf, stackOf } from '../__testUtils__/modelOf';

/** A shared module that computes its host from inputs and its own defaults, like an ingress factory. */
const WEB_MODULE = {
  'modules/web/variables.tf': `
variable "name" { type = string }
variable "namespace" { type = string }
variable "host" {
  type    = string
  default = null
}
variable "apex" {
  type    = string
  default = "lab.example"
}
variable "auth" {
  type    = string
  default = "required"
}
`,
  'modules/web/main.tf': `
locals {
  fqdn = var.host != null ? "\${var.host}.\${var.apex}" : "\${var.name}.\${var.apex}"
}
resource "kubernetes_ingress_v1" "this" {
  metadata {
    name      = var.name
    namespace = var.namespace
    annotations = {
      "gethomepage.dev/name" = title(var.name)
    }
  }
  spec {
    rule {
      host = local.fqdn
      http {
        path {
          path = "/"
          backend {
            service {
              name = var.name
              port {
                number = 80
              }
            }
          }
        }
      }
    }
  }
}
output "fqdn" { value = local.fqdn }
`,
};

describe('module-aware evaluation', () => {
  it('computes a host inside a module from the call and the module defaults', async () => {
    const model = await modelOf({
      ...WEB_MODULE,
      'stacks/shop/main.tf': `
module "front" {
  source    = "../../modules/web"
  name      = "shop"
  namespace = "shop"
  # auth = "app": the shop has its own accounts
  auth = "app"
}
module "api" {
  source    = "../../modules/web"
  name      = "shop-api"
  host      = "api"
  namespace = "shop"
}
`,
    });
    const ingresses = stackOf(model, 'shop').ingresses;
    expect(
      ingresses.map(i => [i.moduleName, i.host, i.authTier, i.title]),
    ).toEqual([
      ['front', 'shop.lab.example', 'app', 'Shop'],
      ['api', 'api.lab.example', 'required', 'Shop-Api'],
    ]);
    expect(ingresses[0]).toMatchObject({
      kind: 'factory',
      justification: 'the shop has its own accounts',
      authAt: { file: 'stacks/shop/main.tf', line: 7 },
      source: { file: 'stacks/shop/main.tf', line: 2 },
    });
  });

  it('expands count and for_each over static maps and sets, one instance per key', async () => {
    const model = await modelOf({
      ...WEB_MODULE,
      'stacks/sites/main.tf': `
locals {
  sites = { blog = "blog", wiki = "docs" }
}
module "site" {
  for_each  = local.sites
  source    = "../../modules/web"
  name      = each.key
  host      = each.value
  namespace = "sites"
}
module "mirror" {
  count     = 2
  source    = "../../modules/web"
  name      = "mirror-\${count.index}"
  namespace = "sites"
}
module "extra" {
  for_each  = toset(["a", "b"])
  source    = "../../modules/web"
  name      = "extra-\${each.value}"
  namespace = "sites"
}
`,
    });
    const ingresses = stackOf(model, 'sites').ingresses;
    expect(ingresses.map(i => [i.instance?.key, i.host])).toEqual([
      ['blog', 'blog.lab.example'],
      ['wiki', 'docs.lab.example'],
      [0, 'mirror-0.lab.example'],
      [1, 'mirror-1.lab.example'],
      ['a', 'extra-a.lab.example'],
      ['b', 'extra-b.lab.example'],
    ]);
    expect(ingresses[0].instance?.address).toBe(
      'module.site["blog"].kubernetes_ingress_v1.this',
    );
    expect(new Set(ingresses.map(i => i.id)).size).toBe(6);
  });

  it('keeps one instance marked "count unknown" when the collection is not static', async () => {
    const model = await modelOf({
      ...WEB_MODULE,
      'stacks/dyn/main.tf': `
data "external" "names" {}
module "site" {
  for_each  = data.external.names.result
  source    = "../../modules/web"
  name      = each.key
  namespace = "dyn"
}
`,
    });
    const [ingress] = stackOf(model, 'dyn').ingresses;
    expect(ingress.instance?.countUnknown).toBe('data.external.names.result');
    expect(isUnresolved(ingress.host)).toBe(true);
  });

  it('yields nothing for count = 0, a commented-out call, or a module directory nobody calls', async () => {
    const model = await modelOf({
      ...WEB_MODULE,
      'stacks/quiet/main.tf': `
variable "enabled" {
  default = false
}
module "off" {
  count     = var.enabled ? 1 : 0
  source    = "../../modules/web"
  name      = "off"
  namespace = "quiet"
}
# module "gone" {
#   source    = "../../modules/web"
#   name      = "gone"
#   namespace = "quiet"
# }
`,
      'stacks/quiet/unused/main.tf': `
resource "kubernetes_deployment" "ghost" {
  metadata {
    name = "ghost"
  }
}
`,
    });
    const quiet = stackOf(model, 'quiet');
    expect(quiet.ingresses).toEqual([]);
    expect(quiet.workloads).toEqual([]);
  });

  it('expands a stack-local factory module called twice into two instances', async () => {
    const model = await modelOf({
      'stacks/music/factory/main.tf': `
variable "user" { type = string }
resource "kubernetes_deployment" "player" {
  metadata {
    name      = "player-\${var.user}"
    namespace = "music"
  }
  spec {
    replicas = 1
  }
}
`,
      'stacks/music/main.tf': `
module "alice" {
  source = "./factory"
  user   = "alice"
}
module "bob" {
  source = "./factory"
  user   = "bob"
}
`,
    });
    expect(stackOf(model, 'music').workloads.map(w => w.name)).toEqual([
      'player-alice',
      'player-bob',
    ]);
  });

  it('reads module outputs across calls, and resource attributes written in the block', async () => {
    const model = await modelOf({
      ...WEB_MODULE,
      'stacks/links/main.tf': `
resource "kubernetes_namespace" "ns" {
  metadata {
    name   = "links"
    labels = { tier = local.tiers.edge }
  }
}
locals {
  tiers = { edge = "3-edge" }
}
module "web" {
  source    = "../../modules/web"
  name      = "links"
  namespace = kubernetes_namespace.ns.metadata[0].name
}
resource "kubernetes_deployment" "app" {
  metadata {
    name      = "links"
    namespace = kubernetes_namespace.ns.metadata[0].name
    labels    = { url = "https://\${module.web.fqdn}" }
  }
}
`,
    });
    const stack = stackOf(model, 'links');
    expect(stack.ingresses[0].namespace).toBe('links');
    expect(stack.workloads[0].labels.url).toBe('https://links.lab.example');
    expect(stack.workloads[0].namespaceTier).toBe('3-edge');
  });
});
