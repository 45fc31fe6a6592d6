import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthResolverContext,
  BackstageSignInResult,
  OAuthAuthenticatorResult,
  SignInInfo,
} from '@backstage/plugin-auth-node';
import type { OidcAuthResult } from '@backstage/plugin-auth-backend-module-oidc-provider';
import { PortalAuthConfig } from '../portalAuthConfig';

type OidcSignInInfo = SignInInfo<OAuthAuthenticatorResult<OidcAuthResult>>;

/** The claims of authentik's userinfo answer that the portal reads. */
interface PortalClaims {
  username?: string;
  email?: string;
  groups: string[];
}

function readClaims(info: OidcSignInInfo): PortalClaims {
  const userinfo = info.result.fullProfile.userinfo as Record<string, unknown>;
  const groups = Array.isArray(userinfo.groups)
    ? userinfo.groups.filter((g): g is string => typeof g === 'string')
    : [];
  return {
    username:
      typeof userinfo.preferred_username === 'string'
        ? userinfo.preferred_username
        : undefined,
    // An unverified address could be anyone's: it never selects a user.
    email:
      userinfo.email_verified === true && typeof userinfo.email === 'string'
        ? userinfo.email
        : undefined,
    groups,
  };
}

async function findUser(
  claims: PortalClaims,
  ctx: AuthResolverContext,
): Promise<Entity | undefined> {
  const queries = [
    ...(claims.username
      ? [
          {
            entityRef: {
              kind: 'user',
              namespace: 'default',
              name: claims.username,
            },
          },
        ]
      : []),
    ...(claims.email
      ? [{ filter: { 'spec.profile.email': claims.email } }]
      : []),
  ];
  for (const query of queries) {
    try {
      return (await ctx.findCatalogUser(query)).entity;
    } catch (error) {
      // Not found: try the next claim. Anything else (the catalog is down,
      // two users share an address) must not turn into "unknown user".
      if ((error as Error)?.name !== NotFoundError.name) throw error;
    }
  }
  return undefined;
}

/**
 * Maps an authentik identity to the catalog User named by its
 * `preferred_username` (or, failing that, whose `spec.profile.email` is the
 * verified email), with the groups the catalog gives that user plus the
 * catalog groups `auth.portal.oidcGroups` maps its `groups` claim to.
 * Anyone without a User entity is refused: never a guest, never a made-up ref.
 */
export function createOidcSignInResolver(auth: PortalAuthConfig) {
  return async (
    info: OidcSignInInfo,
    ctx: AuthResolverContext,
  ): Promise<BackstageSignInResult> => {
    const claims = readClaims(info);
    const entity = await findUser(claims, ctx);
    if (!entity) {
      const who = claims.username ?? claims.email ?? 'this authentik account';
      throw new NotAllowedError(
        `"${who}" signed in to authentik but has no User in the portal's catalog. Ask a portal admin to add "${who}" to the org file (org.yaml in the infra repo).`,
      );
    }
    const { ownershipEntityRefs } = await ctx.resolveOwnershipEntityRefs(
      entity,
    );
    const fromClaims = claims.groups.flatMap(group => {
      const ref = auth.groupClaimRefs.get(group);
      return ref ? [ref] : [];
    });
    const userRef = stringifyEntityRef(entity);
    return ctx.issueToken({
      claims: {
        sub: userRef,
        ent: [...new Set([userRef, ...ownershipEntityRefs, ...fromClaims])],
      },
    });
  };
}
