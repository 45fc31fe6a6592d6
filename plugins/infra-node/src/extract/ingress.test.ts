import { modelOf, stackOf } from '../__testUtils__/modelOf';

describe('ingresses', () => {
  it('models a plain kubernetes_ingress_v1 with its hosts, paths, backend and forward-auth tier', async () => {
    const model = await modelOf({
      'stacks/wiki/main.tf': `
resource "kubernetes_ingress_v1" "wiki" {
  metadata {
    name      = "wiki"
    namespace = "wiki"
    annotations = {
      "traefik.ingress.kubernetes.io/router.middlewares" = "traefik-authentik-forward-auth@kubernetescrd"
      "gethomepage.dev/name"                             = "Wiki"
      "gethomepage.dev/description"                      = "Team notes"
    }
  }
  spec {
    rule {
      host = "wiki.lab.example"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "wiki"
              port {
                number = 8080
              }
            }
          }
        }
      }
    }
    rule {
      host = "notes.lab.example"
    }
  }
}
`,
    });
    const [ingress] = stackOf(model, 'wiki').ingresses;
    expect(ingress).toMatchObject({
      kind: 'plain',
      host: 'wiki.lab.example',
      extraHosts: ['notes.lab.example'],
      title: 'Wiki',
      description: 'Team notes',
      paths: ['/'],
      serviceName: 'wiki',
      port: 8080,
      authTier: 'required',
    });
    // No `auth` line to justify: the comment rule has no site here.
    expect(ingress.authAt).toBeUndefined();
  });

  it('reads the tier and its justification from the call of a module that is not among the files', async () => {
    const model = await modelOf({
      'stacks/gen/main.tf': `
module "ingress" {
  source    = "../../modules/not-here"
  name      = "gen"
  namespace = "gen"
  # Webhooks from the forge: signed payloads,
  # auth = "none": the receiver checks the signature
  auth = "none"
}
`,
    });
    const [ingress] = stackOf(model, 'gen').ingresses;
    expect(ingress).toMatchObject({
      kind: 'factory',
      authTier: 'none',
      authAt: { file: 'stacks/gen/main.tf', line: 8 },
      justification: 'the receiver checks the signature',
    });
  });
});
