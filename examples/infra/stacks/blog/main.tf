# Static blog behind Anubis: public content, no app login, so the
# proof-of-work challenge is the gate against scrapers.
variable "root_domain" {
  type = string
}

variable "tls_secret_name" {
  type = string
}

resource "kubernetes_namespace" "blog" {
  metadata {
    name = "blog"
    labels = {
      tier = "3-edge"
    }
  }
}

resource "kubernetes_deployment" "blog" {
  metadata {
    name      = "blog"
    namespace = kubernetes_namespace.blog.metadata[0].name
    labels = {
      app = "blog"
    }
  }
  spec {
    replicas = 2
    selector {
      match_labels = {
        app = "blog"
      }
    }
    template {
      metadata {
        labels = {
          app = "blog"
        }
      }
      spec {
        container {
          name  = "blog"
          image = "ghcr.io/homelab-example/blog:4f2a9c1e"
          resources {
            requests = {
              cpu    = "10m"
              memory = "64Mi"
            }
            limits = {
              memory = "64Mi"
            }
          }
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [
      spec[0].template[0].spec[0].dns_config, # KYVERNO_LIFECYCLE_V1
    ]
  }
}

resource "kubernetes_service" "blog" {
  metadata {
    name      = "blog"
    namespace = kubernetes_namespace.blog.metadata[0].name
  }
  spec {
    selector = {
      app = "blog"
    }
    port {
      port        = 80
      target_port = 8080
    }
  }
}

module "anubis" {
  source     = "../../modules/kubernetes/anubis_instance"
  name       = "blog"
  namespace  = kubernetes_namespace.blog.metadata[0].name
  target_url = "http://blog.blog.svc.cluster.local"
}

module "ingress" {
  source           = "../../modules/kubernetes/ingress_factory"
  name             = "blog"
  namespace        = kubernetes_namespace.blog.metadata[0].name
  root_domain      = var.root_domain
  tls_secret_name  = var.tls_secret_name
  service_name     = module.anubis.service_name
  port             = module.anubis.service_port
  anti_ai_scraping = false
  dns_type         = "proxied"
  # auth = "none": public blog; Anubis in front is the gate against scrapers.
  auth = "none"
}

# Carve-out: the diagnostics script is fetched with curl, which cannot solve
# Anubis's challenge, so this one path goes straight to the backend.
module "ingress_net_diag" {
  source          = "../../modules/kubernetes/ingress_factory"
  name            = "blog-net-diag"
  host            = "blog"
  root_domain     = var.root_domain
  namespace       = kubernetes_namespace.blog.metadata[0].name
  tls_secret_name = var.tls_secret_name
  service_name    = "blog"
  ingress_path    = ["/net-diag.sh"]
  dns_type        = "none"
  # auth = "none": a public shell script meant for curl | sh; no data behind it.
  auth = "none"
}
