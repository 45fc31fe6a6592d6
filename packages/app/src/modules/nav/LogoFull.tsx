import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    whiteSpace: 'nowrap',
  },
  title: {
    color: '#ffffff',
    fontSize: 20,
    fontWeight: 700,
    letterSpacing: '0.01em',
  },
});

/** The mark and the app's own title (`app.title`), not Backstage's. */
export const LogoFull = () => {
  const classes = useStyles();
  const title =
    useApi(configApiRef).getOptionalString('app.title') ?? 'Infra Portal';
  return (
    <span className={classes.root}>
      <LogoIcon />
      <span className={classes.title} data-testid="sidebar-title">
        {title}
      </span>
    </span>
  );
};
