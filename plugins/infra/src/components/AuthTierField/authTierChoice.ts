import {
  AuthTier,
  authTierInfo,
  isAuthTier,
} from '@internal/backstage-plugin-infra-common';

/** What the auth tier field writes into the template's parameters. */
export interface AuthTierChoice {
  tier: AuthTier;
  /** Required for `app` and `none`; becomes the comment line above `auth = "..."`. */
  justification?: string;
}

/** Shortest justification accepted: a few words, not a placeholder like "x". */
export const MIN_JUSTIFICATION_LENGTH = 10;

/**
 * Why a choice cannot be submitted, or undefined when it can. Shared by the
 * field (to show the problem as it is typed) and the validator (to block Next).
 */
export function problemWithChoice(
  choice: Partial<AuthTierChoice> | undefined,
): string | undefined {
  if (!choice || !isAuthTier(choice.tier)) {
    return 'Choose what gates the app.';
  }
  if (!authTierInfo(choice.tier).needsJustification) return undefined;
  const justification = choice.justification?.trim() ?? '';
  const what =
    choice.tier === 'app'
      ? 'which login the app has'
      : 'what gates the app instead, or why it is public';
  if (justification === '') {
    return `auth = "${choice.tier}" takes authentik out of the way: say ${what}. This sentence becomes the comment above the auth line.`;
  }
  // One comment line in the generated HCL: a line break would end the
  // comment and turn the rest into Terraform.
  if (/[\r\n]/.test(justification)) {
    return 'Write the justification on one line: it becomes a single comment line.';
  }
  if (justification.length < MIN_JUSTIFICATION_LENGTH) {
    return `The justification is too short: say ${what} in a sentence.`;
  }
  return undefined;
}
