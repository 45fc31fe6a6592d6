import { Typography } from '@material-ui/core';
import { DataSource } from '@internal/backstage-plugin-rollout-status-common';

/**
 * Where a check's data came from, as "name (kind)"; recorded sources say
 * "snapshot" and name their file.
 */
export const SourceList = (props: { sources: DataSource[] }) => {
  if (props.sources.length === 0) {
    return <Typography variant="caption">source: not reported</Typography>;
  }
  return (
    <Typography variant="caption" component="span">
      {props.sources.map((source, i) => (
        <span key={`${source.kind}-${source.name}-${i}`}>
          {i > 0 ? '; ' : 'source: '}
          {source.name} ({source.kind})
          {source.mode === 'snapshot' ? (
            <strong> [snapshot{source.file ? `: ${source.file}` : ''}]</strong>
          ) : null}
        </span>
      ))}
    </Typography>
  );
};
