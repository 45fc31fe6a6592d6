import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import {
  discoveryApiRef,
  IdentityApi,
  useApi,
} from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ProxyIdentity } from './proxyIdentity';
import { errorMessage } from './errorMessage';

/**
 * The admins' way in while authentik is down. The password goes to the
 * backend once, as HTTP Basic, and is not kept: the session lasts as long
 * as the token it returns (an hour), then the admin signs in again.
 */
export function BreakGlassCard(props: {
  onSignInSuccess(identity: IdentityApi): void;
}) {
  const discoveryApi = useApi(discoveryApiRef);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const identity = await ProxyIdentity.signIn({
        discoveryApi,
        provider: 'breakglass',
        init: {
          method: 'POST',
          headers: {
            authorization: `Basic ${btoa(`${name}:${password}`)}`,
          },
        },
        renewable: false,
      });
      setPassword('');
      props.onSignInSuccess(identity);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard
      title="Break-glass (admins, when authentik is down)"
      variant="fullHeight"
    >
      <form onSubmit={submit} aria-label="Break-glass sign-in">
        <Typography variant="body2" paragraph>
          For portal admins only, with the password from the deployment's
          secret. Every attempt is logged.
        </Typography>
        <TextField
          id="break-glass-name"
          label="Name"
          value={name}
          onChange={e => setName(e.target.value)}
          autoComplete="username"
          fullWidth
          margin="dense"
        />
        <TextField
          id="break-glass-password"
          label="Password"
          type="password"
          value={password}
          onChange={e => setPassword(e.target.value)}
          autoComplete="current-password"
          fullWidth
          margin="dense"
        />
        {error && (
          <Typography role="alert" color="error" variant="body2">
            {error}
          </Typography>
        )}
        <Button
          type="submit"
          color="primary"
          variant="outlined"
          disabled={busy || !name || !password}
        >
          Sign in with break-glass
        </Button>
      </form>
    </InfoCard>
  );
}
