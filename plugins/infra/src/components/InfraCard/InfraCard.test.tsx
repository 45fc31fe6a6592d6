import { screen, within } from '@testing-library/react';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { infraEntity } from '../../testing/entities';
import { field, renderCard } from '../../__testUtils__/card';
import {
  pdbDetails,
  poolerDetails,
  serviceDetails,
} from '../../testing/details';

const serviceAnnotations = {
  [INFRA_ANNOTATIONS.authTier]: 'required',
  [INFRA_ANNOTATIONS.host]: 'authentik.example.org',
  [INFRA_ANNOTATIONS.dnsType]: 'proxied',
  [INFRA_ANNOTATIONS.anubis]: 'false',
  [INFRA_ANNOTATIONS.replicas]: '3',
  [INFRA_ANNOTATIONS.criticalPath]: 'true',
  [INFRA_ANNOTATIONS.tier]: '1-cluster',
};

describe('InfraCard on a service', () => {
  const service = infraEntity({
    type: 'service',
    annotations: serviceAnnotations,
    details: serviceDetails(),
  });

  it('shows the auth tier with its meaning, host, DNS and Anubis', async () => {
    await renderCard(service);

    expect(
      within(field('Auth tier')).getByText('required'),
    ).toBeInTheDocument();
    expect(field('Auth tier')).toHaveTextContent(
      'authentik forward-auth checks every request',
    );
    expect(
      within(field('Host')).getByRole('link', {
        name: /authentik\.example\.org/,
      }),
    ).toHaveAttribute('href', 'https://authentik.example.org');
    expect(field('DNS type')).toHaveTextContent('proxied');
    expect(field('Anubis')).toHaveTextContent('not in front');
  });

  it('shows replicas with the critical-path badge, the PDB, resources and storage', async () => {
    await renderCard(service);

    expect(field('Replicas')).toHaveTextContent('3');
    expect(
      within(field('Replicas')).getByText('critical path'),
    ).toBeInTheDocument();
    expect(field('PDB')).toHaveTextContent('minAvailable 2');
    expect(
      within(field('PDB')).getByRole('link', { name: /authentik-server/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/authentik-server-pdb');
    expect(field('Resources')).toHaveTextContent(
      'memory 1Gi / 1Gi; cpu 100m / no limit',
    );
    expect(field('Storage')).toHaveTextContent(
      'authentik-media-encrypted: proxmox-lvm-encrypted, 1Gi, ReadWriteOnce encrypted',
    );
    expect(field('Tier')).toHaveTextContent('1-cluster');
  });

  it('links the pooler and says plainly that there is no direct database', async () => {
    await renderCard(service);

    expect(
      within(field('Pooler')).getByRole('link', { name: /pgbouncer/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/authentik-pgbouncer');
    expect(field('Database')).toHaveTextContent('no database');
  });

  it('lists the ingresses in front of it with their tier', async () => {
    await renderCard(service);

    const ingresses = field('Ingresses');
    expect(ingresses).toHaveTextContent('authentik.example.org');
    expect(within(ingresses).getByText('auth none')).toBeInTheDocument();
    expect(
      within(ingresses).getByRole('link', { name: /^authentik$/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/authentik-ingress');
  });

  it('links to the source file and line', async () => {
    await renderCard(service);

    const link = within(field('Source')).getByRole('link', {
      name: /stacks\/authentik\/main\.tf:42/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://forgejo.example.org/homelab/infra/src/branch/master/stacks/authentik/main.tf#L42',
    );
  });
});

describe('InfraCard with unknowns', () => {
  it('shows unresolved values with their expression instead of a guess', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        annotations: {
          [INFRA_ANNOTATIONS.authTier]: 'required',
          [INFRA_ANNOTATIONS.host]: 'unresolved: local.host',
          [INFRA_ANNOTATIONS.replicas]: 'unresolved: var.replicas',
        },
        details: serviceDetails({
          pdb: {
            ref: 'resource:default/authentik-server-pdb',
            name: 'authentik-server',
            minAvailable: { unresolved: 'var.min_available' },
          },
          storage: [
            {
              claimName: 'data',
              storageClass: { unresolved: 'local.storage_class' },
              size: '5Gi',
              accessModes: [],
              encrypted: false,
              type: 'pvc',
            },
          ],
        }),
      }),
    );

    expect(field('Replicas')).toHaveTextContent('unresolved: var.replicas');
    expect(field('Host')).toHaveTextContent('unresolved: local.host');
    expect(within(field('Host')).queryByRole('link')).not.toBeInTheDocument();
    expect(field('PDB')).toHaveTextContent(
      'minAvailable unresolved: var.min_available',
    );
    // The provider's `encrypted: false` follows from a class it could not
    // resolve, so the card must not claim "not encrypted".
    expect(field('Storage')).toHaveTextContent(
      'data: unresolved: local.storage_class, 5Gi encryption unknown',
    );
    expect(field('Storage')).not.toHaveTextContent('not encrypted');
  });

  it('says what is missing when annotations and details are absent', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        annotations: { 'backstage.io/edit-url': undefined },
      }),
    );

    expect(field('Ingress')).toHaveTextContent(
      'no ingress fronts this workload',
    );
    expect(
      screen.queryByText('Host', { selector: 'dt' }),
    ).not.toBeInTheDocument();
    expect(field('Replicas')).toHaveTextContent('no replica count recorded');
    expect(field('Details')).toHaveTextContent(
      'missing: no infra.homelab/details annotation, so ingresses, PDB, resources, storage, database and pooler are unknown',
    );
    expect(
      screen.queryByText('PDB', { selector: 'dt' }),
    ).not.toBeInTheDocument();
    expect(field('Source')).toHaveTextContent(
      'missing: no backstage.io/edit-url or backstage.io/source-location annotation',
    );
  });

  it('says there is no PDB only when the details say so', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        details: serviceDetails({ pdb: undefined }),
      }),
    );

    expect(field('PDB')).toHaveTextContent(
      'no PodDisruptionBudget selects this workload',
    );
  });

  it('says "not recorded" for a list the details leave out, not "none"', async () => {
    const { databases: _omitted, ...withoutDatabases } = serviceDetails();
    await renderCard(
      infraEntity({ type: 'service', details: withoutDatabases }),
    );

    expect(field('Database')).toHaveTextContent('not recorded');
    expect(field('Database')).not.toHaveTextContent('no database');
  });

  it('reports a details annotation that is not JSON as unreadable', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        annotations: { [INFRA_ANNOTATIONS.details]: '{not json' },
      }),
    );

    expect(field('Details')).toHaveTextContent(
      'unreadable infra.homelab/details annotation (not valid JSON)',
    );
  });

  it('refuses details that describe another kind of object', async () => {
    await renderCard(infraEntity({ type: 'service', details: pdbDetails() }));

    expect(field('Details')).toHaveTextContent(
      'describes a pod-disruption-budget, not a service',
    );
  });

  it('shows an unknown auth tier value as unreadable, not as a tier', async () => {
    await renderCard(
      infraEntity({
        type: 'ingress',
        kind: 'Resource',
        annotations: { [INFRA_ANNOTATIONS.authTier]: 'optional' },
      }),
    );

    expect(field('Auth tier')).toHaveTextContent('unreadable value: optional');
  });
});

describe('InfraCard auth justification', () => {
  it('shows the justification for an app-tier ingress', async () => {
    await renderCard(
      infraEntity({
        kind: 'Resource',
        name: 'immich-ingress',
        type: 'ingress',
        annotations: {
          [INFRA_ANNOTATIONS.authTier]: 'app',
          [INFRA_ANNOTATIONS.authJustification]:
            'immich has its own OAuth login',
        },
      }),
    );

    expect(field('Auth tier')).toHaveTextContent('the app has its own login');
    expect(field('Auth tier')).toHaveTextContent(
      'Justification: immich has its own OAuth login',
    );
  });

  it('calls out a none-tier ingress without a justification', async () => {
    await renderCard(
      infraEntity({
        kind: 'Resource',
        type: 'ingress',
        annotations: { [INFRA_ANNOTATIONS.authTier]: 'none' },
      }),
    );

    expect(field('Auth tier')).toHaveTextContent(
      'missing: no comment above the auth line says what gates the app',
    );
  });
});

describe('InfraCard on resources', () => {
  it('shows the paths, backend and fail-closed default of an ingress', async () => {
    await renderCard(
      infraEntity({
        kind: 'Resource',
        type: 'ingress',
        annotations: {
          [INFRA_ANNOTATIONS.authTier]: 'required',
          [INFRA_ANNOTATIONS.host]: 'blog.example.org',
        },
        details: {
          kind: 'ingress',
          stack: 'blog',
          source: { file: 'stacks/blog/main.tf', line: 10 },
          moduleName: 'ingress_diag',
          host: 'blog.example.org',
          authTier: 'required',
          authDefaulted: true,
          anubis: false,
          antiAiScraping: { unresolved: 'var.anti_ai' },
          paths: ['/net-diag.sh'],
          service: { name: 'blog', port: 80 },
          target: { ref: 'component:default/blog', name: 'blog' },
        },
      }),
    );

    expect(field('Auth written')).toHaveTextContent(
      'fail-closed default applies',
    );
    expect(field('Paths')).toHaveTextContent('/net-diag.sh');
    expect(field('Anti-AI scraping')).toHaveTextContent(
      'unresolved: var.anti_ai',
    );
    expect(field('Backend service')).toHaveTextContent('blog:80');
    expect(
      within(field('Routes to')).getByRole('link', { name: /blog/ }),
    ).toHaveAttribute('href', '/catalog/default/component/blog');
  });

  it('shows the bounds, selector and protected workloads of a PDB', async () => {
    await renderCard(
      infraEntity({
        kind: 'Resource',
        name: 'pgbouncer-pdb',
        type: 'pod-disruption-budget',
        details: pdbDetails(),
      }),
    );

    expect(field('Disruption budget')).toHaveTextContent('minAvailable 2');
    expect(field('Selector')).toHaveTextContent('app=pgbouncer');
    expect(
      within(field('Protects')).getByRole('link', { name: /pgbouncer/ }),
    ).toBeInTheDocument();
  });

  it('shows the databases a pooler fronts and its pool settings', async () => {
    await renderCard(
      infraEntity({
        kind: 'Resource',
        name: 'authentik-pgbouncer',
        type: 'connection-pooler',
        annotations: { [INFRA_ANNOTATIONS.replicas]: '3' },
        details: poolerDetails({ pdb: undefined }),
      }),
    );

    expect(field('Replicas')).toHaveTextContent('3');
    expect(field('PDB')).toHaveTextContent(
      'no PodDisruptionBudget selects this workload',
    );
    expect(field('Fronts')).toHaveTextContent('authentik →');
    expect(
      within(field('Fronts')).getByRole('link', { name: /authentik/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/authentik-db');
    expect(field('pool_mode')).toHaveTextContent('transaction');
    expect(field('default_pool_size')).toHaveTextContent('20');
    expect(field('Clients connect to')).toHaveTextContent(
      'pgbouncer.authentik.svc.cluster.local',
    );
  });

  it('shows engine, hosts and storage of a database cluster', async () => {
    await renderCard(
      infraEntity({
        kind: 'Resource',
        name: 'pg-cluster',
        type: 'database',
        details: {
          kind: 'database',
          stack: 'dbaas',
          source: { file: 'stacks/dbaas/cnpg.tf', line: 3 },
          engine: 'postgresql',
          role: 'cluster',
          name: 'pg-cluster',
          hosts: ['pg-cluster-rw.dbaas.svc.cluster.local'],
          instances: { unresolved: 'var.pg_instances' },
          storage: [],
        },
      }),
    );

    expect(field('Engine')).toHaveTextContent('postgresql (cluster)');
    expect(field('Hosts')).toHaveTextContent(
      'pg-cluster-rw.dbaas.svc.cluster.local',
    );
    expect(field('Instances')).toHaveTextContent(
      'unresolved: var.pg_instances',
    );
    expect(field('Storage')).toHaveTextContent('no persistent volume');
  });
});
