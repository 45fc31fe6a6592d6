import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  DocsAboutEntity,
  INFRA_DOCS_ANNOTATIONS,
} from '@internal/backstage-plugin-infra-common';
import { DocsAboutCard } from './DocsAboutCard';
import { infraEntity } from '../../testing/entities';

async function renderWith(about: string | undefined, kind = 'System') {
  await renderInTestApp(
    <EntityProvider
      entity={infraEntity({
        kind,
        name: 'authentik',
        type: kind === 'System' ? '' : 'service',
        annotations: { [INFRA_DOCS_ANNOTATIONS.about]: about },
      })}
    >
      <DocsAboutCard />
    </EntityProvider>,
  );
  await screen.findByText('Docs about this');
}

const about: DocsAboutEntity = {
  docsEntityRef: 'component:default/infra-docs',
  total: 12,
  pages: [
    {
      file: 'docs/post-mortems/2026-04-18-migrations-lock.md',
      title: '2026-04-18: upgrade stuck behind an advisory lock',
      kind: 'post-mortem',
      date: '2026-04-18',
      sitePath: 'post-mortems/2026-04-18-migrations-lock/',
      matches: [
        {
          term: 'authentik',
          termKind: 'stack',
          field: 'body',
          excerpt:
            'After an upgrade, the new authentik server pods never became ready.',
          line: 5,
        },
      ],
    },
    {
      file: 'docs/runbooks/restore-postgresql.md',
      title: 'Restore PostgreSQL from a backup',
      kind: 'runbook',
      sitePath: 'runbooks/restore-postgresql/',
      inPassing: true,
      matches: [
        {
          term: 'auth.homelab.example',
          termKind: 'hostname',
          field: 'heading',
          excerpt: '## Logins on auth.homelab.example',
          line: 9,
        },
      ],
    },
  ],
};

describe('DocsAboutCard', () => {
  it('links each page into the docs site, with its kind, date and the match', async () => {
    await renderWith(JSON.stringify(about));
    const [postMortem, runbook] = screen.getAllByRole('listitem');
    expect(
      within(postMortem).getByRole('link', {
        name: '2026-04-18: upgrade stuck behind an advisory lock',
      }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/infra-docs/post-mortems/2026-04-18-migrations-lock/',
    );
    expect(postMortem).toHaveTextContent('Post-mortem · 2026-04-18');
    expect(postMortem).toHaveTextContent(
      'names stack authentik in the text (line 5): “After an upgrade, the new authentik server pods never became ready.”',
    );
    expect(postMortem).toHaveTextContent(
      'docs/post-mortems/2026-04-18-migrations-lock.md',
    );
    expect(runbook).toHaveTextContent(
      'Runbook · mentioned in passing · Restore PostgreSQL from a backup',
    );
    expect(postMortem).not.toHaveTextContent('in passing');
    expect(runbook).toHaveTextContent(
      'names hostname auth.homelab.example in a heading (line 9)',
    );
  });

  it('says how many more pages matched than it lists', async () => {
    await renderWith(JSON.stringify(about));
    expect(screen.getByText(/10 more pages name it/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'infra docs' })).toHaveAttribute(
      'href',
      '/docs/default/component/infra-docs/',
    );
  });

  it('says no page names a stack when the annotation is absent', async () => {
    await renderWith(undefined);
    expect(
      screen.getByText(/No page of the infra repo's docs names this stack/),
    ).toBeInTheDocument();
  });

  it('says the docs are unknown when the annotation cannot be read', async () => {
    await renderWith('{not json', 'Component');
    expect(
      screen.getByText(/could not be read, so the linked docs are unknown/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });
});
