import { hclComment, hclString } from '../hcl/escape';
import { AuthChoice } from '../spec/types';

/**
 * The `auth = "..."` argument of an `ingress_factory` call. For `app` and
 * `none` the justification comment goes on the line directly above it, in
 * the form the infra's `check-ingress-auth-comments.py` and the portal's
 * convention check read: `# auth = "<tier>": <reason>`.
 */
export function authLines(auth: AuthChoice, indent: string): string[] {
  const lines: string[] = [];
  if (auth.tier === 'app' || auth.tier === 'none') {
    lines.push(
      `${indent}${hclComment(`auth = "${auth.tier}": ${auth.justification}`)}`,
    );
  }
  lines.push(`${indent}auth = ${hclString(auth.tier)}`);
  return lines;
}
