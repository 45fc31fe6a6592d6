import { Link } from '@backstage/core-components';
import { SourceRefFacts } from '../../lib/sourceRef';

/** `file:line`, linked to the repo's web view when the provider knows it. */
export function SourceRefLink(props: { source: SourceRefFacts }) {
  const { file, line, url } = props.source;
  const label = <code>{line ? `${file}:${line}` : file}</code>;
  return url ? <Link to={url}>{label}</Link> : label;
}
