import {
  BackstageIdentityResponse,
  BackstageUserIdentity,
  DiscoveryApi,
  IdentityApi,
  ProfileInfo,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

interface ProxyRefreshResponse {
  profile: ProfileInfo;
  backstageIdentity: BackstageIdentityResponse;
}

/** Renew this long before the token expires. */
const RENEW_BEFORE_MS = 5 * 60_000;

async function refresh(
  discoveryApi: DiscoveryApi,
  provider: string,
  init: RequestInit,
): Promise<ProxyRefreshResponse> {
  const base = await discoveryApi.getBaseUrl('auth');
  const res = await fetch(`${base}/${provider}/refresh`, {
    credentials: 'include',
    ...init,
  });
  if (!res.ok) throw await ResponseError.fromResponse(res);
  return res.json();
}

/**
 * A signed-in session from a provider that answers `/refresh` directly
 * (guest, break-glass). `renew` says how to get a new token before this
 * one expires; without it the session ends with its token (break-glass:
 * the password is not kept to renew with).
 */
export class ProxyIdentity implements IdentityApi {
  static async signIn(options: {
    discoveryApi: DiscoveryApi;
    provider: string;
    init?: RequestInit;
    renewable: boolean;
  }): Promise<ProxyIdentity> {
    const { discoveryApi, provider, init = {}, renewable } = options;
    const first = await refresh(discoveryApi, provider, init);
    return new ProxyIdentity(
      first,
      renewable ? () => refresh(discoveryApi, provider, {}) : undefined,
    );
  }

  private constructor(
    private current: ProxyRefreshResponse,
    private readonly renew?: () => Promise<ProxyRefreshResponse>,
  ) {}

  private async identity(): Promise<BackstageIdentityResponse> {
    const expiresAt = this.current.backstageIdentity.expiresAt;
    const expiring =
      expiresAt && new Date(expiresAt).getTime() - Date.now() < RENEW_BEFORE_MS;
    if (expiring && this.renew) this.current = await this.renew();
    return this.current.backstageIdentity;
  }

  getUserId(): string {
    return this.current.backstageIdentity.identity.userEntityRef.replace(
      /^.*[:/]/,
      '',
    );
  }
  async getIdToken(): Promise<string | undefined> {
    return (await this.identity()).token;
  }
  getProfile(): ProfileInfo {
    return this.current.profile;
  }
  async getProfileInfo(): Promise<ProfileInfo> {
    return this.current.profile;
  }
  async getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return this.current.backstageIdentity.identity;
  }
  async getCredentials(): Promise<{ token?: string }> {
    return { token: (await this.identity()).token };
  }
  async signOut(): Promise<void> {
    // Nothing to end on the server: the token expires by itself.
  }
}
