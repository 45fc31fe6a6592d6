import type { SkippedFile } from '../model/types';
import { encryptedByAttributes, encryptedByHeader } from './encrypted';
import { GitAttributes } from './gitattributes';
import { formatBytes, InfraReadLimits, raiseHint } from './limits';

/**
 * The files the HCL parser reads; everything else is text (values, `.ini`,
 * templates). Terraform's dependency lock file (`.terraform.lock.hcl`) is
 * HCL but not configuration: Terraform never evaluates it, and it is an
 * eighth of a large repo's HCL.
 */
export function isHclPath(p: string): boolean {
  const base = p.slice(p.lastIndexOf('/') + 1);
  return /\.(tf|hcl|tfvars)$/.test(base) && base !== '.terraform.lock.hcl';
}

export interface ClassifyContext {
  attributes: GitAttributes;
  limits: InfraReadLimits;
}

/**
 * What the path and the size alone say, before a byte is read: encrypted by
 * `.gitattributes`, or over the size limit.
 */
export function skipBeforeReading(
  file: string,
  sizeBytes: number,
  ctx: ClassifyContext,
): SkippedFile | undefined {
  const encrypted = encryptedByAttributes(file, ctx.attributes);
  if (encrypted) return encrypted;
  const [limit, key] = isHclPath(file)
    ? [ctx.limits.maxHclBytes, 'maxHclBytes' as const]
    : [ctx.limits.maxTextBytes, 'maxTextBytes' as const];
  if (sizeBytes <= limit) return undefined;
  const what = isHclPath(file) ? 'HCL files' : 'files other than HCL';
  return {
    file,
    reason: 'too-large',
    message: `${formatBytes(sizeBytes)}, over the ${formatBytes(
      limit,
    )} limit for ${what}; not read, so what it declares is missing. Split the file, or ${raiseHint(
      key,
    )}.`,
  };
}

/** What the content says: git-crypt ciphertext, or not text at all. */
export function skipForContent(
  file: string,
  content: Uint8Array | string,
): SkippedFile | undefined {
  const encrypted = encryptedByHeader(file, content);
  if (encrypted) return encrypted;
  // Git's own test for a binary file: a NUL byte. Text never holds one.
  const nul =
    typeof content === 'string' ? content.indexOf('\0') : content.indexOf(0);
  if (nul < 0) return undefined;
  return {
    file,
    reason: 'binary',
    message: `Not a text file (a NUL byte at offset ${nul}); not read. If it should be ${
      isHclPath(file) ? 'HCL' : 'text'
    }, commit it as text (check its encoding and .gitattributes).`,
  };
}

/** The entry of a file the parser found nested deeper than the limit. */
export function tooDeepEntry(
  file: string,
  limit: number,
  line: number,
): SkippedFile {
  return {
    file,
    reason: 'too-deep',
    message: `Nested more than ${limit} levels deep at line ${line} (block bodies, brackets, parentheses, interpolations and operands each count one); not parsed, so what it declares is missing. Flatten the nesting, or ${raiseHint(
      'maxNestingDepth',
    )}.`,
  };
}

/**
 * Every check on a file already read as text: the one list of reasons a
 * file is not parsed, whatever it was read from, except nesting, which the
 * parser measures as it reads (see {@link tooDeepEntry}).
 */
export function classifyInfraFile(
  file: { path: string; content: string },
  ctx: ClassifyContext,
): SkippedFile | undefined {
  return (
    skipBeforeReading(
      file.path,
      Buffer.byteLength(file.content, 'utf8'),
      ctx,
    ) ?? skipForContent(file.path, file.content)
  );
}
