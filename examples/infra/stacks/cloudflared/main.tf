# Cloudflare tunnel connectors: on the critical path of every proxied app.
resource "kubernetes_deployment" "cloudflared" {
  metadata {
    name      = "cloudflared"
    namespace = "cloudflared"
    labels = {
      app = "cloudflared"
    }
  }
  spec {
    # DELIBERATE VIOLATION (example data): critical-path services run 3
    # replicas with a PDB of minAvailable 2. This one runs 2 and has no PDB,
    # so the portal reports critical-path-replicas and critical-path-pdb.
    replicas = 2
    selector {
      match_labels = {
        app = "cloudflared"
      }
    }
    template {
      metadata {
        labels = {
          app = "cloudflared"
        }
      }
      spec {
        container {
          name  = "cloudflared"
          image = "cloudflare/cloudflared:2025.4.0"
          args  = ["tunnel", "--no-autoupdate", "run"]
          resources {
            requests = {
              cpu    = "20m"
              memory = "128Mi"
            }
            limits = {
              memory = "128Mi"
            }
          }
        }
      }
    }
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}
