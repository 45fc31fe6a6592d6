# authentik from its Helm chart. Values live in values.yaml beside this file;
# never `helm upgrade` by hand.
resource "helm_release" "authentik" {
  name       = "goauthentik"
  namespace  = var.namespace
  repository = "https://charts.goauthentik.io"
  chart      = "authentik"
  # Keep in step with global.image.tag in values.yaml (see the comment there).
  version = var.chart_version
  timeout = 900

  values = [templatefile("${path.module}/values.yaml", {
    postgres_host = "pgbouncer.${var.namespace}.svc.cluster.local"
  })]
}

# The embedded outpost serves forward-auth for every `auth = "required"`
# ingress. Its /dev/shm holds session files: size it explicitly so it can
# never fill up again (post-mortem 2026-04-18).
resource "authentik_outpost" "embedded" {
  name = "authentik Embedded Outpost"
  type = "proxy"
  config = jsonencode({
    authentik_host      = "https://authentik.${var.root_domain}"
    kubernetes_namespace = var.namespace
    kubernetes_replicas  = 2
    kubernetes_json_patches = {
      deployment = [
        {
          op    = "add"
          path  = "/spec/template/spec/volumes/-"
          value = { name = "dshm", emptyDir = { medium = "Memory", sizeLimit = "512Mi" } }
        },
      ]
    }
  })
}

module "ingress" {
  source          = "../../../../modules/kubernetes/ingress_factory"
  name            = "authentik"
  namespace       = var.namespace
  root_domain     = var.root_domain
  service_name    = "goauthentik-server"
  tls_secret_name = var.tls_secret_name
  dns_type        = "proxied"
  # auth = "none": authentik is the identity provider itself; putting forward-auth in front of it would loop.
  auth = "none"
}

# Static assets carve-out: served without the auth round trip, with an
# immutable Cache-Control set by the middleware.
module "ingress_static" {
  source          = "../../../../modules/kubernetes/ingress_factory"
  name            = "authentik-static"
  host            = "authentik"
  root_domain     = var.root_domain
  namespace       = var.namespace
  service_name    = "goauthentik-server"
  tls_secret_name = var.tls_secret_name
  ingress_path    = ["/static"]
  # auth = "none": static JS/CSS bundles only, no user data behind this path.
  auth             = "none"
  anti_ai_scraping = false
}
