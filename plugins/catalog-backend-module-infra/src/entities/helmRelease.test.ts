import { HelmReleaseDetails } from '@internal/backstage-plugin-infra-common';
import { Unresolved } from '@internal/backstage-plugin-infra-node';
import { buildForTest } from '../__testUtils__/build';
import {
  aHelmRelease,
  aModel,
  aStack,
  aWorkload,
} from '../__testUtils__/model';

const at = (line: number) => ({ file: 'stacks/edge/values.yaml', line });

describe('Helm release entities', () => {
  it('is a Resource with chart, repository, version and what the values declare', () => {
    const release = aHelmRelease('edge', {
      name: 'proxy',
      chart: 'proxy-chart',
      repository: 'https://charts.example/proxy',
      version: '30.1.0',
      namespace: 'edge',
      valuesFiles: [at(1)],
      declared: {
        replicas: { value: 3, at: at(4), key: 'deployment.replicas' },
        pdb: {
          minAvailable: 2,
          enabled: true,
          at: at(8),
          key: 'podDisruptionBudget',
        },
        imageTag: { value: 'v3.4.1', at: at(12), key: 'image.tag' },
        resources: {
          memoryRequest: '256Mi',
          memoryLimit: '256Mi',
          at: at(15),
          key: 'resources',
        },
      },
    });
    const { get, details } = buildForTest(
      aModel([aStack('edge', { helmReleases: [release] })]),
    );
    const e = get('Resource:edge-proxy');
    expect(e.spec).toMatchObject({ type: 'helm-release', system: 'edge' });
    // What the stock Kubernetes tab selects the release's pods by.
    expect(e.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-label-selector':
        'app.kubernetes.io/instance=proxy',
      'backstage.io/kubernetes-namespace': 'edge',
    });
    expect(e.metadata.title).toBe('proxy (Helm proxy-chart 30.1.0)');
    expect(e.metadata.description).toBe(
      'Helm release of chart proxy-chart 30.1.0 from https://charts.example/proxy in stack edge. Image tag pinned to v3.4.1.',
    );
    const d = details('Resource:edge-proxy') as HelmReleaseDetails;
    expect(d).toMatchObject({
      kind: 'helm-release',
      chart: 'proxy-chart',
      version: '30.1.0',
      namespace: 'edge',
      valuesFiles: [
        expect.objectContaining({ file: 'stacks/edge/values.yaml', line: 1 }),
      ],
      declared: {
        replicas: { value: 3, key: 'deployment.replicas', source: { line: 4 } },
        pdb: {
          minAvailable: 2,
          enabled: true,
          key: 'podDisruptionBudget',
          source: { line: 8 },
        },
        imageTag: { value: 'v3.4.1', key: 'image.tag' },
        resources: {
          memoryRequest: '256Mi',
          memoryLimit: '256Mi',
          source: { line: 15 },
        },
      },
      workloads: [],
      liveManaged: [],
    });
  });

  it('keeps what it could not read as unresolved', () => {
    const release = aHelmRelease('edge', {
      chart: new Unresolved('var.chart', 'no-value'),
      version: undefined,
      repository: undefined,
      valuesUnresolved: ['yamlencode(local.values)'],
    });
    const { get, details } = buildForTest(
      aModel([aStack('edge', { helmReleases: [release] })]),
    );
    expect(get('Resource:edge').metadata.description).toBe(
      'Helm release of chart an unresolved chart in stack edge.',
    );
    expect(details('Resource:edge')).toMatchObject({
      chart: { unresolved: 'var.chart', reason: 'no-value' },
      valuesUnresolved: ['yamlencode(local.values)'],
    });
  });

  it('links the workloads it deploys and says a pinned tag is a seed when Keel manages the image', () => {
    const server = aWorkload('idp', {
      kind: 'helm',
      name: 'idp-server',
      helm: { release: 'idp', chart: 'idp', component: 'server' },
      liveManaged: [
        { field: 'image', manager: 'Keel', evidence: 'keel.sh/policy' },
      ],
    });
    const worker = aWorkload('idp', {
      kind: 'helm',
      name: 'idp-worker',
      helm: { release: 'idp', chart: 'idp', component: 'worker' },
      liveManaged: [
        { field: 'image', manager: 'Keel', evidence: 'keel.sh/policy' },
      ],
    });
    const release = aHelmRelease('idp', {
      name: 'idp',
      workloadIds: [server.id, worker.id],
      declared: {
        imageTag: { value: '2025.2', at: at(3), key: 'global.image.tag' },
      },
    });
    const { get, details } = buildForTest(
      aModel([
        aStack('idp', { workloads: [server, worker], helmReleases: [release] }),
      ]),
    );
    expect(get('Resource:idp').metadata.description).toContain(
      'Image tag pinned to 2025.2, a seed; managed live by Keel.',
    );
    expect(details('Resource:idp')).toMatchObject({
      workloads: [
        { ref: 'component:default/idp-server' },
        { ref: 'component:default/idp-worker' },
      ],
      liveManaged: [{ field: 'image', manager: 'Keel' }],
    });
    expect(
      (details('Resource:idp') as HelmReleaseDetails).liveManaged,
    ).toHaveLength(1);
  });
});
