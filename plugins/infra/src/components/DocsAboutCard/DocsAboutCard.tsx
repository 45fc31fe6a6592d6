import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  DocAboutPage,
  DocMatch,
  DocPageKind,
  INFRA_DOCS_ANNOTATIONS,
  parseDocsAbout,
} from '@internal/backstage-plugin-infra-common';
import { docsPagePath } from '../../lib/docsFacts';

const KIND_LABEL: Record<DocPageKind, string> = {
  'post-mortem': 'Post-mortem',
  runbook: 'Runbook',
  architecture: 'Architecture',
  decision: 'Decision',
  plan: 'Plan',
  page: 'Page',
};

function MatchLine({ match }: { match: DocMatch }) {
  return (
    <Typography variant="caption" component="div" color="textSecondary">
      names {match.termKind} <code>{match.term}</code> in{' '}
      {match.field === 'heading' ? 'a heading' : 'the text'} (line {match.line}
      ): “{match.excerpt}”
    </Typography>
  );
}

function PageItem({
  page,
  docsEntityRef,
}: {
  page: DocAboutPage;
  docsEntityRef: string;
}) {
  return (
    <li style={{ marginBottom: 12 }}>
      <Typography variant="body2">
        <strong>{KIND_LABEL[page.kind] ?? page.kind}</strong>
        {page.date ? ` · ${page.date}` : ''}
        {page.inPassing ? ' · mentioned in passing' : ''} ·{' '}
        <Link to={docsPagePath(docsEntityRef, page.sitePath)}>
          {page.title}
        </Link>
      </Typography>
      {page.matches.map((m, i) => (
        <MatchLine key={i} match={m} />
      ))}
      <Typography variant="caption" component="div" color="textSecondary">
        {page.file}
      </Typography>
    </li>
  );
}

/**
 * The infra repo's own docs pages that name this stack or service (its
 * name, namespace or hostnames), post-mortems first by date, each with
 * where it names it. An annotation that cannot be read says so.
 */
export function DocsAboutCard() {
  const { entity } = useEntity();
  const raw = entity.metadata.annotations?.[INFRA_DOCS_ANNOTATIONS.about];
  const about = parseDocsAbout(raw);
  return (
    <InfoCard title="Docs about this">
      {!raw && (
        <Typography variant="body2">
          No page of the infra repo's docs names this{' '}
          {entity.kind === 'System' ? 'stack' : 'service'}, its namespace or its
          hostnames.
        </Typography>
      )}
      {raw && !about && (
        <Typography variant="body2" color="error">
          The {INFRA_DOCS_ANNOTATIONS.about} annotation could not be read, so
          the linked docs are unknown.
        </Typography>
      )}
      {about && (
        <>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {about.pages.map(p => (
              <PageItem
                key={p.file}
                page={p}
                docsEntityRef={about.docsEntityRef}
              />
            ))}
          </ul>
          {about.total > about.pages.length && (
            <Typography variant="body2">
              {about.total - about.pages.length} more pages name it; all are in
              the <Link to={docsPagePath(about.docsEntityRef)}>infra docs</Link>
              .
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
