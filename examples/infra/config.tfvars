# Shared inputs every stack receives (terragrunt's required_var_files).
# No secrets here: they live in Vault and reach stacks through ExternalSecrets.
root_domain     = "homelab.example"
postgresql_host = "pg-cluster-rw.dbaas.svc.cluster.local"
mysql_host      = "mysql.dbaas.svc.cluster.local"
tls_secret_name = "homelab-example-tls"
