import {
  configVariables,
  editedStack,
  portalStackModel,
  portalStackProblems,
  startupBudgetSeconds,
} from './__testUtils__/portalStack';

/**
 * deploy/terraform/stacks/infra-portal is the stack the infra repo takes
 * as it is. It is read with our own HCL parser and judged by the checks the
 * catalog shows and the new-app wizard runs, its module calls against the
 * example infra's modules, and what the portal needs from its Deployment.
 */
describe("the portal's own Terraform stack", () => {
  it('has no finding, calls its modules right and gives the portal what it needs', async () => {
    expect(await portalStackProblems()).toEqual([]);
  });

  it('serves through ingress_factory with auth = "app" and says why on the line above', async () => {
    const stack = await portalStackModel();
    expect(stack?.ingresses).toHaveLength(1);
    const ingress = stack!.ingresses[0];
    expect(ingress.authTier).toBe('app');
    expect(ingress.authComments.map(c => c.text).join('\n')).toMatch(
      /auth = "app": .*signs users in itself/,
    );
    expect(ingress.serviceName).toBe('infra-portal');
  });

  it('reads every setting of the production config from the stack', () => {
    // What the container must set: the list is read from the config files.
    expect(configVariables()).toEqual(
      expect.arrayContaining([
        'POSTGRES_PASSWORD',
        'REDIS_URL',
        'INFRA_REPO_PATH',
        'AUTH_SESSION_SECRET',
        'BREAKGLASS_ADMIN_PASSWORD_HASH',
        'TECHDOCS_BUCKET',
      ]),
    );
  });

  it('gives a cold start 5 minutes before liveness counts', async () => {
    const stack = await portalStackModel();
    expect(startupBudgetSeconds(stack!)).toBeGreaterThanOrEqual(300);
  });

  // The checks above must be able to fail: each broken copy is caught.
  it.each([
    [
      'the auth justification comment removed',
      (t: string) => t.replace(/ {2}# auth = "app":[^\n]*\n/, ''),
      /auth = "app"/,
    ],
    [
      'a CPU limit added',
      (t: string) =>
        t.replace(
          /limits = \{\n(\s+)memory = "1Gi"/,
          'limits = {\n$1cpu    = "1"\n$1memory = "1Gi"',
        ),
      /CPU limit/i,
    ],
    [
      // aux is a Burstable tier, where the rule does not ask it; the portal
      // keeps request = limit anyway. Moved to a Guaranteed tier, it is judged.
      'memory request below the limit in a Guaranteed tier',
      (t: string) =>
        t
          .replace(
            /tier {15}= local\.tiers\.aux/,
            'tier               = local.tiers.cluster',
          )
          .replace(
            /requests = \{\n(\s+)cpu {4}= "100m"\n(\s+)memory = "1Gi"/,
            m => m.replace('"1Gi"', '"512Mi"'),
          ),
      /[Mm]emory request/,
    ],
    [
      'the Kyverno marker dropped',
      (t: string) => t.replace(' # KYVERNO_LIFECYCLE_V1\n', '\n'),
      /KYVERNO_LIFECYCLE_V1|dns_config/,
    ],
    [
      'one replica',
      (t: string) => t.replace('replicas = 2', 'replicas = 1'),
      /runs 1 replicas, not 2/,
    ],
    [
      'the PDB removed',
      (t: string) =>
        t.replace(
          /resource "kubernetes_pod_disruption_budget_v1"[\s\S]*?\n}\n/,
          '',
        ),
      /no PDB keeps 1 of the 2 pods/,
    ],
    [
      'forward-auth in front (auth = "required")',
      (t: string) =>
        t.replace('auth            = "app"', 'auth            = "required"'),
      /auth tier is required, not "app"/,
    ],
    [
      'an argument the ingress module does not declare',
      (t: string) =>
        t.replace('dns_type        = "proxied"', 'dns_kind        = "proxied"'),
      /dns_kind/,
    ],
    [
      'readiness on the liveness endpoint',
      (t: string) =>
        t.replace(
          /(readiness_probe \{\n\s+http_get \{\n\s+path = )"\/\.backstage\/health\/v1\/readiness"/,
          '$1"/.backstage/health/v1/liveness"',
        ),
      /readiness_probe asks \/\.backstage\/health\/v1\/liveness/,
    ],
    [
      'a secret the production config reads left out',
      (t: string) =>
        t.replace(
          /\s+env \{\n\s+name = "AUTH_SESSION_SECRET"[\s\S]*?\n {10}\}\n/,
          '\n',
        ),
      /does not set AUTH_SESSION_SECRET/,
    ],
    [
      'a secret key no ExternalSecret writes',
      (t: string) =>
        t.replace(
          /secretKey = "AUTHENTIK_OIDC_CLIENT_SECRET"/,
          'secretKey = "AUTHENTIK_CLIENT_SECRET"',
        ),
      /AUTHENTIK_OIDC_CLIENT_SECRET reads key AUTHENTIK_OIDC_CLIENT_SECRET of Secret infra-portal-secrets, which no ExternalSecret/,
    ],
  ])('catches a copy with %s', async (_what, edit, expected) => {
    const problems = await portalStackProblems(editedStack(edit));
    expect(problems.join('\n')).toMatch(expected);
  });
});
