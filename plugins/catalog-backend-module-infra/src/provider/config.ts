import {
  ConventionPolicy,
  InfraReadLimits,
  readConventionPolicy,
} from '@internal/backstage-plugin-infra-node';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

type Config = RootConfigService;
import { InputError } from '@backstage/errors';

export const CONFIG_KEY = 'catalog.providers.infra';

export interface InfraProviderConfig {
  source:
    | { path: string; url?: undefined; webUrl?: string }
    | { url: string; path?: undefined; webUrl?: string };
  schedule: SchedulerServiceTaskScheduleDefinition;
  orgFile: string;
  defaultOwner?: string;
  /** Placeholder Group for stacks nobody owns; emitted by the provider. */
  unownedGroup?: string;
  emitOrgEntities: boolean;
  criticalPath?: string[];
  /** Rules, severities, allowed exceptions and critical-path minimums (default: the seeds' conventions). */
  conventionPolicy?: ConventionPolicy;
  /** Size and nesting limits for reading the repo. */
  limits?: Partial<InfraReadLimits>;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 5 },
};

function fail(key: string, expected: string): never {
  throw new InputError(
    `Invalid config at ${CONFIG_KEY}.${key}: expected ${expected}`,
  );
}

function optionalString(
  config: Config,
  key: string,
  full: string,
): string | undefined {
  if (!config.has(key)) return undefined;
  let v: unknown;
  try {
    v = config.get(key);
  } catch {
    fail(full, 'a string');
  }
  if (typeof v !== 'string' || !v.trim()) fail(full, 'a non-empty string');
  return v.trim();
}

/**
 * Reads and validates `catalog.providers.infra`. Returns undefined when the
 * block is absent (the provider is then disabled); throws an `InputError`
 * naming the key path and what was expected when it is malformed.
 */
export function readInfraProviderConfig(
  root: Config,
): InfraProviderConfig | undefined {
  if (!root.has(CONFIG_KEY)) return undefined;
  const c = root.getConfig(CONFIG_KEY);
  if (!c.has('source')) fail('source', "an object with 'path' or 'url'");
  let source: Config;
  try {
    source = c.getConfig('source');
  } catch {
    fail('source', "an object with 'path' or 'url'");
  }
  const path = optionalString(source, 'path', 'source.path');
  const url = optionalString(source, 'url', 'source.url');
  const webUrl = optionalString(source, 'webUrl', 'source.webUrl');
  if ((path === undefined) === (url === undefined)) {
    fail(
      'source',
      "exactly one of 'path' (a local checkout) or 'url' (a remote tree)",
    );
  }
  if (url !== undefined) {
    try {
      const u = new URL(url);
      if (!/^https?:$/.test(u.protocol)) throw new Error();
    } catch {
      fail('source.url', 'an http(s) URL of a repository tree');
    }
  }
  if (webUrl !== undefined && !/^https?:\/\//.test(webUrl))
    fail('source.webUrl', 'an http(s) URL');

  let schedule = DEFAULT_SCHEDULE;
  if (c.has('schedule')) {
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
        c.getConfig('schedule'),
      );
    } catch (e) {
      fail(
        'schedule',
        `a task schedule ({ frequency, timeout }): ${(e as Error).message}`,
      );
    }
  }
  const owners = c.getOptionalConfig('owners');
  const orgFile = owners
    ? optionalString(owners, 'orgFile', 'owners.orgFile') ?? 'org.yaml'
    : 'org.yaml';
  const defaultOwner = owners
    ? optionalString(owners, 'defaultOwner', 'owners.defaultOwner')
    : undefined;
  if (
    defaultOwner &&
    !/^(group|user):([a-z0-9-_.]+\/)?[A-Za-z0-9-_.]+$/i.test(defaultOwner)
  ) {
    fail(
      'owners.defaultOwner',
      "an entity ref such as 'group:default/platform'",
    );
  }
  const unownedGroup = owners
    ? optionalString(owners, 'unownedGroup', 'owners.unownedGroup')
    : undefined;
  if (
    unownedGroup &&
    !/^(group:)?([a-z0-9-_.]+\/)?[A-Za-z0-9-_.]+$/i.test(unownedGroup)
  ) {
    fail(
      'owners.unownedGroup',
      "a group entity ref such as 'group:default/infra-unowned'",
    );
  }
  let emitOrgEntities = true;
  if (owners?.has('emitOrgEntities')) {
    const v = owners.get('emitOrgEntities');
    if (typeof v !== 'boolean') fail('owners.emitOrgEntities', 'true or false');
    emitOrgEntities = v;
  }
  let criticalPath: string[] | undefined;
  if (c.has('criticalPath')) {
    const v = c.get('criticalPath');
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string'))
      fail('criticalPath', 'a list of regular expressions');
    criticalPath = v as string[];
    criticalPath.forEach((p, i) => {
      try {
        RegExp(p);
      } catch {
        fail(`criticalPath[${i}]`, 'a valid regular expression');
      }
    });
  }
  return {
    source: path !== undefined ? { path, webUrl } : { url: url!, webUrl },
    schedule,
    orgFile: orgFile.replace(/^\.?\/+/, ''),
    defaultOwner,
    unownedGroup,
    emitOrgEntities,
    criticalPath,
    conventionPolicy: readConventionPolicy(root),
    limits: readLimits(c),
  };
}

/** `limits.*`: whole positive numbers, each named with its fix when it is not. */
function readLimits(c: Config): Partial<InfraReadLimits> | undefined {
  const l = c.getOptionalConfig('limits');
  if (!l) return undefined;
  const out: Partial<InfraReadLimits> = {};
  for (const key of [
    'maxHclBytes',
    'maxTextBytes',
    'maxNestingDepth',
  ] as const) {
    if (!l.has(key)) continue;
    const v = l.get(key);
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
      fail(`limits.${key}`, 'a whole number greater than 0');
    out[key] = v;
  }
  return out;
}
