import { PropsWithChildren } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  value: { margin: 0, overflowWrap: 'anywhere' },
}));

/** A labelled list of infra facts (a `<dl>`, so label and value stay paired for screen readers). */
export function InfraFieldList(props: PropsWithChildren<{}>) {
  const classes = useStyles();
  return <dl className={classes.list}>{props.children}</dl>;
}

/** One labelled fact in an {@link InfraFieldList}. */
export function InfraField(props: PropsWithChildren<{ label: string }>) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="subtitle2">
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}
