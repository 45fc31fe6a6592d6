# Stub of the per-site Anubis proof-of-work proxy.
variable "name" {
  type = string
}

variable "namespace" {
  type = string
}

variable "target_url" {
  type        = string
  description = "Backend Anubis forwards to once the challenge is solved."
}

variable "replicas" {
  type        = number
  default     = 1
  description = "Challenges live in process memory: keep 1 until a shared store exists."
}
