import { resolve } from '../eval/evaluate';
import type { Scope } from '../eval/scope';
import { scopeOfFiles } from '../eval/scopeOfFiles';
import { parseHcl } from './parser';
import { HclBlock } from './types';
import { isUnresolved, Unresolved } from './values';

/** The model's evaluator over the blocks of one parsed file. */
function scopeOf(blocks: HclBlock[], dir = 'stacks/x'): Scope {
  const file = { path: `${dir}/main.tf`, blocks, attributes: {}, comments: [] };
  return scopeOfFiles([file], dir, parseHcl);
}

describe('parseHcl', () => {
  it('reads blocks, labels, nested blocks and lines', async () => {
    const f = await parseHcl(
      'stacks/x/main.tf',
      `resource "kubernetes_deployment" "app" {
  metadata {
    name = "app"
  }
  spec {
    template {
      spec {
        container {
          name = "a"
        }
        container {
          name = "b"
        }
      }
    }
  }
}
`,
    );
    expect(f.error).toBeUndefined();
    const [res] = f.blocks;
    expect(res.type).toBe('resource');
    expect(res.labels).toEqual(['kubernetes_deployment', 'app']);
    expect(res.line).toBe(1);
    expect(res.endLine).toBe(17);
    const podSpec = res.blocks[1].blocks[0].blocks[0];
    expect(podSpec.blocks.map(c => c.attributes.name.expr)).toMatchObject([
      { kind: 'literal', value: 'a', line: 9 },
      { kind: 'literal', value: 'b', line: 12 },
    ]);
  });

  it('keeps heredocs, including the indented form, and their interpolations', async () => {
    const f = await parseHcl(
      'x.tf',
      `locals {
  name = "world"
  plain = <<EOT
line one
  line two
EOT
  indented = <<-EOT
    hello \${local.name}
      nested
    literal $\${not_interpolated} and %%{not_a_directive}
  EOT
}
`,
    );
    const scope = scopeOf(f.blocks);
    const attrs = f.blocks[0].attributes;
    expect(resolve(attrs.plain.expr, scope)).toBe('line one\n  line two\n');
    expect(resolve(attrs.indented.expr, scope)).toBe(
      'hello world\n  nested\nliteral ${not_interpolated} and %{not_a_directive}\n',
    );
  });

  it('resolves templates with ${} and keeps %{} directives unresolved', async () => {
    const f = await parseHcl(
      'x.tf',
      `variable "domain" {
  default = "homelab.example"
}
variable "secret" {}
locals {
  host   = "app.\${var.domain}"
  quoted = "say \\"hi\\"\\n\\u00e9"
  when   = "%{ if var.domain != "" }yes%{ else }no%{ endif }"
  needs  = "\${var.secret}-x"
  upper  = upper(local.host)
}
`,
    );
    const scope = scopeOf(f.blocks);
    const attrs = f.blocks[2].attributes;
    expect(resolve(attrs.host.expr, scope)).toBe('app.homelab.example');
    expect(resolve(attrs.quoted.expr, scope)).toBe('say "hi"\n\u00e9');
    const when = resolve(attrs.when.expr, scope);
    expect(when).toBeInstanceOf(Unresolved);
    expect((when as Unresolved).unresolved).toBe(
      '"%{ if var.domain != "" }yes%{ else }no%{ endif }"',
    );
    expect(resolve(attrs.needs.expr, scope)).toEqual(
      new Unresolved('"${var.secret}-x"', 'no-value'),
    );
    expect(resolve(attrs.upper.expr, scope)).toBe('APP.HOMELAB.EXAMPLE');
  });

  it('reads dynamic blocks and for_each without guessing their values', async () => {
    const f = await parseHcl(
      'x.tf',
      `resource "kubernetes_deployment" "app" {
  for_each = toset(["a", "b"])
  metadata {
    name = each.key
  }
  spec {
    template {
      spec {
        dynamic "container" {
          for_each = var.sidecars
          content {
            name  = container.value.name
            image = "busybox:1.36"
          }
        }
      }
    }
  }
}
`,
    );
    const res = f.blocks[0];
    expect(res.attributes.for_each.expr).toMatchObject({
      kind: 'call',
      name: 'toset',
    });
    expect(
      resolve(res.blocks[0].attributes.name.expr, scopeOf(f.blocks)),
    ).toEqual(new Unresolved('each.key', 'other'));
    const dyn = res.blocks[1].blocks[0].blocks[0].blocks[0];
    expect(dyn.type).toBe('dynamic');
    expect(dyn.labels).toEqual(['container']);
    expect(dyn.blocks[0].type).toBe('content');
    expect(dyn.blocks[0].attributes.image.expr).toMatchObject({
      kind: 'literal',
      value: 'busybox:1.36',
    });
  });

  it('keeps comments in odd places and attaches leading and trailing ones', async () => {
    const f = await parseHcl(
      'x.tf',
      `/* block comment
   over two lines */
module "ingress" { # after the brace
  source = "../../modules/kubernetes/ingress_factory" // slashes
  ports = [
    80, # inside a list
    # own line inside a list
    443,
  ]

  # not directly above: a blank line separates it

  # auth = "none": public by design
  auth = "none"
}
`,
    );
    const m = f.blocks[0];
    expect(m.leadingComments.map(c => c.text)).toEqual([
      'block comment\n   over two lines',
    ]);
    expect(m.attributes.source.trailingComment?.text).toBe('slashes');
    expect(resolve(m.attributes.ports.expr, scopeOf([]))).toEqual([80, 443]);
    expect(m.attributes.auth.leadingComments.map(c => c.text)).toEqual([
      'auth = "none": public by design',
    ]);
    expect(m.attributes.auth.line).toBe(14);
    expect(f.comments).toHaveLength(7);
  });

  it('handles CRLF line endings and a BOM without shifting lines', async () => {
    const src =
      '\uFEFF# top\r\nlocals {\r\n  # above\r\n  a = "x"\r\n  b = <<-EOT\r\n    one\r\n    two\r\n  EOT\r\n}\r\n';
    const f = await parseHcl('x.tf', src);
    expect(f.error).toBeUndefined();
    const attrs = f.blocks[0].attributes;
    expect(attrs.a.line).toBe(4);
    expect(attrs.a.leadingComments[0].text).toBe('above');
    expect(resolve(attrs.b.expr, scopeOf([]))).toBe('one\ntwo\n');
  });

  it('resolves locals, variable defaults, collections and resource attributes', async () => {
    const f = await parseHcl(
      'stacks/x/main.tf',
      `variable "replicas" {
  default = 3
}
locals {
  labels = { app = "x", "app.kubernetes.io/part-of" = "x" }
  ns     = kubernetes_namespace.ns.metadata[0].name
  list   = [1, -2, 3.5, true, null]
  merged = merge(local.labels, { extra = "y" })
  ini    = "\${path.module}/pgbouncer.ini"
  cond   = var.replicas > 1 ? "many" : "one"
  out    = module.other.value
}
resource "kubernetes_namespace" "ns" {
  metadata {
    name = "apps"
  }
}
`,
    );
    const scope = scopeOf(f.blocks);
    const attrs = f.blocks[1].attributes;
    expect(resolve(attrs.labels.expr, scope)).toEqual({
      app: 'x',
      'app.kubernetes.io/part-of': 'x',
    });
    expect(resolve(attrs.ns.expr, scope)).toBe('apps');
    expect(resolve(attrs.list.expr, scope)).toEqual([1, -2, 3.5, true, null]);
    expect(resolve(attrs.merged.expr, scope)).toEqual({
      app: 'x',
      'app.kubernetes.io/part-of': 'x',
      extra: 'y',
    });
    expect(resolve(attrs.ini.expr, scope)).toBe('stacks/x/pgbouncer.ini');
    // Operators and conditionals evaluate like Terraform's.
    expect(resolve(attrs.cond.expr, scope)).toBe('many');
    // A module that is not called has no outputs: unknown, never guessed.
    expect(isUnresolved(resolve(attrs.out.expr, scope))).toBe(true);
  });

  it('reports a broken file with its line instead of throwing', async () => {
    const f = await parseHcl(
      'stacks/broken/main.tf',
      `locals {
  fine = "yes"
}

resource "kubernetes_deployment" "x" {
  metadata {
    name = "x"
  spec {
}
`,
    );
    expect(f.blocks).toEqual([]);
    expect(f.error).toMatchObject({ file: 'stacks/broken/main.tf' });
    // `metadata {` on line 6 is the block left open.
    expect(f.error!.line).toBe(6);
    expect(f.error!.message).toMatch(/block is not closed .*metadata/);
  });

  it('reports an unterminated string on its line', async () => {
    const f = await parseHcl('x.tf', 'a = 1\nb = "open\nc = 3\n');
    expect(f.error?.line).toBe(2);
    const g = await parseHcl('x.tf', 'a = 1\nb = \nc = 3\n');
    expect(g.error?.line).toBe(2);
  });
});
