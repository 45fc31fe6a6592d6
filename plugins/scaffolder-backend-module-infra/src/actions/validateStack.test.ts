import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRenderStackAction } from './renderStack';
import { createValidateStackAction } from './validateStack';

const BAD_MAIN_TF = `resource "kubernetes_deployment" "admin" {
  metadata {
    name      = "admin"
    namespace = "admin"
  }
  spec {
    template {
      spec {
        container {
          name  = "admin"
          image = "ghcr.io/acme/admin:1.0.0"
          resources {
            requests = { memory = "256Mi" }
            limits   = { memory = "512Mi", cpu = "1" }
          }
        }
      }
    }
  }
}

module "ingress" {
  source    = "../../modules/kubernetes/ingress_factory"
  name      = "admin"
  namespace = "admin"
  auth      = "none"
}

resource "kubernetes_namespace" "admin" {
  metadata {
    name   = "admin"
    labels = { tier = "1-cluster" }
  }
}
`;

describe('infra:validate-stack', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  const validate = async () => {
    const ctx = createMockActionContext({
      input: { summary: 'New app wiki.' },
      workspacePath: workspace.path,
    });
    await createValidateStackAction().handler(ctx);
    return ctx;
  };

  it('stops on each finding with the file, the line and the fix', async () => {
    workspace.setContent({ 'stacks/admin/main.tf': BAD_MAIN_TF });
    const error = await validate().catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    const lines: string[] = error.message.split('\n').slice(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^- stacks\/admin\/main\.tf:1: .*dns_config.* Fix: Add `lifecycle \{ ignore_changes/,
        ),
        expect.stringMatching(
          /^- stacks\/admin\/main\.tf:12: .*requests 256Mi of memory but is limited to 512Mi.*1-cluster.* Fix: /,
        ),
        expect.stringMatching(
          /^- stacks\/admin\/main\.tf:14: .*CPU limit.* Fix: Remove the CPU limit/,
        ),
        expect.stringMatching(
          /^- stacks\/admin\/main\.tf:26: module\.ingress sets auth = "none" .*no comment.* Fix: .*`# auth = "none": /,
        ),
      ]),
    );
    expect(lines).toHaveLength(4);
  });

  it('stops on a syntax error with the file and line', async () => {
    workspace.setContent({
      'stacks/admin/main.tf': 'locals {\n  a = "x"\n  b = \n}\n',
    });
    const error = await validate().catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /- stacks\/admin\/main\.tf:\d+: stacks\/admin\/main\.tf does not parse: .* Fix: /,
    );
  });

  it('refuses an empty workspace', async () => {
    await expect(validate()).rejects.toThrow('There is nothing under stacks/');
  });

  it('passes a generated stack and writes the pull request body from the parsed files', async () => {
    await createRenderStackAction().handler(
      createMockActionContext({
        input: {
          values: {
            name: 'wiki',
            owner: 'group:default/platform',
            image: 'ghcr.io/acme/wiki:1.4.2',
            containerPort: 3000,
            criticalPath: true,
            replicas: 3,
            memory: '256Mi',
            cpu: '50m',
            authTier: {
              tier: 'none',
              justification:
                'public documentation; Anubis in front is the gate',
            },
            anubis: true,
            carveOuts: [
              {
                path: '/api',
                authTier: {
                  tier: 'app',
                  justification: 'the API checks its own bearer tokens',
                },
              },
            ],
            database: true,
          },
        },
        workspacePath: workspace.path,
      }),
    );
    const ctx = await validate();
    const body = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'pullRequestBody',
    )?.[1] as string;
    expect(body).toContain('New app wiki.');
    expect(body).toContain('- `stacks/wiki/deployment.tf`');
    expect(body).toContain('- `module.ingress`: `auth = "none"`.');
    expect(body).toContain(
      '  - Justification: public documentation; Anubis in front is the gate',
    );
    expect(body).toContain(
      '- `module.ingress_api` (paths /api): `auth = "app"`.',
    );
    expect(body).toContain(
      '  - Justification: the API checks its own bearer tokens',
    );
    expect(body).toContain(
      '- Critical-path workloads have a PDB keeping at least 2 pods',
    );
    expect(body).toContain('- Every Terraform file parses');
  });

  it('sees a generated critical-path app as critical: without its PDB the task stops', async () => {
    await createRenderStackAction().handler(
      createMockActionContext({
        input: {
          values: {
            name: 'gate',
            owner: 'group:default/platform',
            image: 'ghcr.io/acme/gate:2.0.1',
            containerPort: 8080,
            criticalPath: true,
            replicas: 3,
            memory: '128Mi',
            cpu: '20m',
            exposeIngress: false,
          },
        },
        workspacePath: workspace.path,
      }),
    );
    const file = path.join(workspace.path, 'stacks/gate/deployment.tf');
    const tf = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      tf.slice(0, tf.indexOf('# With 3 replicas and minAvailable 2')),
    );
    const error = await validate().catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /- stacks\/gate\/deployment\.tf:\d+: .*critical path but no PodDisruptionBudget selects its pods\. Fix: /,
    );
  });
});
