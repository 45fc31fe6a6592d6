import { modelOf, stackOf } from '../__testUtils__/modelOf';

const deployment = (containerBody: string) => `
resource "kubernetes_deployment" "web" {
  metadata {
    name      = "web"
    namespace = "web"
  }
  spec {
    selector {
      match_labels = { app = "web" }
    }
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
        container {
          name  = "web"
          image = "registry.example/web:1.0"
${containerBody}
        }
      }
    }
  }
}
`;

describe('container probes', () => {
  it('reads each probe with its handler, timings and line', async () => {
    const model = await modelOf({
      'stacks/web/main.tf': deployment(`
          startup_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
            period_seconds    = 10
            failure_threshold = 60
          }
          liveness_probe {
            tcp_socket {
              port = 8080
            }
            period_seconds    = 10
            failure_threshold = 6
            timeout_seconds   = 5
          }`),
    });
    const [container] = stackOf(model, 'web').workloads[0].containers;
    expect(container.probes).toEqual({
      startup: {
        handler: 'http-get',
        periodSeconds: 10,
        failureThreshold: 60,
        at: { file: 'stacks/web/main.tf', line: 20 },
      },
      liveness: {
        handler: 'tcp-socket',
        periodSeconds: 10,
        failureThreshold: 6,
        timeoutSeconds: 5,
        at: { file: 'stacks/web/main.tf', line: 28 },
      },
    });
  });

  it('leaves probes out when the container writes none', async () => {
    const model = await modelOf({ 'stacks/web/main.tf': deployment('') });
    const [container] = stackOf(model, 'web').workloads[0].containers;
    expect(container).not.toHaveProperty('probes');
  });
});
