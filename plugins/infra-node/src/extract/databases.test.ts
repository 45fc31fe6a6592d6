import { modelOf, stackOf } from '../__testUtils__/modelOf';

describe('databases', () => {
  const repo = {
    'stacks/data/main.tf': `
resource "kubernetes_stateful_set" "mysql" {
  metadata {
    name      = "mysql"
    namespace = "data"
  }
  spec {
    selector {
      match_labels = { app = "mysql" }
    }
    template {
      metadata {
        labels = { app = "mysql" }
      }
      spec {
        container {
          name  = "mysql"
          image = "mysql:8.4"
        }
      }
    }
  }
}
resource "kubernetes_service" "mysql" {
  metadata {
    name      = "mysql"
    namespace = "data"
  }
  spec {
    selector = { app = "mysql" }
  }
}
locals {
  apps = { notes = { database = "notes" }, ledger = { database = "ledger" } }
}
resource "null_resource" "app_db" {
  for_each = local.apps
  provisioner "local-exec" {
    command = "mysql -uroot -p\${var.root_password} -e 'CREATE DATABASE IF NOT EXISTS \`\${each.value.database}\`'"
  }
}
variable "root_password" { type = string }
`,
    'stacks/vault/main.tf': `
resource "vault_database_secret_backend_connection" "mysql" {
  backend = "database"
  name    = "mysql"
  mysql {
    connection_url = "{{username}}:{{password}}@tcp(mysql.data.svc.cluster.local:3306)/"
  }
}
resource "vault_database_secret_backend_static_role" "notes" {
  backend  = "database"
  db_name  = vault_database_secret_backend_connection.mysql.name
  name     = "mysql-notes"
  username = "notes"
}
`,
    'stacks/notes/main.tf': `
variable "mysql_host" { type = string }
resource "kubernetes_deployment" "notes" {
  metadata {
    name      = "notes"
    namespace = "notes"
  }
  spec {
    template {
      spec {
        container {
          name  = "notes"
          image = "registry.example/notes:1"
          env {
            name  = "DB_HOST"
            value = var.mysql_host
          }
        }
      }
    }
  }
}
`,
  };

  it('finds servers, CREATE DATABASE per instance, and Vault static roles on their server', async () => {
    const model = await modelOf(repo);
    const data = stackOf(model, 'data').databases;
    expect(data.map(d => [d.role, d.declaredBy, d.engine, d.name])).toEqual([
      ['database', 'create-database', 'mysql', 'ledger'],
      ['database', 'create-database', 'mysql', 'notes'],
      ['cluster', 'workload', 'mysql', 'mysql'],
    ]);
    const server = data.find(d => d.role === 'cluster')!;
    const [role] = stackOf(model, 'vault').databases;
    expect(role).toMatchObject({ declaredBy: 'vault-static-role', engine: 'mysql', name: 'notes' });
    expect(role.serverId).toBe(server.id);
  });

  it('links a workload to the server its host variable names, even when the value is in an unreadable file', async () => {
    const model = await modelOf(repo);
    const [notes] = stackOf(model, 'notes').workloads;
    const server = stackOf(model, 'data').databases.find(d => d.role === 'cluster')!;
    expect(model.dependencies).toContainEqual({ fromId: notes.id, toId: server.id, toKind: 'database' });
  });
});
