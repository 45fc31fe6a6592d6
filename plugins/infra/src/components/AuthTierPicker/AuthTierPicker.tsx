import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  AUTH_TIERS,
  AuthTier,
  isAuthTier,
} from '@internal/backstage-plugin-infra-common';
import { AuthTierFilter, InfraEntityFilters } from '../../lib/AuthTierFilter';

// Same look as the catalog's own filter titles (Kind, Type, Owner, ...).
const useStyles = makeStyles(theme => ({
  title: {
    fontWeight: 'bold',
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.text.primary,
  },
}));

/** Tiers named in the URL (`?filters[authTier]=app`), so a filtered list can be shared. */
function tiersFromQuery(value: string | string[] | undefined): AuthTier[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter(isAuthTier);
}

/**
 * Catalog list filter: show only entities behind the chosen auth tiers.
 * Nothing chosen means no filtering.
 */
export function AuthTierPicker() {
  const classes = useStyles();
  const { updateFilters, queryParameters } = useEntityList<
    DefaultEntityFilters & InfraEntityFilters
  >();
  const [selected, setSelected] = useState<AuthTier[]>(() =>
    tiersFromQuery(queryParameters.authTier),
  );

  useEffect(() => {
    updateFilters({
      authTier: selected.length > 0 ? new AuthTierFilter(selected) : undefined,
    });
  }, [selected, updateFilters]);

  const toggle = (tier: AuthTier, checked: boolean) =>
    setSelected(current =>
      checked ? [...current, tier] : current.filter(t => t !== tier),
    );

  return (
    <Box pb={1} pt={1}>
      <FormControl component="fieldset">
        <Typography component="legend" className={classes.title}>
          Auth tier
        </Typography>
        <FormGroup>
          {AUTH_TIERS.map(info => (
            <Tooltip key={info.tier} title={info.meaning} placement="right">
              <FormControlLabel
                control={
                  <Checkbox
                    size="small"
                    checked={selected.includes(info.tier)}
                    onChange={event => toggle(info.tier, event.target.checked)}
                    name={info.tier}
                  />
                }
                label={info.tier}
              />
            </Tooltip>
          ))}
        </FormGroup>
      </FormControl>
    </Box>
  );
}
