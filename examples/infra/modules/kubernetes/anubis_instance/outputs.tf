output "service_name" {
  value = kubernetes_service.anubis.metadata[0].name
}

output "service_port" {
  value = 8080
}
