import { isUnresolved } from '../hcl/values';
import { modelOf, stackOf } from '../__testUtils__/modelOf';

describe('helm releases', () => {
  it('models every release of any chart, with what its values declare, from files, templates and yamlencode', async () => {
    const model = await modelOf({
      'stacks/edge/values.yaml': `controller:
  replicaCount: 2
  image:
    tag: "3.1.4"
  resources:
    requests:
      memory: 128Mi
    limits:
      memory: 256Mi
`,
      'stacks/edge/pdb.yaml.tpl': `podDisruptionBudget:
  enabled: true
  minAvailable: \${min}
`,
      'stacks/edge/main.tf': `
resource "helm_release" "proxy" {
  name       = "proxy"
  namespace  = "edge"
  repository = "https://charts.example.org"
  chart      = "some-proxy"
  version    = "12.0.1"
  values = [
    file("\${path.module}/values.yaml"),
    templatefile("\${path.module}/pdb.yaml.tpl", { min = 1 }),
    yamlencode({ controller = { replicaCount = 3 } }),
  ]
}
`,
    });
    const [release] = stackOf(model, 'edge').helmReleases;
    expect(release).toMatchObject({
      name: 'proxy',
      namespace: 'edge',
      chart: 'some-proxy',
      repository: 'https://charts.example.org',
      version: '12.0.1',
      valuesFiles: [
        { file: 'stacks/edge/values.yaml', line: 1 },
        { file: 'stacks/edge/pdb.yaml.tpl', line: 1 },
        { file: 'stacks/edge/main.tf', line: 11 },
      ],
      valuesUnresolved: [],
      workloadIds: [],
    });
    // The inline yamlencode is the last layer, so it wins over the file.
    expect(release.declared.replicas).toMatchObject({
      value: 3,
      key: 'controller.replicaCount',
      at: { file: 'stacks/edge/main.tf', line: 11 },
    });
    expect(release.declared.pdb).toMatchObject({
      enabled: true,
      minAvailable: 1,
      at: { file: 'stacks/edge/pdb.yaml.tpl', line: 1 },
    });
    expect(release.declared.imageTag).toMatchObject({
      value: '3.1.4',
      key: 'controller.image.tag',
    });
    expect(release.declared.resources).toMatchObject({
      memoryRequest: '128Mi',
      memoryLimit: '256Mi',
    });
  });

  it('keeps the values it cannot read as unresolved, never guessed', async () => {
    const model = await modelOf({
      'stacks/ops/main.tf': `
data "vault_kv_secret_v2" "cfg" {
  mount = "secret"
  name  = "ops"
}
resource "helm_release" "thing" {
  name   = "thing"
  chart  = "thing"
  values = [data.vault_kv_secret_v2.cfg.data["values"]]
}
`,
    });
    const [release] = stackOf(model, 'ops').helmReleases;
    expect(release.valuesUnresolved).toEqual([
      'data.vault_kv_secret_v2.cfg.data["values"]',
    ]);
    expect(release.declared).toEqual({});
  });

  it('reads a values template with a secret in it, leaving only the secret unknown', async () => {
    const model = await modelOf({
      'stacks/auth/values.tpl': `replicas: 2
password: \${password}
`,
      'stacks/auth/main.tf': `
variable "password" { type = string }
resource "helm_release" "auth" {
  name   = "auth"
  chart  = "idp"
  values = [templatefile("\${path.module}/values.tpl", { password = var.password })]
}
`,
    });
    const [release] = stackOf(model, 'auth').helmReleases;
    expect(release.declared.replicas?.value).toBe(2);
    expect(release.valuesUnresolved).toEqual([]);
  });

  it('expands a count-0 release into nothing and an unknown chart name stays unresolved', async () => {
    const model = await modelOf({
      'stacks/opt/main.tf': `
resource "helm_release" "off" {
  count = 0
  name  = "off"
  chart = "off"
}
resource "helm_release" "dyn" {
  name  = "dyn"
  chart = data.x.y.chart
}
`,
    });
    const releases = stackOf(model, 'opt').helmReleases;
    expect(releases.map(r => r.address)).toEqual(['helm_release.dyn']);
    expect(isUnresolved(releases[0].chart)).toBe(true);
  });
});
