import { useEffect, useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  UserIdentity,
} from '@backstage/core-components';
import {
  configApiRef,
  discoveryApiRef,
  IdentityApi,
  useApi,
} from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { BreakGlassCard } from './BreakGlassCard';
import { errorMessage } from './errorMessage';
import { oidcAuthApiRef } from './oidcAuthApi';
import { ProxyIdentity } from './proxyIdentity';
import { LAST_METHOD_KEY, readSignInMethods } from './signInMethods';

type Props = { onSignInSuccess(identity: IdentityApi): void };

/** Signing out also stops the next page load from resuming the session. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return Object.assign(Object.create(identity), {
    async signOut() {
      localStorage.removeItem(LAST_METHOD_KEY);
      await identity.signOut();
    },
  });
}

/**
 * The portal's sign-in: the ways `auth.portal.signInMethods` lists
 * (guest in development, authentik in production, break-glass when it is
 * configured), each with its own error in words.
 */
export function PortalSignInPage({ onSignInSuccess }: Props) {
  const config = useApi(configApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const oidcApi = useApi(oidcAuthApiRef);
  const methods = readSignInMethods(config);
  const [resuming, setResuming] = useState(true);
  const [errors, setErrors] = useState<{ guest?: string; oidc?: string }>({});

  const signInAsGuest = async () =>
    ProxyIdentity.signIn({ discoveryApi, provider: 'guest', renewable: true });
  const signInWithOidc = async (instantPopup: boolean) => {
    const response = await oidcApi.getBackstageIdentity({
      instantPopup,
      optional: !instantPopup,
    });
    if (!response) return undefined;
    return UserIdentity.create({
      identity: response.identity,
      authApi: oidcApi,
    });
  };

  const succeed = (method: 'guest' | 'oidc', identity: IdentityApi) => {
    localStorage.setItem(LAST_METHOD_KEY, method);
    onSignInSuccess(forgetOnSignOut(identity));
  };

  // A reload resumes the last way in, when its session is still good.
  useEffect(() => {
    const last = localStorage.getItem(LAST_METHOD_KEY);
    const resume = async () => {
      if (last === 'guest' && methods.includes('guest')) return signInAsGuest();
      if (last === 'oidc' && methods.includes('oidc'))
        return signInWithOidc(false);
      return undefined;
    };
    resume()
      .then(identity => {
        if (identity) onSignInSuccess(forgetOnSignOut(identity));
        else setResuming(false);
      })
      .catch(() => setResuming(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (resuming) return <Progress />;

  const attempt = (method: 'guest' | 'oidc') => async () => {
    setErrors(e => ({ ...e, [method]: undefined }));
    try {
      const identity =
        method === 'guest' ? await signInAsGuest() : await signInWithOidc(true);
      if (identity) succeed(method, identity);
    } catch (e) {
      setErrors(prev => ({ ...prev, [method]: errorMessage(e) }));
    }
  };

  return (
    <Page themeId="home">
      <Header title={config.getOptionalString('app.title') ?? 'Infra Portal'} />
      <Content>
        <Grid container spacing={3}>
          {methods.includes('oidc') && (
            <Grid item xs={12} md={4}>
              <InfoCard
                title="authentik"
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={attempt('oidc')}
                  >
                    Sign in with authentik
                  </Button>
                }
              >
                <Typography variant="body1">
                  Your homelab account, through authentik (OpenID Connect).
                </Typography>
                {errors.oidc && (
                  <Typography role="alert" color="error" variant="body2">
                    {errors.oidc}
                  </Typography>
                )}
              </InfoCard>
            </Grid>
          )}
          {methods.includes('guest') && (
            <Grid item xs={12} md={4}>
              <InfoCard
                title="Guest"
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={attempt('guest')}
                  >
                    Enter
                  </Button>
                }
              >
                <Typography variant="body1">
                  Development sign-in, as the example namespace owner.
                </Typography>
                {errors.guest && (
                  <Typography role="alert" color="error" variant="body2">
                    {errors.guest}
                  </Typography>
                )}
              </InfoCard>
            </Grid>
          )}
          {methods.includes('breakglass') && (
            <Grid item xs={12} md={4}>
              <BreakGlassCard onSignInSuccess={onSignInSuccess} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
