import { parseHcl } from '../hcl/parser';
import { isUnresolved } from '../hcl/values';
import { moduleCallsOf } from './moduleCalls';

const MAIN_TF = `
variable "nfs_server" { type = string }
locals {
  paths = ["/a", "/b"]
}
resource "kubernetes_namespace" "app" {
  metadata {
    name = "app"
  }
}
module "data" {
  source    = "../../modules/kubernetes/nfs_volume"
  count     = 1
  name      = "app-data"
  namespace = kubernetes_namespace.app.metadata[0].name
  nfs_server = var.nfs_server
  paths     = local.paths
}
module "remote" {
  source = "git::https://example.org/mod.git"
  x      = 1
}
`;

describe('moduleCallsOf', () => {
  const calls = moduleCallsOf(
    [
      parseHcl('stacks/app/main.tf', MAIN_TF),
      parseHcl('stacks/other/main.tf', 'module "x" {\n  source = "./x"\n}\n'),
    ],
    'stacks/app',
  );

  it('lists the calls of the directory with their resolved local source', () => {
    expect(calls.map(c => [c.label, c.dir, c.line])).toEqual([
      ['data', 'modules/kubernetes/nfs_volume', 11],
      ['remote', undefined, 19],
    ]);
  });

  it('evaluates each argument, meta-arguments left out', () => {
    const args = Object.fromEntries(calls[0].arguments.map(a => [a.name, a]));
    expect(Object.keys(args)).toEqual([
      'name',
      'namespace',
      'nfs_server',
      'paths',
    ]);
    expect(args.namespace.value).toBe('app');
    expect(args.paths.value).toEqual(['/a', '/b']);
    expect(isUnresolved(args.nfs_server.value)).toBe(true);
    expect(args.nfs_server.passedVariable).toMatchObject({
      name: 'nfs_server',
      typeText: 'string',
    });
    expect(args.name.line).toBe(14);
  });
});
