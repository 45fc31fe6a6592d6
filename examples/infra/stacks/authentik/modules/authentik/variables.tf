variable "namespace" {
  type = string
}

variable "tier" {
  type = string
}

variable "root_domain" {
  type = string
}

variable "tls_secret_name" {
  type = string
}

variable "chart_version" {
  type    = string
  default = "2026.2.4"
}
