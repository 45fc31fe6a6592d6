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
    expect(role).toMatchObject({
      declaredBy: 'vault-static-role',
      engine: 'mysql',
      name: 'notes',
    });
    expect(role.serverId).toBe(server.id);
  });

  it('links a workload to the server its host variable names, even when the value is in an unreadable file', async () => {
    const model = await modelOf(repo);
    const [notes] = stackOf(model, 'notes').workloads;
    const server = stackOf(model, 'data').databases.find(
      d => d.role === 'cluster',
    )!;
    expect(model.dependencies).toContainEqual({
      fromId: notes.id,
      toId: server.id,
      toKind: 'database',
    });
  });

  it('links a workload to the database of the Secret it reads (an ExternalSecret template or a database role)', async () => {
    const model = await modelOf({
      ...repo,
      'stacks/ledger/main.tf': `
variable "mysql_host" { type = string }
resource "kubernetes_manifest" "db_creds" {
  manifest = {
    apiVersion = "external-secrets.io/v1beta1"
    kind       = "ExternalSecret"
    metadata   = { name = "ledger-db", namespace = "ledger" }
    spec = {
      target = {
        name = "ledger-db-creds"
        template = {
          data = { DATABASE_URL = "mysql://ledger:{{ .password }}@\${var.mysql_host}:3306/ledger" }
        }
      }
      data = [{ secretKey = "password", remoteRef = { key = "static-creds/mysql-notes" } }]
    }
  }
}
resource "kubernetes_deployment" "ledger" {
  metadata {
    name      = "ledger"
    namespace = "ledger"
  }
  spec {
    template {
      spec {
        container {
          name  = "ledger"
          image = "registry.example/ledger:1"
          env {
            name = "DATABASE_URL"
            value_from {
              secret_key_ref {
                name = "ledger-db-creds"
                key  = "DATABASE_URL"
              }
            }
          }
        }
      }
    }
  }
}
`,
    });
    const [ledger] = stackOf(model, 'ledger').workloads;
    const targets = model.dependencies
      .filter(d => d.fromId === ledger.id)
      .map(d => d.toId);
    const data = stackOf(model, 'data').databases;
    const ledgerDb = data.find(d => d.name === 'ledger')!;
    const notesDb = data.find(d => d.name === 'notes')!;
    // The URL names the ledger database on the server the host variable names; the
    // role is the credential of the notes database, which a job creates: one database.
    expect(targets.sort()).toEqual([ledgerDb.id, notesDb.id].sort());
    expect(stackOf(model, 'vault').databases[0].sameAs).toBe(notesDb.id);
    expect(notesDb.alsoDeclared).toEqual([
      {
        declaredBy: 'vault-static-role',
        source: { file: 'stacks/vault/main.tf', line: 9 },
      },
    ]);
  });

  it('reads CREATE DATABASE from a Job on the server its host variable names, not from a comment', async () => {
    const model = await modelOf({
      ...repo,
      'stacks/app/main.tf': `
variable "mysql_host" { type = string }
resource "kubernetes_job_v1" "db_init" {
  metadata {
    name      = "db-init"
    namespace = "app"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name    = "init"
          image   = "mysql:8.4"
          command = ["sh", "-c", <<-EOT
            # Create database if not exists
            mysql -h \${var.mysql_host} -e "CREATE DATABASE IF NOT EXISTS app"
          EOT
          ]
        }
      }
    }
  }
}
`,
    });
    const server = stackOf(model, 'data').databases.find(
      d => d.role === 'cluster',
    )!;
    expect(
      stackOf(model, 'app').databases.map(d => [d.name, d.serverId]),
    ).toEqual([['app', server.id]]);
  });
});
