import { Problems } from './problems';

/*
 * What a new app may point at: its own database, its own Vault paths (or
 * its owner's), and Kubernetes names that fit. The form's other checks say
 * a value is well-formed; these say it is the app's to use.
 */

/** The database name the wizard picks for an app: its name with `_` for `-`. */
export function defaultDatabaseName(app: string): string {
  return app.replace(/-/g, '_');
}

/**
 * The stack is wired to the credentials Vault keeps for this database
 * (`static-creds/pg-<db>`): another app's database would hand this app that
 * app's data, and the pull request would not say so.
 */
export function checkDatabaseBelongsToApp(
  p: Problems,
  db: string,
  app: string,
): void {
  const own = defaultDatabaseName(app);
  if (db === own || db.startsWith(`${own}_`)) return;
  p.add(
    'databaseName',
    `The database "${db}" is not this app's: the stack would read the credentials of static-creds/pg-${db} and connect to that database.`,
    `Leave the field empty (the app gets "${own}"), or use a name starting with "${own}_".`,
  );
}

/** The entity name of an owner ref: `group:default/platform` is `platform`. */
function ownerName(owner: string): string {
  return owner.slice(owner.lastIndexOf('/') + 1);
}

/**
 * Vault KV paths the app may read: under its name, its namespace, or its
 * owner (the infra keeps a namespace owner's secrets at
 * `secret/<owner>/<app>`). Anything else is another app's secret.
 */
export function checkVaultPathBelongsToApp(
  p: Problems,
  field: string,
  vaultPath: string,
  app: { name: string; namespace: string; owner: string },
): void {
  const first = vaultPath.split('/')[1];
  const allowed = [...new Set([app.name, app.namespace, ownerName(app.owner)])];
  if (allowed.includes(first)) return;
  p.add(
    field,
    `The Vault path ${vaultPath} is not this app's: ExternalSecrets would copy the secrets of "${first}" into this namespace.`,
    `Use a path under ${allowed.map(a => `secret/${a}/`).join(' or ')}.`,
  );
}

// Kubernetes limits: a Service name is a DNS-1035 label (63); a CronJob's
// name leaves 11 characters for the Job suffix (52).
const SERVICE_MAX = 63;
const CRONJOB_MAX = 52;

/** Names the stack derives from the app name must fit where Kubernetes puts them. */
export function checkDerivedNames(
  p: Problems,
  name: string,
  uses: { storage: boolean; anubis: boolean },
): void {
  const derived: Array<[string, string, number]> = [];
  if (uses.storage)
    derived.push(['backup CronJob', `${name}-backup`, CRONJOB_MAX]);
  if (uses.anubis)
    derived.push(['Anubis Service', `anubis-${name}`, SERVICE_MAX]);
  for (const [what, derivedName, max] of derived) {
    if (derivedName.length <= max) continue;
    p.add(
      'name',
      `The ${what} would be named "${derivedName}" (${derivedName.length} characters); Kubernetes allows ${max}.`,
      `Use a name of at most ${
        name.length - (derivedName.length - max)
      } characters.`,
    );
  }
}
