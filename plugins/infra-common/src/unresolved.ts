/**
 * Why a value could not be known statically, as the model (infra-node)
 * writes it; Terraform itself would know most of these only at plan or
 * apply time. Readers must accept reasons they do not know (a newer
 * provider may write more) and show them as they are.
 */
export type UnresolvedReason =
  | 'encrypted'
  | 'data-source'
  | 'computed'
  | 'no-value'
  | 'environment'
  | 'unsupported-function'
  | 'missing-file'
  | 'depends-on-unknown'
  | 'other';

/** What each reason means, in words a reader of the card understands. */
export const UNRESOLVED_REASONS: Record<UnresolvedReason, string> = {
  encrypted: 'comes from an encrypted file (git-crypt) the portal cannot read',
  'data-source': 'read from a data source when Terraform plans',
  computed: 'computed by the provider when Terraform applies',
  'no-value': 'a variable with neither an input nor a default',
  environment: 'read from the environment or the machine at plan time',
  'unsupported-function': 'uses a function the portal does not evaluate',
  'missing-file': 'reads a file that is not in the repo',
  'depends-on-unknown': 'depends on another value that is not known',
  other: 'not evaluated statically',
};

/** The sentence for a reason, or undefined for a reason this version does not know. */
export function describeUnresolvedReason(reason: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(UNRESOLVED_REASONS, reason)
    ? UNRESOLVED_REASONS[reason as UnresolvedReason]
    : undefined;
}

/**
 * A value that could not be resolved statically: the raw HCL expression
 * text, and why it could not be resolved when the model knows.
 */
export interface UnresolvedValue {
  unresolved: string;
  /** Usually an {@link UnresolvedReason}; may be a reason this version does not know. */
  reason?: string;
}

/** A statically known value, or the expression it comes from. */
export type InfraValue<T> = T | UnresolvedValue;

/**
 * True for `{ unresolved: string }` and `{ unresolved: string, reason: string }`
 * and nothing else, so an object that merely has an `unresolved` key among
 * others is not mistaken for the marker.
 */
export function isUnresolvedValue(value: unknown): value is UnresolvedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const { unresolved, reason, ...rest } = value as Record<string, unknown>;
  return (
    typeof unresolved === 'string' &&
    (reason === undefined || typeof reason === 'string') &&
    Object.keys(rest).length === 0
  );
}
