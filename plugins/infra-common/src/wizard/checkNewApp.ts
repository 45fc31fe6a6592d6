import {
  checkDatabaseBelongsToApp,
  checkDerivedNames,
  checkVaultPathBelongsToApp,
} from './boundaries';
import { FieldProblem, Problems } from './problems';
import {
  authChoice,
  bool,
  CLIENT_KINDS,
  cpu,
  DNS_TYPES,
  dnsLabel,
  envName,
  image,
  integer,
  list,
  looksLikeNativeClientPath,
  memory,
  memoryBytes,
  mountPath,
  namespaceName,
  oneOf,
  owner,
  postgresName,
  record,
  sentence,
  urlPath,
  vaultKey,
  vaultPath,
} from './fields';
import { CarveOut, IngressSpec, NewAppSpec, SecretRef } from './types';

/** A checked request: the typed spec when every rule holds, else the problems. */
export type Checked<T> =
  | { spec: T; problems: [] }
  | { spec?: undefined; problems: FieldProblem[] };

/**
 * Checks a new-app request against every rule of the infra: the typed spec
 * when all hold, else each bad field with what is wrong and its fix. The
 * field names are the template's parameter names. The wizard's form runs it
 * as the user types; `infra:validate-input` runs it again and refuses.
 */
export function checkNewApp(
  values: Record<string, unknown>,
): Checked<NewAppSpec> {
  const p = new Problems();
  const name = dnsLabel(p, 'name', values.name, 'The app name');
  const namespace = namespaceName(
    p,
    'namespace',
    values.namespace || values.name, // an empty field means "the default"
  );
  const createNamespace = bool(
    p,
    'createNamespace',
    values.createNamespace,
    true,
  );
  const ownerRef = owner(p, 'owner', values.owner);
  const description = sentence(p, 'description', values.description, {
    what: 'The description',
    fix: 'Describe the app in one line of plain text (up to 200 characters).',
    min: 1,
    max: 200,
    required: false,
  });
  const img = image(p, 'image', values.image);
  const containerPort = integer(
    p,
    'containerPort',
    values.containerPort,
    { min: 1, max: 65535 },
    'The container port',
  );
  const criticalPath = bool(p, 'criticalPath', values.criticalPath, false);
  const askedReplicas = integer(
    p,
    'replicas',
    values.replicas ?? 1,
    { min: 1, max: 10 },
    'The replica count',
  );
  // Critical path forces at least 3 replicas (with a PDB of minAvailable 2,
  // one node drain rolls cleanly): a lower count is raised, not refused, so
  // ticking the box is enough.
  const replicas =
    criticalPath && askedReplicas !== undefined
      ? Math.max(askedReplicas, 3)
      : askedReplicas;
  const mem = memory(
    p,
    'memory',
    values.memory,
    { min: '16Mi', max: '16Gi' },
    'The memory (request = limit)',
  );
  const cpuRequest = cpu(p, 'cpu', values.cpu);

  let ingress: IngressSpec | undefined;
  if (bool(p, 'exposeIngress', values.exposeIngress, true)) {
    ingress = validateIngress(p, values, name);
  }

  let storage: NewAppSpec['storage'];
  if (bool(p, 'persistentVolume', values.persistentVolume, false)) {
    const size = memory(
      p,
      'volumeSize',
      values.volumeSize ?? '1Gi',
      { min: '100Mi', max: '50Gi' },
      'The volume size',
    );
    const storageLimit = memory(
      p,
      'volumeLimit',
      values.volumeLimit ?? '5Gi',
      { min: '1Gi', max: '100Gi' },
      'The autoresize ceiling',
    );
    const mount = mountPath(p, 'mountPath', values.mountPath ?? '/data');
    if (size && storageLimit && memoryLess(storageLimit, size)) {
      p.add(
        'volumeLimit',
        `The autoresize ceiling ${storageLimit} is below the initial size ${size}.`,
        'Set the ceiling at or above the initial size.',
      );
    }
    if (!criticalPath && replicas !== undefined && replicas > 1) {
      p.add(
        'replicas',
        `A ReadWriteOnce volume attaches to one pod, but ${replicas} replicas were asked for.`,
        'Use 1 replica with a persistent volume (the Deployment uses the Recreate strategy), or drop the volume.',
      );
    }
    if (criticalPath) {
      p.add(
        'persistentVolume',
        'A critical-path service runs 3 replicas, which cannot share one ReadWriteOnce volume.',
        'Keep critical-path services stateless (state in PostgreSQL), or untick critical path.',
      );
    }
    storage = {
      sensitive: bool(p, 'sensitiveData', values.sensitiveData, true),
      size: size ?? '1Gi',
      storageLimit: storageLimit ?? '5Gi',
      mountPath: mount ?? '/data',
    };
  }

  let database: NewAppSpec['database'];
  if (bool(p, 'database', values.database, false)) {
    const dbName = postgresName(
      p,
      'databaseName',
      values.databaseName || name?.replace(/-/g, '_'),
    );
    if (dbName && name) checkDatabaseBelongsToApp(p, dbName, name);
    database = {
      name: dbName ?? '',
      readsSecretAtStartOnly: bool(
        p,
        'readsSecretAtStartOnly',
        values.readsSecretAtStartOnly,
        true,
      ),
    };
  }

  const secrets: SecretRef[] = [];
  const envNames = new Set<string>(database ? ['DATABASE_PASSWORD'] : []);
  list(p, 'secrets', values.secrets, 20).forEach((item, i) => {
    const s = record(item);
    const env = envName(p, `secrets[${i}].env`, s.env);
    const path = vaultPath(p, `secrets[${i}].vaultPath`, s.vaultPath);
    const key = vaultKey(p, `secrets[${i}].key`, s.key);
    if (path && name && ownerRef)
      checkVaultPathBelongsToApp(p, `secrets[${i}].vaultPath`, path, {
        name,
        namespace: namespace ?? name,
        owner: ownerRef,
      });
    if (env && envNames.has(env)) {
      p.add(
        `secrets[${i}].env`,
        `The environment variable ${env} is set twice.`,
        'Give each secret its own variable name.',
      );
    }
    if (env) envNames.add(env);
    if (env && path && key) secrets.push({ env, vaultPath: path, key });
  });

  if (name)
    checkDerivedNames(p, name, {
      storage: !!storage,
      anubis: !!ingress?.anubis,
    });
  if (p.list.length > 0) return { problems: p.list };
  return {
    problems: [],
    spec: {
      name: name!,
      namespace: namespace!,
      createNamespace,
      owner: ownerRef!,
      description,
      image: img!,
      containerPort: containerPort!,
      replicas: replicas!,
      memory: mem!,
      cpu: cpuRequest!,
      criticalPath,
      ingress,
      storage,
      database,
      secrets,
    },
  };
}

function memoryLess(a: string, b: string): boolean {
  return (memoryBytes(a) ?? 0) < (memoryBytes(b) ?? 0);
}

function validateIngress(
  p: Problems,
  values: Record<string, unknown>,
  name: string | undefined,
): IngressSpec | undefined {
  const subdomain = dnsLabel(
    p,
    'subdomain',
    values.subdomain || name,
    'The subdomain',
  );
  const dnsType = oneOf(p, 'dnsType', values.dnsType, DNS_TYPES, 'proxied');
  const auth = authChoice(p, 'authTier', values.authTier);
  const clients = oneOf(p, 'clients', values.clients, CLIENT_KINDS, 'browser');
  const anubis = bool(p, 'anubis', values.anubis, false);
  if (anubis && auth && auth.tier !== 'none') {
    p.add(
      'anubis',
      `Anubis is offered only for auth = "none" content sites; this ingress uses auth = "${auth.tier}".`,
      'Untick Anubis (authentik or the app login already keeps bots out), or choose auth "none" for a public content site.',
    );
  }
  if (anubis && clients === 'native') {
    p.add(
      'anubis',
      'Anubis cannot sit in front of an endpoint used by native clients (Git, APIs, WebDAV/CalDAV, CLIs): they cannot solve its JavaScript challenge.',
      'Untick Anubis for this endpoint; put native-client paths in carve-outs that go straight to the app.',
    );
  }
  const carveOuts: CarveOut[] = [];
  const seen = new Set<string>();
  list(p, 'carveOuts', values.carveOuts, 10).forEach((item, i) => {
    const c = record(item);
    const path = urlPath(p, `carveOuts[${i}].path`, c.path);
    const carveAuth = authChoice(p, `carveOuts[${i}].authTier`, c.authTier);
    if (c.anubis === true && path) {
      p.add(
        `carveOuts[${i}].anubis`,
        looksLikeNativeClientPath(path)
          ? `The carve-out ${path} looks like a Git/API/WebDAV-style endpoint, and Anubis would lock its native clients out.`
          : `A carve-out exists to bypass what fronts the main host; Anubis on ${path} defeats it.`,
        'Remove anubis from the carve-out; it goes straight to the app service.',
      );
    }
    if (path === '/') {
      p.add(
        `carveOuts[${i}].path`,
        'A carve-out at / is a second ingress for the whole host, with its own auth tier: it would replace the gate of the main ingress instead of loosening one path.',
        'Carve out a path below / (e.g. /api or /webhook), or change the auth tier of the main ingress.',
      );
    }
    if (path && seen.has(path)) {
      p.add(
        `carveOuts[${i}].path`,
        `The path ${path} is carved out twice.`,
        'List each path once.',
      );
    }
    if (path) seen.add(path);
    if (path && carveAuth) carveOuts.push({ path, auth: carveAuth });
  });
  if (carveOuts.length > 0 && !auth) return undefined;
  if (!subdomain || !dnsType || !auth || !clients) return undefined;
  return { subdomain, dnsType, auth, clients, anubis, carveOuts };
}
