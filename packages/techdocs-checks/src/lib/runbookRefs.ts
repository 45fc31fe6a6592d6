import {
  AUTH_TIER_RUNBOOK,
  FINDING_RULES,
  RunbookRef,
  runbookPath,
} from '@internal/backstage-plugin-infra-common';
import {
  CHECKS,
  PREFLIGHT_RUNBOOK,
} from '@internal/backstage-plugin-rollout-status-common';

/** A runbook link the portal renders, and the code that renders it. */
export interface LinkedRunbook {
  /** Where the link is defined, e.g. `CHECKS.pool` (for test names and errors). */
  linkedFrom: string;
  ref: RunbookRef;
}

/**
 * Every runbook link the portal's code can render: catalog findings, the
 * auth-tier help, each rollout-status check and the preflight verdict.
 * Read from the shared contracts themselves, so a new check or finding is
 * covered without touching this package.
 */
export function collectLinkedRunbooks(): LinkedRunbook[] {
  return [
    ...Object.values(FINDING_RULES).map(rule => ({
      linkedFrom: `FINDING_RULES.${rule.id}`,
      ref: rule.runbook,
    })),
    { linkedFrom: 'AUTH_TIER_RUNBOOK', ref: AUTH_TIER_RUNBOOK },
    ...Object.values(CHECKS).map(check => ({
      linkedFrom: `CHECKS.${check.id}`,
      ref: check.runbook,
    })),
    { linkedFrom: 'PREFLIGHT_RUNBOOK', ref: PREFLIGHT_RUNBOOK },
  ];
}

/** The distinct runbook pages those links point at. */
export function linkedPages(links: LinkedRunbook[]): string[] {
  return [...new Set(links.map(l => l.ref.page))].sort();
}

export { runbookPath };
