locals {
  host         = var.full_host != null ? var.full_host : "${coalesce(var.host, var.name)}.${var.root_domain}"
  service_name = coalesce(var.service_name, var.name)
  # Anti-AI is on by default when authentik is not in front.
  anti_ai = var.anti_ai_scraping != null ? var.anti_ai_scraping : contains(["app", "none"], var.auth)
}

# The Traefik middleware chain follows the tier: forward-auth for "required",
# the anonymous-binding outpost for "public", nothing from authentik for
# "app" and "none" (the app, or nobody, gates it).
locals {
  auth_middleware = {
    required = "traefik-authentik-forward-auth@kubernetescrd"
    public   = "traefik-authentik-forward-auth-public@kubernetescrd"
  }
  middlewares = compact([
    "traefik-retry@kubernetescrd",
    lookup(local.auth_middleware, var.auth, null),
    local.anti_ai ? "traefik-ai-bot-block@kubernetescrd" : null,
  ])
}

resource "kubernetes_ingress_v1" "this" {
  metadata {
    name      = var.name
    namespace = var.namespace
    annotations = {
      "traefik.ingress.kubernetes.io/router.middlewares" = join(",", local.middlewares)
      "gethomepage.dev/href"                             = "https://${local.host}"
    }
  }
  spec {
    ingress_class_name = "traefik"
    tls {
      hosts       = [local.host]
      secret_name = var.tls_secret_name
    }
    rule {
      host = local.host
      http {
        dynamic "path" {
          for_each = var.ingress_path == null ? ["/"] : var.ingress_path
          content {
            path      = path.value
            path_type = "Prefix"
            backend {
              service {
                name = local.service_name
                port {
                  number = var.port
                }
              }
            }
          }
        }
      }
    }
  }
}
