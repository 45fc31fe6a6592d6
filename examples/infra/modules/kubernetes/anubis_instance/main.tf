# A proof-of-work challenge in front of a public site: its own Deployment,
# Service and PDB, forwarding to target_url once a visitor passes.
resource "kubernetes_deployment" "anubis" {
  metadata {
    name      = "anubis-${var.name}"
    namespace = var.namespace
    labels    = { app = "anubis-${var.name}" }
  }
  spec {
    replicas = var.replicas
    selector {
      match_labels = { app = "anubis-${var.name}" }
    }
    template {
      metadata {
        labels = { app = "anubis-${var.name}" }
      }
      spec {
        container {
          name  = "anubis"
          image = "ghcr.io/techarohq/anubis:v1.21.0"
          env {
            name  = "TARGET"
            value = var.target_url
          }
          resources {
            requests = { cpu = "10m", memory = "64Mi" }
            limits   = { memory = "64Mi" }
          }
        }
        dns_config {
          option {
            name  = "ndots"
            value = "2"
          }
        }
      }
    }
  }
  lifecycle {
    # KYVERNO_LIFECYCLE_V1: Kyverno injects dns_config on every pod.
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}

resource "kubernetes_service" "anubis" {
  metadata {
    name      = "anubis-${var.name}"
    namespace = var.namespace
  }
  spec {
    selector = { app = "anubis-${var.name}" }
    port {
      port        = 8080
      target_port = 8923
    }
  }
}

resource "kubernetes_pod_disruption_budget_v1" "anubis" {
  metadata {
    name      = "anubis-${var.name}"
    namespace = var.namespace
  }
  spec {
    max_unavailable = 1
    selector {
      match_labels = { app = "anubis-${var.name}" }
    }
  }
}
