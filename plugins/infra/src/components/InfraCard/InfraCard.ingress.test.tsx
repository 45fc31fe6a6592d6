import {
  IngressDetails,
  INFRA_ANNOTATIONS,
} from '@internal/backstage-plugin-infra-common';
import { within } from '@testing-library/react';
import { field, renderCard } from '../../__testUtils__/card';
import { infraEntity } from '../../testing/entities';

const ingress = (overrides: Partial<IngressDetails> = {}): IngressDetails => ({
  kind: 'ingress',
  stack: 'docs',
  source: { file: 'stacks/docs/main.tf', line: 10 },
  moduleName: 'ingress',
  host: 'docs.example.org',
  authTier: 'required',
  authDefaulted: false,
  anubis: false,
  service: { name: 'docs', port: 80 },
  ...overrides,
});

const renderIngress = (details: IngressDetails, host?: string) =>
  renderCard(
    infraEntity({
      kind: 'Resource',
      type: 'ingress',
      annotations: {
        [INFRA_ANNOTATIONS.authTier]: 'required',
        [INFRA_ANNOTATIONS.host]:
          host ?? (typeof details.host === 'string' ? details.host : undefined),
      },
      details,
    }),
  );

describe('InfraCard on ingress hosts', () => {
  it('links the full hostname', async () => {
    await renderIngress(ingress());

    expect(
      within(field('Host')).getByRole('link', { name: /docs\.example\.org/ }),
    ).toHaveAttribute('href', 'https://docs.example.org');
  });

  it('shows a bare label as text, never as a broken link', async () => {
    await renderIngress(ingress({ host: 'pb' }));

    expect(within(field('Host')).queryByRole('link')).not.toBeInTheDocument();
    expect(field('Host')).toHaveTextContent(
      'pb (not a full hostname, so no link)',
    );
  });

  it('shows an unresolved host with its reason, without a link', async () => {
    await renderIngress(
      ingress({ host: { unresolved: 'var.domain', reason: 'encrypted' } }),
      'unresolved: var.domain',
    );

    expect(within(field('Host')).queryByRole('link')).not.toBeInTheDocument();
    expect(field('Host')).toHaveTextContent('unresolved: var.domain');
  });
});

describe('InfraCard on ingress details', () => {
  it('says how the ingress is written, its other hosts and its homepage entry', async () => {
    await renderIngress(
      ingress({
        ingressKind: 'plain',
        moduleName: 'web',
        extraHosts: ['www.example.org', 'web'],
        homepageName: 'Docs',
        homepageDescription: 'Team handbook',
      }),
    );

    expect(field('Written as')).toHaveTextContent(
      'a plain kubernetes_ingress_v1 (web)',
    );
    expect(
      within(field('Other hosts')).getByRole('link', {
        name: /www\.example\.org/,
      }),
    ).toHaveAttribute('href', 'https://www.example.org');
    expect(field('Other hosts')).toHaveTextContent(
      'web (not a full hostname, so no link)',
    );
    expect(field('Homepage')).toHaveTextContent('Docs: Team handbook');
  });

  it('links the Anubis Deployment and PDB in front of it', async () => {
    await renderIngress(
      ingress({
        anubis: true,
        anubisInstance: 'anubis',
        anubisWorkload: {
          ref: 'component:default/docs-anubis',
          name: 'anubis',
        },
        anubisPdb: { ref: 'resource:default/docs-anubis-pdb', name: 'anubis' },
      }),
    );

    const links = within(field('Anubis instance')).getAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '/catalog/default/component/docs-anubis',
      '/catalog/default/resource/docs-anubis-pdb',
    ]);
    // Both are called anubis: each says what it is.
    expect(links.map(l => l.textContent)).toEqual([
      'Deployment anubis',
      'PDB anubis',
    ]);
    expect(field('Written as')).toHaveTextContent(
      'an ingress_factory call (module.ingress)',
    );
  });
});
