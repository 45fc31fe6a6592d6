import { ParseCache } from '../hcl/ParseCache';
import { buildInfraModel } from './buildInfraModel';
import { StackModel } from './types';

const files = (replicas: number, domain = 'lab.example') => [
  {
    path: 'modules/web/main.tf',
    content: `variable "name" { type = string }\nlocals {\n  host = "\${var.name}.${domain}"\n}\nresource "kubernetes_ingress_v1" "this" {\n  metadata {\n    name = var.name\n  }\n  spec {\n    rule {\n      host = local.host\n    }\n  }\n}\n`,
  },
  {
    path: 'stacks/a/main.tf',
    content: `resource "kubernetes_deployment" "a" {\n  metadata {\n    name = "a"\n  }\n  spec {\n    replicas = ${replicas}\n  }\n}\n`,
  },
  {
    path: 'stacks/b/main.tf',
    content:
      'module "web" {\n  source = "../../modules/web"\n  name   = "b"\n}\n',
  },
  { path: 'stacks/c/main.tf', content: 'output "nothing" { value = 1 }\n' },
];

const stack = (stacks: StackModel[], name: string) =>
  stacks.find(s => s.name === name)!;

describe('refresh with a parse cache', () => {
  it('evaluates again only the stacks that read a changed file, and shows the change', async () => {
    const cache = new ParseCache();
    await buildInfraModel(files(1), { cache });
    const second = await buildInfraModel(files(3), { cache });
    expect(stack(second.stacks, 'a').workloads[0].replicas).toBe(3);
    expect(stack(second.stacks, 'b').ingresses[0].host).toBe('b.lab.example');

    // A shared module changes: only the stack calling it is evaluated again.
    const third = await buildInfraModel(files(3, 'home.example'), { cache });
    expect(stack(third.stacks, 'b').ingresses[0].host).toBe('b.home.example');
    expect(stack(third.stacks, 'a')).toBe(stack(second.stacks, 'a'));
    expect(stack(third.stacks, 'b')).not.toBe(stack(second.stacks, 'b'));
  });

  it('drops a stack whose files are gone', async () => {
    const cache = new ParseCache();
    await buildInfraModel(files(1), { cache });
    const next = await buildInfraModel(
      files(1).filter(f => !f.path.startsWith('stacks/c/')),
      { cache },
    );
    expect(next.stacks.map(s => s.name)).toEqual(['a', 'b']);
  });
});
