/** Why a file of the repo was not read, as the model writes it. */
export type SkipReason =
  | 'encrypted'
  | 'too-large'
  | 'too-deep'
  | 'binary'
  | 'parser-failed';

const SKIP_REASONS: Record<SkipReason, string> = {
  encrypted: 'encrypted, not read',
  'too-large': 'too large, not read',
  'too-deep': 'nested too deeply, not read',
  binary: 'not text, not read',
  'parser-failed': 'the parser failed on it, not read',
};

/**
 * How a skipped file reads in the catalog (`encrypted, not read`): a file
 * not read on purpose or by limit, never a parse error. A reason this
 * version does not know is shown as written.
 */
export function describeSkipReason(reason: string): string {
  return Object.prototype.hasOwnProperty.call(SKIP_REASONS, reason)
    ? SKIP_REASONS[reason as SkipReason]
    : `not read (${reason})`;
}
