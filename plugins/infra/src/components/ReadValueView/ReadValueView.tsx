import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { describeUnresolvedReason } from '@internal/backstage-plugin-infra-common';
import { ReadValue } from '../../lib/readValue';

/** What a reason means; a reason this version does not know is shown as written. */
const reasonText = (reason: string) =>
  describeUnresolvedReason(reason) ?? reason;

export interface ReadValueViewProps<T> {
  value: ReadValue<T>;
  /** How a known value reads. */
  render?: (value: T) => ReactNode;
  /** What to say when the provider wrote nothing; say what is missing. */
  missing: string;
}

/**
 * Shows one infra value. Unresolved and unreadable values are spelled out
 * with what the source holds, so an unknown never reads like a healthy value.
 */
export function ReadValueView<T>(props: ReadValueViewProps<T>) {
  const { value, render = (v: T) => String(v), missing } = props;
  switch (value.state) {
    case 'known':
      return <>{render(value.value)}</>;
    case 'unresolved':
      return (
        <Typography component="span" variant="body2" color="textSecondary">
          unresolved: <code>{value.expression}</code>
          {value.reason && ` (${reasonText(value.reason)})`}
        </Typography>
      );
    case 'invalid':
      return (
        <Typography component="span" variant="body2" color="error">
          unreadable value: <code>{value.raw}</code>
        </Typography>
      );
    default:
      return (
        <Typography component="span" variant="body2" color="textSecondary">
          {missing}
        </Typography>
      );
  }
}
