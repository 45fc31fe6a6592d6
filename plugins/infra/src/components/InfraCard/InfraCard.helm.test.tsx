import { HelmReleaseDetails } from '@internal/backstage-plugin-infra-common';
import { within } from '@testing-library/react';
import { field, renderCard } from '../../__testUtils__/card';
import { infraEntity } from '../../testing/entities';

const at = (line: number) => ({
  file: 'stacks/edge/values.yaml',
  line,
  url: `https://forge.example/infra/src/branch/main/stacks/edge/values.yaml#L${line}`,
});

const release = (
  overrides: Partial<HelmReleaseDetails> = {},
): HelmReleaseDetails => ({
  kind: 'helm-release',
  stack: 'edge',
  namespace: 'edge',
  source: { file: 'stacks/edge/main.tf', line: 3 },
  name: 'proxy',
  chart: 'proxy-chart',
  repository: 'https://charts.example/proxy',
  version: '30.1.0',
  valuesFiles: [at(1)],
  valuesUnresolved: [],
  declared: {
    replicas: { value: 3, key: 'deployment.replicas', source: at(4) },
    pdb: {
      minAvailable: 2,
      enabled: true,
      key: 'podDisruptionBudget',
      source: at(8),
    },
    imageTag: { value: 'v3.4.1', key: 'image.tag', source: at(12) },
    resources: {
      memoryRequest: '256Mi',
      memoryLimit: '256Mi',
      key: 'resources',
      source: at(15),
    },
  },
  workloads: [],
  liveManaged: [],
  ...overrides,
});

const renderRelease = (details: HelmReleaseDetails) =>
  renderCard(
    infraEntity({
      kind: 'Resource',
      name: 'edge-proxy',
      type: 'helm-release',
      details,
    }),
  );

describe('InfraCard on a Helm release', () => {
  it('shows chart, version, repository and the values files', async () => {
    await renderRelease(release());

    expect(field('Chart')).toHaveTextContent('proxy-chart 30.1.0');
    expect(field('Repository')).toHaveTextContent(
      'https://charts.example/proxy',
    );
    expect(field('Release')).toHaveTextContent('proxy in edge');
    expect(
      within(field('Values')).getByRole('link', {
        name: /stacks\/edge\/values\.yaml:1/,
      }),
    ).toHaveAttribute('href', at(1).url);
  });

  it('shows what the values declare, with the key and line', async () => {
    await renderRelease(release());

    expect(field('Replicas')).toHaveTextContent(
      '3 (deployment.replicas at stacks/edge/values.yaml:4',
    );
    expect(field('PDB')).toHaveTextContent(
      'minAvailable 2 (podDisruptionBudget at',
    );
    expect(field('Image')).toHaveTextContent(
      'tag v3.4.1 (image.tag at stacks/edge/values.yaml:12',
    );
    expect(field('Resources')).toHaveTextContent(
      'memory 256Mi / 256Mi; cpu no request / no limit',
    );
    expect(field('Deploys')).toHaveTextContent(
      'no workload modelled for this chart',
    );
  });

  it('calls a pinned tag a seed when Keel manages the image of its workloads', async () => {
    await renderRelease(
      release({
        liveManaged: [
          { field: 'image', manager: 'Keel', evidence: 'keel.sh/policy' },
        ],
        workloads: [
          { ref: 'component:default/idp-server', name: 'idp-server' },
        ],
      }),
    );

    expect(field('Image')).toHaveTextContent(
      'tag declared v3.4.1, a seed; managed live by Keel',
    );
    expect(
      within(field('Deploys')).getByRole('link', { name: 'idp-server' }),
    ).toHaveAttribute('href', '/catalog/default/component/idp-server');
  });

  it('says which values it could not read and which fields are unresolved', async () => {
    await renderRelease(
      release({
        version: { unresolved: 'var.chart_version', reason: 'no-value' },
        valuesFiles: [],
        valuesUnresolved: ['yamlencode(local.values)'],
        declared: {},
      }),
    );

    expect(field('Chart')).toHaveTextContent(
      'proxy-chart unresolved: var.chart_version (a variable with neither an input nor a default)',
    );
    expect(field('Values')).toHaveTextContent(
      'not read: yamlencode(local.values)',
    );
  });
});
