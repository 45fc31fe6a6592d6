import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthResolverContext,
  BackstageSignInResult,
  SignInInfo,
} from '@backstage/plugin-auth-node';
import { isAdmin, PortalAuthConfig } from '../portalAuthConfig';
import { BreakGlassResult } from './breakGlassAuthenticator';

/**
 * Signs a break-glass user in as their catalog User, only if the catalog
 * makes them an admin today: a config entry alone is not enough, so a
 * stale entry for someone who left the platform group opens nothing.
 */
export function createBreakGlassSignInResolver(
  auth: PortalAuthConfig,
  logger: LoggerService,
) {
  return async (
    info: SignInInfo<BreakGlassResult>,
    ctx: AuthResolverContext,
  ): Promise<BackstageSignInResult> => {
    const { userEntityRef } = info.result;
    const { entity } = await ctx.findCatalogUser({ entityRef: userEntityRef });
    const { ownershipEntityRefs } = await ctx.resolveOwnershipEntityRefs(
      entity,
    );
    const ref = stringifyEntityRef(entity);
    if (!isAdmin(ownershipEntityRefs, auth)) {
      logger.warn('BREAK-GLASS sign-in refused: not an admin', {
        breakGlassUser: ref,
      });
      throw new NotAllowedError(
        `Break-glass sign-in is for admins only; ${ref} is not in ${auth.adminGroupRefs.join(
          ' or ',
        )}`,
      );
    }
    logger.warn('BREAK-GLASS sign-in: an admin signed in without authentik', {
      breakGlassUser: ref,
    });
    return ctx.issueToken({
      claims: { sub: ref, ent: [...new Set([ref, ...ownershipEntityRefs])] },
    });
  };
}
