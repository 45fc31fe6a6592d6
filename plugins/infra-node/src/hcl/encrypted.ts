import type { SkippedFile } from '../model/types';
import { GitAttributes } from './gitattributes';

/** What git-crypt writes at the start of every encrypted file. */
const GIT_CRYPT_HEADER = '\0GITCRYPT\0';
const GIT_CRYPT_HEADER_BYTES = Buffer.from(GIT_CRYPT_HEADER, 'latin1');

/** True when the content is git-crypt ciphertext (bytes, or text decoded from them). */
export function hasGitCryptHeader(content: Uint8Array | string): boolean {
  if (typeof content === 'string') return content.startsWith(GIT_CRYPT_HEADER);
  if (content.length < GIT_CRYPT_HEADER_BYTES.length) return false;
  return GIT_CRYPT_HEADER_BYTES.every((b, i) => content[i] === b);
}

/**
 * Skipped when `.gitattributes` gives the file `filter=git-crypt`, whatever
 * its content: in a checkout unlocked with `git-crypt unlock` the file is
 * plaintext, and the repo has said it holds secrets.
 */
export function encryptedByAttributes(
  file: string,
  attributes: GitAttributes,
): SkippedFile | undefined {
  const { state, rule } = attributes.lookup(file, 'filter');
  if (state !== 'git-crypt' || !rule) return undefined;
  return {
    file,
    reason: 'encrypted',
    message: `Encrypted with git-crypt (${rule.source} line ${rule.line}: \`${rule.text}\`); not read, so the values it would provide stay unresolved.`,
  };
}

/** Skipped when the content is git-crypt ciphertext. */
export function encryptedByHeader(
  file: string,
  content: Uint8Array | string,
): SkippedFile | undefined {
  if (!hasGitCryptHeader(content)) return undefined;
  return {
    file,
    reason: 'encrypted',
    message:
      'Encrypted with git-crypt (the file starts with the git-crypt header); not read, so the values it would provide stay unresolved.',
  };
}
