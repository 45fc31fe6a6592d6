# The shared ingress module, cut down: the variables, the Ingress and the
# Traefik middlewares it attaches, which is what the portal reads.
variable "name" {
  type        = string
  description = "Subdomain and object name."
}

variable "namespace" {
  type = string
}

variable "root_domain" {
  type    = string
  default = "homelab.example"
}

variable "host" {
  type        = string
  default     = null
  description = "Subdomain label; defaults to the name. The host is <host>.<root_domain>."
}

variable "full_host" {
  type        = string
  default     = null
  description = "Full host name, when it is not under root_domain."
}

variable "service_name" {
  type    = string
  default = null
}

variable "port" {
  type    = number
  default = 80
}

variable "auth" {
  type        = string
  default     = "required"
  description = "required | app | public | none. Fail-closed default."
  validation {
    condition     = contains(["required", "app", "public", "none"], var.auth)
    error_message = "auth must be one of required, app, public, none."
  }
}

variable "dns_type" {
  type    = string
  default = "proxied"
}

variable "anti_ai_scraping" {
  type    = bool
  default = null
}

variable "ingress_path" {
  type    = list(string)
  default = null
}

variable "tls_secret_name" {
  type    = string
  default = null
}
