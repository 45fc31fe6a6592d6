/**
 * Annotations the infra entity provider writes. All of ours share one
 * prefix so they are easy to find and never collide with Backstage's own.
 */
export const INFRA_ANNOTATION_PREFIX = 'infra.homelab/';

export const INFRA_ANNOTATIONS = {
  /** Stack folder under `stacks/`, e.g. `authentik`. */
  stack: `${INFRA_ANNOTATION_PREFIX}stack`,
  /** `required` | `app` | `public` | `none` (ingress resources and the services they front). */
  authTier: `${INFRA_ANNOTATION_PREFIX}auth-tier`,
  /** The comment line above `auth = "app"|"none"`, when present. */
  authJustification: `${INFRA_ANNOTATION_PREFIX}auth-justification`,
  /** `proxied` | `non-proxied` | `none`. */
  dnsType: `${INFRA_ANNOTATION_PREFIX}dns-type`,
  /** Public host name of an ingress, e.g. `wiki.example.org`. */
  host: `${INFRA_ANNOTATION_PREFIX}host`,
  /** `true` when Anubis fronts the ingress. */
  anubis: `${INFRA_ANNOTATION_PREFIX}anubis`,
  /** Kyverno tier label of the namespace/workload, e.g. `1-cluster`. */
  tier: `${INFRA_ANNOTATION_PREFIX}tier`,
  /** Desired replicas as written in the source (or `unresolved: <expr>`). */
  replicas: `${INFRA_ANNOTATION_PREFIX}replicas`,
  /** `true` for services the infra scales to 3 with a PDB of minAvailable 2. */
  criticalPath: `${INFRA_ANNOTATION_PREFIX}critical-path`,
  /** JSON array of {@link InfraFinding}; absent when there are none. */
  findings: `${INFRA_ANNOTATION_PREFIX}findings`,
  /** JSON array of {@link InfraAllowedFinding}: what the convention policy allows here, with why. */
  allowed: `${INFRA_ANNOTATION_PREFIX}allowed`,
  /** JSON object of per-entity details the infra card shows (storage, PDB, pooler settings). */
  details: `${INFRA_ANNOTATION_PREFIX}details`,
} as const;
