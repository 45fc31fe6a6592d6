import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

export interface LiveManagedValueProps<T> {
  /** The value as declared in the repo. */
  value: ReadValue<T>;
  /** Who manages the field live, when something does (Keel, an autoscaler). */
  manager?: string;
  render?: (value: T) => ReactNode;
  missing: string;
}

/**
 * A declared value, or, when something else manages the field live, the
 * declared value called what it is: a seed, not the running value.
 */
export function LiveManagedValue<T>(props: LiveManagedValueProps<T>) {
  const { value, manager, render, missing } = props;
  if (!manager)
    return <ReadValueView value={value} render={render} missing={missing} />;
  return (
    <>
      declared <ReadValueView value={value} render={render} missing="nothing" />
      <Typography component="span" variant="body2" color="textSecondary">
        , a seed; managed live by {manager}
      </Typography>
    </>
  );
}
