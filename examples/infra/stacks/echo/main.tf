# Header-reflecting smoke-test backend.
variable "root_domain" {
  type = string
}

resource "kubernetes_deployment" "echo" {
  metadata {
    name      = "echo"
    namespace = "echo"
    labels = {
      app = "echo"
    }
  }
  spec {
    replicas = 1
    selector {
      match_labels = {
        app = "echo"
      }
    }
    template {
      metadata {
        labels = {
          app = "echo"
        }
      }
      spec {
        container {
          name  = "echo"
          image = "mendhak/http-https-echo:35"
          resources {
            requests = {
              cpu    = "5m"
              memory = "32Mi"
            }
            limits = {
              memory = "32Mi"
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

resource "kubernetes_service" "echo" {
  metadata {
    name      = "echo"
    namespace = "echo"
  }
  spec {
    selector = {
      app = "echo"
    }
    port {
      port        = 80
      target_port = 8080
    }
  }
}

module "ingress" {
  source      = "../../modules/kubernetes/ingress_factory"
  name        = "echo"
  namespace   = "echo"
  root_domain = var.root_domain
  dns_type    = "non-proxied"
  auth        = "public"
}
