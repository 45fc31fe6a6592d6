import { RunbookRef } from './runbooks';

/**
 * The four auth tiers of `ingress_factory`. The tier answers "what gates the
 * app?"; `required` is the fail-closed default when `auth` is omitted.
 */
export type AuthTier = 'required' | 'app' | 'public' | 'none';

export interface AuthTierInfo {
  tier: AuthTier;
  /** One line a namespace owner reads when choosing or reviewing the tier. */
  meaning: string;
  /**
   * `app` and `none` take authentik out of the request path, so the infra
   * requires a comment line above `auth = "..."` saying what gates the app
   * instead, or why it is public.
   */
  needsJustification: boolean;
}

export const AUTH_TIERS: readonly AuthTierInfo[] = [
  {
    tier: 'required',
    meaning:
      'authentik forward-auth checks every request; it is the only gate in front of the app.',
    needsJustification: false,
  },
  {
    tier: 'app',
    meaning:
      'the app has its own login, so authentik stays out of the way; the app is the gate.',
    needsJustification: true,
  },
  {
    tier: 'public',
    meaning:
      'anonymous visitors are bound to a guest identity by the public outpost: an audit trail, not a gate.',
    needsJustification: false,
  },
  {
    tier: 'none',
    meaning:
      'no authentik at all: public by design, or gated by something else (Anubis, a native client protocol).',
    needsJustification: true,
  },
];

export const DEFAULT_AUTH_TIER: AuthTier = 'required';

export function isAuthTier(value: unknown): value is AuthTier {
  return AUTH_TIERS.some(t => t.tier === value);
}

export function authTierInfo(tier: AuthTier): AuthTierInfo {
  const info = AUTH_TIERS.find(t => t.tier === tier);
  if (!info) throw new Error(`Unknown auth tier '${tier}'`);
  return info;
}

export const AUTH_TIER_RUNBOOK: RunbookRef = {
  page: 'runbooks/auth-tiers',
  anchor: 'choosing-a-tier',
};
