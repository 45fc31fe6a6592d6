import {
  FINDING_RULES,
  FindingRuleId,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';
import {
  buildInfraModel,
  checkConventions,
  InfraFile,
  IngressModel,
} from '@internal/backstage-plugin-infra-node';

/** What validating a generated stack found, and what it saw. */
export interface StackCheckResult {
  /** Every finding, errors and warnings; any finding stops the task. */
  findings: InfraFinding[];
  /** Rules that were checked and held, by title. */
  passed: string[];
  /** The ingresses of the generated files, with their tiers and justifications. */
  ingresses: Array<
    Pick<
      IngressModel,
      'moduleName' | 'authTier' | 'justification' | 'paths'
    > & { file: string }
  >;
}

/**
 * Parses the generated Terraform with infra-node's HCL parser and runs the
 * infra's convention checks on it: the same code the catalog uses, so a
 * stack the wizard produced shows no finding in the catalog either.
 */
export async function checkGeneratedStack(
  files: ReadonlyArray<InfraFile>,
): Promise<StackCheckResult> {
  const model = await buildInfraModel(files);
  const findings: InfraFinding[] = checkConventions(model, files).map(f => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fix: f.fix,
    file: f.file,
    line: f.line,
  }));
  const failed = new Set<FindingRuleId>(findings.map(f => f.rule));
  const passed = (Object.keys(FINDING_RULES) as FindingRuleId[])
    .filter(id => !failed.has(id))
    .map(id => passedTitle(id));
  const ingresses = model.stacks.flatMap(s =>
    s.ingresses.map(i => ({
      moduleName: i.moduleName,
      authTier: i.authTier,
      justification: i.justification,
      paths: i.paths,
      file: i.source.file,
    })),
  );
  return { findings, passed, ingresses };
}

/** The rule stated as what holds, for the PR body. */
function passedTitle(id: FindingRuleId): string {
  const holds: Record<FindingRuleId, string> = {
    'parse-error': 'Every Terraform file parses',
    'critical-path-replicas': 'Critical-path workloads run at least 3 replicas',
    'critical-path-pdb':
      'Critical-path workloads have a PDB keeping at least 2 pods',
    'auth-justification':
      'Every auth = "app"/"none" has its justification comment',
    'kyverno-lifecycle':
      'Every workload and CronJob ignores dns_config (KYVERNO_LIFECYCLE_V1)',
    'memory-request-equals-limit': 'Memory requests equal limits',
    'no-cpu-limit': 'No CPU limits',
    'rwo-recreate-strategy': 'ReadWriteOnce volumes use the Recreate strategy',
  };
  return holds[id] ?? FINDING_RULES[id].title;
}

/** A finding as one line a user can act on: file, line, what, fix. */
export function formatFinding(f: InfraFinding): string {
  return `${f.file}:${f.line}: ${f.message} Fix: ${f.fix}`;
}
