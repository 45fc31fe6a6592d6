import type { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  FINDING_RULES,
  FindingRuleId,
  FindingSeverity,
} from '@internal/backstage-plugin-infra-common';
import {
  AllowEntry,
  ConventionPolicy,
  CriticalPathEntry,
  DEFAULT_CONVENTION_POLICY,
  ResourceMatch,
  RulePolicy,
} from './policy';

/** Any `Config` (the root config, or one `getConfig` returned). */
type Config = RootConfigService;

/** Where the catalog and the scaffolder read the policy from. */
export const CONVENTION_POLICY_CONFIG_KEY =
  'catalog.providers.infra.conventions';

const SEVERITIES: ReadonlyArray<FindingSeverity> = ['error', 'warning', 'info'];
const RULE_IDS = Object.keys(FINDING_RULES) as FindingRuleId[];

class PolicyReader {
  constructor(private readonly prefix: string) {}

  fail(path: string, problem: string, fix: string): never {
    throw new InputError(
      `Invalid config at ${this.prefix}.${path}: ${problem}. Fix: ${fix}`,
    );
  }

  value(c: Config, key: string, path: string): unknown {
    try {
      return c.getOptional(key);
    } catch {
      return this.fail(
        path,
        'the value cannot be read',
        'write it as plain YAML',
      );
    }
  }

  string(c: Config, key: string, path: string): string | undefined {
    const v = this.value(c, key, path);
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !v.trim())
      this.fail(
        path,
        `expected a non-empty string, got ${JSON.stringify(v)}`,
        'write a string',
      );
    return v.trim();
  }

  integer(
    c: Config,
    key: string,
    path: string,
    min: number,
  ): number | undefined {
    const v = this.value(c, key, path);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      this.fail(
        path,
        `expected a whole number of at least ${min}, got ${JSON.stringify(v)}`,
        `write a number such as ${min + 1}`,
      );
    return v;
  }

  boolean(c: Config, key: string, path: string): boolean | undefined {
    const v = this.value(c, key, path);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean')
      this.fail(
        path,
        `expected true or false, got ${JSON.stringify(v)}`,
        'write true or false',
      );
    return v;
  }

  ruleId(c: Config, key: string, path: string): FindingRuleId {
    const v = this.string(c, key, path);
    if (v === undefined)
      this.fail(
        path,
        'missing',
        `name the rule, one of ${RULE_IDS.join(', ')}`,
      );
    if (!RULE_IDS.includes(v as FindingRuleId))
      this.fail(
        path,
        `unknown rule '${v}'`,
        `use one of ${RULE_IDS.join(', ')}`,
      );
    return v as FindingRuleId;
  }

  reason(c: Config, path: string): string {
    const reason = this.string(c, 'reason', `${path}.reason`);
    if (reason === undefined)
      this.fail(
        `${path}.reason`,
        'missing',
        'say why in a sentence; it is shown on the entity as "allowed: <reason>"',
      );
    return reason;
  }

  match(c: Config, path: string): ResourceMatch {
    const stack = this.string(c, 'stack', `${path}.stack`);
    const address = this.string(c, 'address', `${path}.address`);
    const pattern = this.string(c, 'name', `${path}.name`);
    let name: RegExp | undefined;
    if (pattern !== undefined) {
      try {
        name = new RegExp(pattern);
      } catch (e) {
        this.fail(
          `${path}.name`,
          `not a regular expression (${(e as Error).message})`,
          'escape special characters, e.g. \\. for a dot',
        );
      }
    }
    if (stack === undefined && address === undefined && name === undefined)
      this.fail(
        path,
        'the entry names no resource',
        'give at least one of stack, address or name (to turn a rule off everywhere, set rules.<rule>.enabled: false)',
      );
    return { stack, address, name };
  }

  entries(c: Config, key: string, path: string): Config[] {
    const v = this.value(c, key, path);
    if (v === undefined) return [];
    if (
      !Array.isArray(v) ||
      v.some(e => typeof e !== 'object' || e === null || Array.isArray(e))
    )
      this.fail(
        path,
        'expected a list of objects',
        'write a YAML list of entries',
      );
    return c.getConfigArray(key);
  }
}

function readRules(
  r: PolicyReader,
  c: Config,
): Partial<Record<FindingRuleId, RulePolicy>> {
  const rules: Partial<Record<FindingRuleId, RulePolicy>> = {};
  const block = c.getOptionalConfig('rules');
  if (!block) return rules;
  for (const id of block.keys()) {
    const path = `rules.${id}`;
    if (!RULE_IDS.includes(id as FindingRuleId))
      r.fail(path, `unknown rule '${id}'`, `use one of ${RULE_IDS.join(', ')}`);
    const rule = block.getConfig(id);
    const enabled = r.boolean(rule, 'enabled', `${path}.enabled`);
    const severity = r.string(rule, 'severity', `${path}.severity`);
    if (
      severity !== undefined &&
      !SEVERITIES.includes(severity as FindingSeverity)
    )
      r.fail(
        `${path}.severity`,
        `unknown severity '${severity}'`,
        `use one of ${SEVERITIES.join(', ')}`,
      );
    rules[id as FindingRuleId] = {
      enabled: enabled ?? true,
      severity: severity as FindingSeverity | undefined,
    };
  }
  return rules;
}

function readAllow(r: PolicyReader, c: Config): AllowEntry[] {
  return r.entries(c, 'allow', 'allow').map((e, i) => {
    const path = `allow[${i}]`;
    return {
      rule: r.ruleId(e, 'rule', `${path}.rule`),
      ...r.match(e, path),
      container: r.string(e, 'container', `${path}.container`),
      reason: r.reason(e, path),
    };
  });
}

function readCriticalPath(r: PolicyReader, c: Config) {
  const d = DEFAULT_CONVENTION_POLICY.criticalPath;
  const block = c.getOptionalConfig('criticalPath');
  if (!block) return { ...d, workloads: [] };
  const workloads: CriticalPathEntry[] = r
    .entries(block, 'workloads', 'criticalPath.workloads')
    .map((e, i) => {
      const path = `criticalPath.workloads[${i}]`;
      return {
        ...r.match(e, path),
        member: r.boolean(e, 'member', `${path}.member`),
        minReplicas: r.integer(e, 'minReplicas', `${path}.minReplicas`, 0),
        minPdbAvailable: r.integer(
          e,
          'minPdbAvailable',
          `${path}.minPdbAvailable`,
          0,
        ),
        reason: r.reason(e, path),
      };
    });
  return {
    minReplicas:
      r.integer(block, 'minReplicas', 'criticalPath.minReplicas', 1) ??
      d.minReplicas,
    minPdbAvailable:
      r.integer(block, 'minPdbAvailable', 'criticalPath.minPdbAvailable', 0) ??
      d.minPdbAvailable,
    workloads,
  };
}

function readTiers(r: PolicyReader, c: Config): string[] {
  const v = r.value(c, 'burstableTiers', 'burstableTiers');
  if (v === undefined) return [...DEFAULT_CONVENTION_POLICY.burstableTiers];
  if (!Array.isArray(v) || v.some(t => typeof t !== 'string' || !t.trim()))
    r.fail(
      'burstableTiers',
      'expected a list of tier names',
      "write e.g. ['3-edge', '4-aux']",
    );
  return (v as string[]).map(t => t.trim());
}

/**
 * Reads the convention policy at `key` of a config (by default
 * {@link CONVENTION_POLICY_CONFIG_KEY} of the root config), filling in the
 * seeds' conventions for what is not set; with nothing there, the defaults.
 * A malformed value throws an `InputError` naming its key path and the fix.
 */
export function readConventionPolicy(
  config: Config,
  key: string = CONVENTION_POLICY_CONFIG_KEY,
): ConventionPolicy {
  const c = config.getOptionalConfig(key);
  if (!c)
    return {
      ...DEFAULT_CONVENTION_POLICY,
      criticalPath: { ...DEFAULT_CONVENTION_POLICY.criticalPath },
    };
  const r = new PolicyReader(key);
  return {
    rules: readRules(r, c),
    allow: readAllow(r, c),
    criticalPath: readCriticalPath(r, c),
    burstableTiers: readTiers(r, c),
  };
}
