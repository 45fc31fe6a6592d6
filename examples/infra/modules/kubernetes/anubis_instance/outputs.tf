output "service_name" {
  value = "anubis-${var.name}"
}

output "service_port" {
  value = 8080
}
