import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  AuthTier,
  authTierInfo,
} from '@internal/backstage-plugin-infra-common';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

export interface AuthTierChipProps {
  tier: ReadValue<AuthTier>;
  justification: ReadValue<string>;
}

/**
 * The auth tier with its one-line meaning. For `app` and `none` authentik is
 * out of the request path, so the justification comment is shown too, and
 * its absence is called out rather than left blank.
 */
export function AuthTierChip(props: AuthTierChipProps) {
  const { tier, justification } = props;
  if (tier.state !== 'known') {
    return (
      <ReadValueView value={tier} missing="missing: no auth tier recorded" />
    );
  }
  const info = authTierInfo(tier.value);
  return (
    <Box>
      <Chip
        size="small"
        label={tier.value}
        color={tier.value === 'required' ? 'primary' : 'default'}
        variant={info.needsJustification ? 'outlined' : 'default'}
        style={{ marginRight: 8 }}
      />
      <Typography component="span" variant="body2">
        {info.meaning}
      </Typography>
      {info.needsJustification && (
        <Box mt={0.5}>
          <Typography component="span" variant="body2">
            Justification:{' '}
          </Typography>
          {justification.state === 'missing' ? (
            <Typography component="span" variant="body2" color="error">
              missing: no comment above the auth line says what gates the app
            </Typography>
          ) : (
            <ReadValueView
              value={justification}
              render={text => <q>{text}</q>}
              missing=""
            />
          )}
        </Box>
      )}
    </Box>
  );
}
