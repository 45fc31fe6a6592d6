locals {
  host         = coalesce(var.host, "${var.name}.${var.root_domain}")
  service_name = coalesce(var.service_name, var.name)
  # Anti-AI is on by default when authentik is not in front.
  anti_ai = var.anti_ai_scraping != null ? var.anti_ai_scraping : contains(["app", "none"], var.auth)
}
