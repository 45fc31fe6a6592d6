import { first, str, valText } from '../model/blocks';
import { CommandText, commands } from './commandManifests';
import { DatabaseEngine, DatabaseModel } from '../model/types';
import { editSite, ExtractContext, siteId } from './context';
import { ResourceSite } from './walk';

const ENGINE_OF_RESOURCE: Record<string, DatabaseEngine> = {
  postgresql_database: 'postgresql',
  mysql_database: 'mysql',
};

function database(
  ctx: ExtractContext,
  site: ResourceSite,
  id: string,
  engine: DatabaseEngine,
  name: DatabaseModel['name'],
  declaredBy: DatabaseModel['declaredBy'],
  hosts: string[] = [],
): DatabaseModel {
  return {
    id,
    stack: ctx.stack.name,
    engine,
    role: 'database',
    declaredBy,
    name,
    hosts,
    storage: [],
    source: editSite(site, ctx.stack.dir),
  };
}

/** `postgresql_database` / `mysql_database`. */
export function extractDatabaseResource(
  ctx: ExtractContext,
  site: ResourceSite,
): DatabaseModel | undefined {
  const engine = ENGINE_OF_RESOURCE[site.type];
  if (!engine) return undefined;
  const name = str(site.block, 'name', site.scope) ?? site.block.labels[1];
  return database(
    ctx,
    site,
    siteId(site.block, site.instance, ctx.stack.dir),
    engine,
    name,
    'terraform-resource',
  );
}

/** The engine and server host of a Vault database connection (`mysql { connection_url }`, `postgresql { ... }`). */
export function readVaultConnection(
  site: ResourceSite,
): { name?: string; engine: DatabaseEngine; host?: string } | undefined {
  const { block, scope } = site;
  for (const [type, engine] of [
    ['postgresql', 'postgresql'],
    ['mysql', 'mysql'],
    ['mysql_rds', 'mysql'],
    ['mysql_aurora', 'mysql'],
    ['redis', 'redis'],
    ['mongodb', 'mongodb'],
  ] as const) {
    const b = first(block, type, scope);
    if (!b) continue;
    const url = valText(str(b, 'connection_url', scope)) ?? '';
    const host = /(?:@|tcp\(|\/\/)([a-z0-9][-a-z0-9.]*[a-z0-9])(?::\d+)?/i.exec(
      url,
    )?.[1];
    return { name: valText(str(block, 'name', scope)), engine, host };
  }
  return undefined;
}

/**
 * A Vault database secrets-engine static role: an app's credential on a
 * database server. Its `db_name` names the connection, which says the
 * engine and the server host.
 */
export function extractVaultStaticRole(
  ctx: ExtractContext,
  site: ResourceSite,
  connections: ReadonlyMap<string, { engine: DatabaseEngine; host?: string }>,
): DatabaseModel {
  const { block, scope } = site;
  const connection = valText(str(block, 'db_name', scope));
  const conn = connection ? connections.get(connection) : undefined;
  const name =
    str(block, 'username', scope) ??
    str(block, 'name', scope) ??
    block.labels[1];
  return {
    ...database(
      ctx,
      site,
      siteId(block, site.instance, ctx.stack.dir),
      conn?.engine ?? 'unknown',
      name,
      'vault-static-role',
      conn?.host ? [conn.host] : [],
    ),
    vaultRole: valText(str(block, 'name', scope)),
  };
}

/**
 * `CREATE DATABASE [IF NOT EXISTS] <name>` on one line, outside a shell or
 * SQL comment (a comment saying "create database if not exists" names none).
 */
const CREATE_DATABASE =
  /^(?![ \t]*(?:#|--))[^\n]*?\bCREATE[ \t]+DATABASE[ \t]+(?:IF[ \t]+NOT[ \t]+EXISTS[ \t]+)?[`"']?([A-Za-z_][A-Za-z0-9_-]*)[`"']?/gim;

function engineOfCommand(text: string): DatabaseEngine {
  if (/\bpsql\b|pg_|postgres/i.test(text)) return 'postgresql';
  if (/\bmysql\b|mariadb/i.test(text)) return 'mysql';
  return 'unknown';
}

/** `CREATE DATABASE <name>` in a provisioner or a Job's command: one database each. */
export function extractCreateDatabase(
  ctx: ExtractContext,
  site: ResourceSite,
  siteCommands: ReadonlyArray<CommandText> = commands(site),
): DatabaseModel[] {
  const out: DatabaseModel[] = [];
  const seen = new Set<string>();
  for (const { text, raw } of siteCommands) {
    for (const m of text.matchAll(CREATE_DATABASE)) {
      const name = m[1];
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({
        ...database(
          ctx,
          site,
          `${siteId(site.block, site.instance, ctx.stack.dir)}#db:${name}`,
          engineOfCommand(text),
          name,
          'create-database',
        ),
        // As written too: `-h ${var.postgresql_host}` is unknown in the text.
        connection: `${text}\n${raw}`,
      });
    }
  }
  return out;
}
