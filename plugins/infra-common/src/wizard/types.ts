import type { AuthTier } from '../authTiers';

/** The tier of one ingress and, for `app`/`none`, the sentence saying why. */
export interface AuthChoice {
  tier: AuthTier;
  /** Empty for `required` and `public`. */
  justification: string;
}

export type DnsType = 'proxied' | 'non-proxied' | 'none';

/** Who talks to an endpoint: browsers, or native clients (Git, APIs, WebDAV) that cannot solve Anubis. */
export type ClientKind = 'browser' | 'native';

export interface CarveOut {
  path: string;
  auth: AuthChoice;
}

export interface IngressSpec {
  subdomain: string;
  dnsType: DnsType;
  auth: AuthChoice;
  clients: ClientKind;
  anubis: boolean;
  carveOuts: CarveOut[];
}

export interface StorageSpec {
  sensitive: boolean;
  /** Initial size, e.g. `1Gi`; the autoresizer grows it. */
  size: string;
  /** Ceiling for the autoresizer. */
  storageLimit: string;
  mountPath: string;
}

export interface DatabaseSpec {
  /** PostgreSQL database (and role) name on the shared cluster. */
  name: string;
  /** The app reads the password only at start, so a rotation needs a restart (Reloader). */
  readsSecretAtStartOnly: boolean;
}

/** A secret the app gets from Vault: where it lives, never what it is. */
export interface SecretRef {
  env: string;
  vaultPath: string;
  key: string;
}

/** A validated new-app request: every field has passed its rules. */
export interface NewAppSpec {
  name: string;
  namespace: string;
  createNamespace: boolean;
  owner: string;
  description: string;
  image: string;
  containerPort: number;
  replicas: number;
  memory: string;
  cpu: string;
  criticalPath: boolean;
  ingress?: IngressSpec;
  storage?: StorageSpec;
  database?: DatabaseSpec;
  secrets: SecretRef[];
}

/** A validated add-ingress request. */
export interface AddIngressSpec {
  stack: string;
  namespace: string;
  /** Object and module name of the new ingress. */
  ingressName: string;
  subdomain: string;
  paths: string[];
  serviceName: string;
  port: number;
  dnsType: DnsType;
  auth: AuthChoice;
  clients: ClientKind;
}
