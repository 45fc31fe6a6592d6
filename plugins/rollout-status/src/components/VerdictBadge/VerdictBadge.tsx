import { Verdict } from '@internal/backstage-plugin-rollout-status-common';
import { VERDICT_STYLES } from '../../lib/verdictStyle';

/** A verdict as a coloured label that also says the verdict in words. */
export const VerdictBadge = (props: { verdict: Verdict; text?: string }) => {
  const style = VERDICT_STYLES[props.verdict] ?? VERDICT_STYLES.unknown;
  return (
    <span
      data-testid="verdict-badge"
      data-verdict={props.verdict}
      title={style.meaning}
      style={{
        display: 'inline-block',
        minWidth: 72,
        padding: '2px 8px',
        borderRadius: 4,
        backgroundColor: style.colour,
        color: '#ffffff',
        fontWeight: 600,
        fontSize: '0.75rem',
        textAlign: 'center',
        letterSpacing: '0.04em',
      }}
    >
      {props.text ?? style.label}
    </span>
  );
};
