import { ConfigApi } from '@backstage/core-plugin-api';

export type SignInMethod = 'guest' | 'oidc' | 'breakglass';

const KNOWN: SignInMethod[] = ['guest', 'oidc', 'breakglass'];

/** `auth.portal.signInMethods`, in order; guest alone when unset (the start command). */
export function readSignInMethods(config: ConfigApi): SignInMethod[] {
  const listed = config.getOptionalStringArray('auth.portal.signInMethods');
  if (!listed) return ['guest'];
  return listed.filter((m): m is SignInMethod =>
    KNOWN.includes(m as SignInMethod),
  );
}

/** The way this browser signed in last, to resume it on reload (never break-glass). */
export const LAST_METHOD_KEY = 'infra-portal.signInMethod';
