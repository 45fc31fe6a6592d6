import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

/**
 * Keeps the stock search page's result list beside its filter column.
 *
 * The page lays the two out as flex items of one row. A flex item is never
 * narrower than its longest unbreakable word, and results carry long ones
 * (paths like `/docs/default/component/...`, hostnames, Kubernetes names):
 * with enough of them (a second page of results is likely) the list no
 * longer fits beside the filters at 1280 or 1440 px and wraps below them.
 * Letting the list shrink and its words break keeps it in place.
 */
const useStyles = makeStyles({
  root: {
    '& .MuiGrid-container > .MuiGrid-grid-xs-true': {
      minWidth: 0,
      overflowWrap: 'anywhere',
    },
  },
});

export function SearchPageLayout(props: { children: ReactNode }) {
  const classes = useStyles();
  return <div className={classes.root}>{props.children}</div>;
}
