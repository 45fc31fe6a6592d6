import { modelOf, stackOf } from '../__testUtils__/modelOf';

describe('workloads', () => {
  it('models DaemonSets and Jobs, with no replica count of their own', async () => {
    const model = await modelOf({
      'stacks/nodes/main.tf': `
resource "kubernetes_daemon_set_v1" "agent" {
  metadata {
    name      = "agent"
    namespace = "nodes"
  }
  spec {
    selector {
      match_labels = { app = "agent" }
    }
    template {
      metadata {
        labels = { app = "agent" }
      }
      spec {
        container {
          name  = "agent"
          image = "registry.example/agent:1.0"
        }
      }
    }
  }
}
resource "kubernetes_job_v1" "migrate" {
  metadata {
    name      = "migrate"
    namespace = "nodes"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "migrate"
          image = "registry.example/migrate:1.0"
        }
      }
    }
  }
}
`,
    });
    const workloads = stackOf(model, 'nodes').workloads;
    expect(workloads.map(w => [w.kind, w.name, w.replicas])).toEqual([
      ['daemon-set', 'agent', undefined],
      ['job', 'migrate', undefined],
    ]);
  });

  it('expands dynamic env blocks over a static map', async () => {
    const model = await modelOf({
      'stacks/app/main.tf': `
locals {
  env = { LOG_LEVEL = "info", DB_HOST = "db.data.svc.cluster.local" }
}
resource "kubernetes_deployment" "app" {
  metadata {
    name      = "app"
    namespace = "app"
  }
  spec {
    template {
      spec {
        container {
          name  = "app"
          image = "registry.example/app:2"
          dynamic "env" {
            for_each = local.env
            content {
              name  = env.key
              value = env.value
            }
          }
        }
      }
    }
  }
}
`,
    });
    const [app] = stackOf(model, 'app').workloads;
    expect(app.containers[0].env.map(e => [e.name, e.value])).toEqual([
      ['DB_HOST', 'db.data.svc.cluster.local'],
      ['LOG_LEVEL', 'info'],
    ]);
  });

  it('says when an image or the replica count is handed to something else', async () => {
    const model = await modelOf({
      'stacks/web/main.tf': `
resource "kubernetes_deployment" "web" {
  metadata {
    name        = "web"
    namespace   = "web"
    annotations = { "keel.sh/policy" = "minor" }
  }
  spec {
    replicas = 1
    template {
      spec {
        container {
          name  = "web"
          image = "registry.example/web:1.0"
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [
      spec[0].template[0].spec[0].container[0].image, # Keel bumps the tag
      spec[0].replicas, # scaled to zero when idle by the on-demand scaler
    ]
  }
}
`,
    });
    const [web] = stackOf(model, 'web').workloads;
    expect(web.liveManaged.map(f => [f.field, f.manager])).toEqual([
      ['image', 'Keel'],
      ['replicas', 'an on-demand scaler'],
    ]);
    expect(web.liveManaged[0].at).toEqual({
      file: 'stacks/web/main.tf',
      line: 21,
    });
  });
});
