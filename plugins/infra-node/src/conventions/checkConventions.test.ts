import { buildInfraModel } from '../model/buildInfraModel';
import { readExampleRepo } from '../__testUtils__/exampleRepo';
import { checkConventions, effectiveMinAvailable } from './checkConventions';

async function findingsFor(files: Record<string, string>) {
  const model = await buildInfraModel(
    Object.entries(files).map(([path, content]) => ({ path, content })),
  );
  return checkConventions(model);
}

describe('checkConventions', () => {
  it('reports exactly the deliberate violations of the example repo', async () => {
    const findings = checkConventions(
      await buildInfraModel(await readExampleRepo()),
    );
    expect(findings.map(f => [f.rule, f.file, f.line])).toEqual([
      ['critical-path-pdb', 'stacks/cloudflared/main.tf', 2],
      ['critical-path-replicas', 'stacks/cloudflared/main.tf', 14],
      ['kyverno-lifecycle', 'stacks/playground/main.tf', 31],
      ['rwo-recreate-strategy', 'stacks/playground/main.tf', 31],
      ['memory-request-equals-limit', 'stacks/playground/main.tf', 56],
      ['no-cpu-limit', 'stacks/playground/main.tf', 61],
      ['auth-justification', 'stacks/playground/main.tf', 104],
    ]);
    for (const f of findings) {
      expect(f.message).toMatch(/kubernetes_deployment\.|module\./);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });

  it('checks the auth comment: missing, wrong form, wrong tier', async () => {
    const call = (comment: string, tier: string) => `module "i_${tier}" {
  source = "../../modules/kubernetes/ingress_factory"
  name   = "x"
${comment}
  auth = "${tier}"
}
`;
    const findings = await findingsFor({
      'stacks/a/ok.tf': call('  # auth = "app": own login', 'app'),
      'stacks/a/form.tf': call('  # has its own login', 'app').replace(
        'i_app',
        'i_form',
      ),
      'stacks/a/tier.tf': call('  # auth = "app": own login', 'none'),
      'stacks/a/blank.tf': call('  # auth = "none": public\n', 'none').replace(
        'i_none',
        'i_blank',
      ),
      'stacks/a/public.tf': call('', 'public'),
    });
    const msgs = findings
      .filter(f => f.rule === 'auth-justification')
      .map(f => [f.file, f.message]);
    expect(msgs).toEqual([
      ['stacks/a/blank.tf', expect.stringContaining('no comment above it')],
      ['stacks/a/form.tf', expect.stringContaining('not in the form')],
      ['stacks/a/tier.tf', expect.stringContaining('justifies auth = "app"')],
    ]);
  });

  it('checks the Kyverno lifecycle on deployments, stateful sets and cron jobs', async () => {
    const findings = await findingsFor({
      'stacks/k/main.tf': `resource "kubernetes_cron_job_v1" "wrong_path" {
  metadata {
    name = "a"
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}
resource "kubernetes_cron_job_v1" "ok" {
  metadata {
    name = "b"
  }
  lifecycle {
    ignore_changes = [
      spec[0].job_template[0].spec[0].template[0].spec[0].dns_config, # KYVERNO_LIFECYCLE_V1
    ]
  }
}
resource "kubernetes_stateful_set_v1" "no_marker" {
  metadata {
    name = "c"
  }
  lifecycle {
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}
`,
    });
    expect(
      findings.map(f => [f.rule, f.line, f.message.split(' ')[0]]),
    ).toEqual([
      ['kyverno-lifecycle', 7, 'kubernetes_cron_job_v1.wrong_path'],
      ['kyverno-lifecycle', 25, 'kubernetes_stateful_set_v1.no_marker'],
    ]);
    expect(findings[1].message).toMatch(/marker/);
  });

  it('accepts a PDB through maxUnavailable when replicas are static, and never judges unresolved values', async () => {
    expect(effectiveMinAvailable(undefined, 1, 3)).toBe(2);
    expect(effectiveMinAvailable('50%', undefined, 3)).toBe(2);
    expect(effectiveMinAvailable(undefined, '34%', 3)).toBe(1);
    const deployment = (
      replicas: string,
    ) => `resource "kubernetes_deployment" "traefik" {
  metadata {
    name      = "traefik"
    namespace = "traefik"
  }
  spec {
    replicas = ${replicas}
    selector {
      match_labels = { app = "traefik" }
    }
    template {
      metadata {
        labels = { app = "traefik" }
      }
    }
  }
  lifecycle {
    ignore_changes = [spec[0].template[0].spec[0].dns_config] # KYVERNO_LIFECYCLE_V1
  }
}
resource "kubernetes_pod_disruption_budget_v1" "traefik" {
  metadata {
    name      = "traefik"
    namespace = "traefik"
  }
  spec {
    max_unavailable = 1
    selector {
      match_labels = { app = "traefik" }
    }
  }
}
`;
    expect(await findingsFor({ 'stacks/t/main.tf': deployment('3') })).toEqual(
      [],
    );
    expect(
      (
        await findingsFor({ 'stacks/t/main.tf': deployment('var.replicas') })
      ).map(f => f.rule),
    ).toEqual([]);
    expect(
      (await findingsFor({ 'stacks/t/main.tf': deployment('2') })).map(
        f => f.rule,
      ),
    ).toEqual(['critical-path-replicas', 'critical-path-pdb']);
  });

  it('compares memory quantities by value', async () => {
    const d = (req: string, lim: string) => ({
      'stacks/m/main.tf': `resource "kubernetes_deployment" "m" {
  metadata {
    name = "m"
  }
  spec {
    template {
      spec {
        container {
          name = "m"
          resources {
            requests = { memory = "${req}" }
            limits   = { memory = "${lim}" }
          }
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [spec[0].template[0].spec[0].dns_config] # KYVERNO_LIFECYCLE_V1
  }
}
`,
    });
    expect(await findingsFor(d('1Gi', '1024Mi'))).toEqual([]);
    expect((await findingsFor(d('1G', '1Gi'))).map(f => f.rule)).toEqual([
      'memory-request-equals-limit',
    ]);
  });

  it('reports parse errors on the stack', async () => {
    const findings = await findingsFor({
      'stacks/p/main.tf': 'locals {\n  a = "x\n}\n',
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'parse-error',
        severity: 'error',
        subject: 'stack:p',
        file: 'stacks/p/main.tf',
        line: 2,
      }),
    ]);
  });
});
