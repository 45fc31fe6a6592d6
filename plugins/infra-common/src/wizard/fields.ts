import { AUTH_TIERS, authTierInfo, isAuthTier } from '../authTiers';
import { parseQuantity, quantityUnit } from '../quantity';
import { Problems } from './problems';
import { AuthChoice, ClientKind, DnsType } from './types';

/**
 * Field rules shared by the new-app and add-ingress inputs. Each reads one
 * raw value, records a problem (field, what is wrong, the fix) when it
 * breaks a rule, and returns the typed value or `undefined`.
 */

/**
 * Namespaces no app stack may deploy into: Kubernetes' own, and the
 * platform's shared ones (auth, ingress, secrets, databases, policy,
 * monitoring, DNS, CI). An app there could read or break what every other
 * app depends on; the platform stacks that own them are changed by hand.
 */
export const RESERVED_NAMESPACES: ReadonlyArray<string> = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'authentik',
  'traefik',
  'cloudflared',
  'crowdsec',
  'kyverno',
  'vault',
  'external-secrets',
  'dbaas',
  'cnpg-system',
  'monitoring',
  'metallb-system',
  'calico-system',
  'tigera-operator',
  'cert-manager',
  'technitium',
  'woodpecker',
  'forgejo',
  'reloader',
];

// A DNS-1123 label that also starts with a letter, so that it is a valid
// Terraform resource label once `-` becomes `_`.
const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function describe(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  return s.length > 40
    ? `${JSON.stringify(s.slice(0, 40))}...`
    : JSON.stringify(s);
}

export function dnsLabel(
  p: Problems,
  field: string,
  raw: unknown,
  what: string,
): string | undefined {
  if (typeof raw !== 'string' || raw === '') {
    p.add(
      field,
      `${what} is missing.`,
      `Enter a lowercase name such as "my-app".`,
    );
    return undefined;
  }
  if (raw.length > 63) {
    p.add(
      field,
      `${what} is ${raw.length} characters long; Kubernetes allows 63.`,
      'Shorten it to 63 characters or fewer.',
    );
    return undefined;
  }
  if (/[/\\]|\.\./.test(raw)) {
    p.add(
      field,
      `${what} ${describe(raw)} contains a path separator or "..".`,
      'Use only lowercase letters, digits and "-"; it names a folder under stacks/.',
    );
    return undefined;
  }
  if (!DNS_LABEL.test(raw)) {
    p.add(
      field,
      `${what} ${describe(raw)} is not a DNS-1123 label.`,
      'Use lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (e.g. "my-app").',
    );
    return undefined;
  }
  return raw;
}

export function namespaceName(
  p: Problems,
  field: string,
  raw: unknown,
): string | undefined {
  const ns = dnsLabel(p, field, raw, 'The namespace');
  if (ns === undefined) return undefined;
  if (RESERVED_NAMESPACES.includes(ns) || ns.startsWith('kube-')) {
    p.add(
      field,
      `The namespace "${ns}" is reserved for the cluster or the platform.`,
      'Use your own namespace (the one you were onboarded with, or the app name).',
    );
    return undefined;
  }
  return ns;
}

export function bool(
  p: Problems,
  field: string,
  raw: unknown,
  fallback: boolean,
): boolean {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'boolean') {
    p.add(
      field,
      `Expected true or false, got ${describe(raw)}.`,
      'Tick or untick the box (true/false through the API).',
    );
    return fallback;
  }
  return raw;
}

export function integer(
  p: Problems,
  field: string,
  raw: unknown,
  range: { min: number; max: number },
  what: string,
): number | undefined {
  if (
    typeof raw !== 'number' ||
    !Number.isInteger(raw) ||
    raw < range.min ||
    raw > range.max
  ) {
    p.add(
      field,
      `${what} ${describe(raw)} is not a whole number from ${range.min} to ${
        range.max
      }.`,
      `Enter a whole number from ${range.min} to ${range.max}.`,
    );
    return undefined;
  }
  return raw;
}

export function oneOf<T extends string>(
  p: Problems,
  field: string,
  raw: unknown,
  allowed: ReadonlyArray<T>,
  fallback?: T,
): T | undefined {
  if (
    (raw === undefined || raw === null || raw === '') &&
    fallback !== undefined
  )
    return fallback;
  if (
    typeof raw === 'string' &&
    (allowed as ReadonlyArray<string>).includes(raw)
  )
    return raw as T;
  p.add(
    field,
    `${describe(raw)} is not one of ${allowed.join(', ')}.`,
    `Pick one of ${allowed.join(', ')}.`,
  );
  return undefined;
}

export const DNS_TYPES: ReadonlyArray<DnsType> = [
  'proxied',
  'non-proxied',
  'none',
];
export const CLIENT_KINDS: ReadonlyArray<ClientKind> = ['browser', 'native'];

// registry[:port]/path/name, then a tag and optionally a digest. A digest
// alone is refused too: the infra reads the tag to know what runs.
const IMAGE =
  /^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*:([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})(?:@sha256:[a-f0-9]{64})?$/;

export function image(
  p: Problems,
  field: string,
  raw: unknown,
): string | undefined {
  if (typeof raw !== 'string' || raw === '') {
    p.add(
      field,
      'The image is missing.',
      'Enter an image with an explicit tag, e.g. "ghcr.io/owner/app:1a2b3c4d".',
    );
    return undefined;
  }
  const m = IMAGE.exec(raw);
  if (!m) {
    const lastSegment = raw.split('/').pop() ?? '';
    p.add(
      field,
      lastSegment.includes(':') || raw.includes('@')
        ? `The image ${describe(raw)} is not a valid image reference.`
        : `The image ${describe(raw)} has no tag.`,
      'Write it as registry/path/name:tag with an explicit version or commit tag, e.g. "ghcr.io/owner/app:1a2b3c4d".',
    );
    return undefined;
  }
  if (m[1] === 'latest') {
    p.add(
      field,
      `The image ${describe(raw)} uses the "latest" tag.`,
      'Pin a version or commit SHA tag so a rollout is reproducible and reviewable.',
    );
    return undefined;
  }
  return raw;
}

/** Memory units a request may use: a bare number of bytes is almost always a mistake (`512` for `512Mi`). */
const MEMORY_UNITS = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'k', 'M', 'G', 'T']);

/** Bytes of a memory quantity written with a unit (read by infra-common's one quantity reader), else undefined. */
export function memoryBytes(q: string): number | undefined {
  // Written as Kubernetes reads it: no blanks, no sign, no exponent.
  if (!/^[0-9.]+[a-zA-Z]+$/.test(q)) return undefined;
  const unit = quantityUnit(q);
  return unit !== undefined && MEMORY_UNITS.has(unit)
    ? parseQuantity(q)
    : undefined;
}

export function memory(
  p: Problems,
  field: string,
  raw: unknown,
  range: { min: string; max: string },
  what: string,
): string | undefined {
  const bytes = typeof raw === 'string' ? memoryBytes(raw) : undefined;
  if (bytes === undefined) {
    p.add(
      field,
      `${what} ${describe(raw)} is not a Kubernetes quantity with a unit.`,
      `Write a number followed by Mi or Gi, e.g. "256Mi" or "1Gi" (a bare number means bytes).`,
    );
    return undefined;
  }
  if (bytes < memoryBytes(range.min)! || bytes > memoryBytes(range.max)!) {
    p.add(
      field,
      `${what} ${describe(raw)} is outside ${range.min} to ${range.max}.`,
      `Pick a value from ${range.min} to ${range.max}.`,
    );
    return undefined;
  }
  return raw as string;
}

const CPU = /^(?:[1-9][0-9]{0,5}m|[0-9]+(?:\.[0-9]{1,3})?)$/;

export function cpu(
  p: Problems,
  field: string,
  raw: unknown,
): string | undefined {
  if (typeof raw !== 'string' || !CPU.test(raw) || /^0+(\.0+)?$/.test(raw)) {
    p.add(
      field,
      `The CPU request ${describe(raw)} is not a Kubernetes CPU quantity.`,
      'Write millicores such as "50m" or cores such as "0.5"; size it from actual usage (no CPU limit is set).',
    );
    return undefined;
  }
  return raw;
}

// An absolute URL path: segments of safe characters, no "..", no query.
const URL_PATH = /^\/(?:[A-Za-z0-9._~-]+\/?)*$/;

export function urlPath(
  p: Problems,
  field: string,
  raw: unknown,
): string | undefined {
  if (
    typeof raw !== 'string' ||
    !URL_PATH.test(raw) ||
    raw.split('/').some(s => s === '..' || s === '.')
  ) {
    p.add(
      field,
      `The path ${describe(raw)} is not a plain absolute URL path.`,
      'Start with "/" and use letters, digits, ".", "_", "~", "-" and "/", without ".." (e.g. "/api").',
    );
    return undefined;
  }
  return raw;
}

const FILE_PATH = /^\/(?:[A-Za-z0-9._-]+\/?)*$/;

export function mountPath(
  p: Problems,
  field: string,
  raw: unknown,
): string | undefined {
  if (
    typeof raw !== 'string' ||
    !FILE_PATH.test(raw) ||
    raw === '/' ||
    raw.split('/').some(s => s === '..' || s === '.')
  ) {
    p.add(
      field,
      `The mount path ${describe(raw)} is not an absolute container path.`,
      'Use an absolute path without ".." such as "/data".',
    );
    return undefined;
  }
  return raw;
}

const ENTITY_REF =
  /^(group|user):(?:[a-z0-9][a-z0-9_.-]{0,62}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * A validator for a string field that must match `pattern`: on a mismatch it
 * records the problem (with the value as the user typed it) and the fix.
 */
function patternField(
  pattern: RegExp,
  problem: (shown: string) => string,
  fix: string,
) {
  return (p: Problems, field: string, raw: unknown): string | undefined => {
    if (typeof raw !== 'string' || !pattern.test(raw)) {
      p.add(field, problem(describe(raw)), fix);
      return undefined;
    }
    return raw;
  };
}

export const owner = patternField(
  ENTITY_REF,
  shown => `The owner ${shown} is not a group or user reference.`,
  'Pick the owner in the owner picker (e.g. "group:default/platform").',
);

/** One sentence of plain text; rejects what could spread over lines or read as markup or HCL. */
export function sentence(
  p: Problems,
  field: string,
  raw: unknown,
  opts: {
    what: string;
    fix: string;
    min: number;
    max: number;
    required: boolean;
  },
): string {
  if (raw === undefined || raw === null || raw === '') {
    if (opts.required) p.add(field, `${opts.what} is missing.`, opts.fix);
    return '';
  }
  if (typeof raw !== 'string') {
    p.add(field, `${opts.what} must be text, got ${describe(raw)}.`, opts.fix);
    return '';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(raw)) {
    p.add(
      field,
      `${opts.what} spans several lines or holds control characters.`,
      'Write it as one sentence on a single line.',
    );
    return '';
  }
  if (/\$\{|%\{|\/\*|\*\/|`/.test(raw)) {
    p.add(
      field,
      `${opts.what} holds template or comment markup (\${, %{, /*, */ or a backtick).`,
      'Write plain words; it becomes a comment in the Terraform source.',
    );
    return '';
  }
  const text = raw.trim();
  if (text.length < opts.min || text.length > opts.max) {
    p.add(
      field,
      `${opts.what} is ${text.length} characters long; it must be ${opts.min} to ${opts.max}.`,
      opts.fix,
    );
    return '';
  }
  return text;
}

/**
 * The auth-tier field: `{ tier, justification }` as the AuthTierPicker form
 * field sends it. The same rules as the form, because a template can be run
 * through the API without the form: `app` and `none` need a justification.
 */
export function authChoice(
  p: Problems,
  field: string,
  raw: unknown,
): AuthChoice | undefined {
  const obj =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : undefined;
  const tierRaw = obj ? obj.tier : raw;
  if (!isAuthTier(tierRaw)) {
    p.add(
      `${field}.tier`,
      `${describe(tierRaw)} is not an auth tier.`,
      `Pick one of ${AUTH_TIERS.map(t => t.tier).join(
        ', ',
      )} ("what gates the app?"; required is the fail-closed default).`,
    );
    return undefined;
  }
  const info = authTierInfo(tierRaw);
  if (!info.needsJustification) {
    return { tier: tierRaw, justification: '' };
  }
  const justification = sentence(
    p,
    `${field}.justification`,
    obj?.justification,
    {
      what: `The justification for auth = "${tierRaw}"`,
      fix:
        tierRaw === 'app'
          ? 'Say in one sentence what login the app has (e.g. "the app has its own login (Django accounts)").'
          : 'Say in one sentence why the endpoint is public or what else gates it (e.g. "public blog; Anubis in front").',
      min: 10,
      max: 200,
      required: true,
    },
  );
  return justification ? { tier: tierRaw, justification } : undefined;
}

// Paths native clients use: Git smart HTTP, registry and JSON APIs, WebDAV
// and friends, webhooks and OAuth callbacks. They cannot solve Anubis.
const NATIVE_CLIENT_PATH =
  /(^|\/)(api|v[0-9]+|git|[^/]+\.git|info\/refs|dav|webdav|caldav|carddav|remote\.php|graphql|webhooks?|hooks|oauth2?|callback|\.well-known|metrics)(\/|$)/i;

export function looksLikeNativeClientPath(path: string): boolean {
  return NATIVE_CLIENT_PATH.test(path);
}

const VAULT_PATH = /^secret\/[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*$/;
const VAULT_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;

export const vaultPath = patternField(
  VAULT_PATH,
  shown => `The Vault path ${shown} is not a KV path under secret/.`,
  'Enter a path such as "secret/<namespace>/<app>" (lowercase, "/"-separated, no ".."); never the secret value.',
);

export const vaultKey = patternField(
  VAULT_KEY,
  shown => `The Vault key ${shown} is not a key name.`,
  'Enter the key name inside the Vault secret (letters, digits, "_" and "-"), never the value.',
);

export const envName = patternField(
  ENV_NAME,
  shown => `The environment variable ${shown} is not a valid name.`,
  'Use UPPER_SNAKE_CASE, e.g. "API_TOKEN".',
);

const PG_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export const postgresName = patternField(
  PG_NAME,
  shown => `The database name ${shown} is not a plain PostgreSQL identifier.`,
  'Use lowercase letters, digits and "_", starting with a letter (e.g. "my_app").',
);

export function list(
  p: Problems,
  field: string,
  raw: unknown,
  max: number,
): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    p.add(
      field,
      `Expected a list, got ${describe(raw)}.`,
      'Enter the items as a list.',
    );
    return [];
  }
  if (raw.length > max) {
    p.add(
      field,
      `The list has ${raw.length} items; at most ${max} are allowed.`,
      `Keep ${max} or fewer.`,
    );
    return [];
  }
  return raw;
}

export function record(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === 'object' && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : {};
}
