# Monitoring: a metrics store from its Helm chart, a node agent on every
# node, and dashboards behind a plain Ingress.
variable "tls_secret_name" {
  type = string
}

resource "kubernetes_namespace" "monitoring" {
  metadata {
    name   = "monitoring"
    labels = { tier = local.tiers.cluster }
  }
}

resource "helm_release" "metrics" {
  name       = "metrics"
  namespace  = kubernetes_namespace.monitoring.metadata[0].name
  repository = "https://charts.homelab.example"
  chart      = "metrics-store"
  version    = "25.8.0"
  values     = [file("${path.module}/values.yaml")]
}

resource "kubernetes_daemon_set_v1" "node_agent" {
  metadata {
    name      = "node-agent"
    namespace = kubernetes_namespace.monitoring.metadata[0].name
  }
  spec {
    selector {
      match_labels = { app = "node-agent" }
    }
    template {
      metadata {
        labels = { app = "node-agent" }
      }
      spec {
        container {
          name  = "agent"
          image = "ghcr.io/homelab-example/node-agent:1.8.2"
          # A CPU limit on purpose (allowed in the portal's convention
          # policy): the agent shares every node with the workloads it watches.
          resources {
            requests = { cpu = "20m", memory = "64Mi" }
            limits   = { cpu = "200m", memory = "64Mi" }
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

# Dashboards for each team, one Ingress each, behind forward-auth.
locals {
  dashboards = { infra = "Infrastructure", apps = "Applications" }
}

resource "kubernetes_ingress_v1" "dashboards" {
  for_each = local.dashboards
  metadata {
    name      = "dashboards-${each.key}"
    namespace = kubernetes_namespace.monitoring.metadata[0].name
    annotations = {
      "traefik.ingress.kubernetes.io/router.middlewares" = "traefik-authentik-forward-auth@kubernetescrd"
      "gethomepage.dev/name"                             = "${each.value} dashboards"
    }
  }
  spec {
    tls {
      hosts       = ["${each.key}-dashboards.homelab.example"]
      secret_name = var.tls_secret_name
    }
    rule {
      host = "${each.key}-dashboards.homelab.example"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "metrics-server"
              port {
                number = 80
              }
            }
          }
        }
      }
    }
  }
}
