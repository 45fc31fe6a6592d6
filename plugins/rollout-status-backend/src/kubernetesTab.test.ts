import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { infraEntities } from './__testUtils__/simulatedPortal';

const REPO = resolve(__dirname, '../../..');
const INFRA = resolve(REPO, 'examples/infra');
// The stock tab shows on entities that name a label selector: workloads
// (services, poolers, DaemonSets) and Helm releases.
const SELECTOR = 'backstage.io/kubernetes-label-selector';

type ObjectsResponse = {
  items: Array<{
    cluster: { name: string; title?: string };
    errors: unknown[];
    resources: Array<{
      type: string;
      resources: Array<{
        metadata: { name: string; annotations?: Record<string, string> };
      }>;
    }>;
  }>;
};

/** The start command's backends in a child process (see simulatedPortalChild.ts). */
function startPortal(): Promise<{ baseUrl: string; child: ChildProcess }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        resolve(__dirname, '__testUtils__/simulatedPortalChild.ts'),
        JSON.stringify({
          infraPath: INFRA,
          liveChanges: resolve(
            REPO,
            'examples/simulated-cluster/live-changes.yaml',
          ),
        }),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let errors = '';
    child.stdout!.on('data', chunk => {
      output += chunk;
      const line = output.split('\n').find(l => l.startsWith('{"baseUrl"'));
      if (line) done({ baseUrl: JSON.parse(line).baseUrl, child });
    });
    child.stderr!.on('data', chunk => {
      errors += chunk;
    });
    child.on('exit', code =>
      fail(new Error(`portal exited with ${code}: ${errors.slice(-2000)}`)),
    );
  });
}

describe('the stock Kubernetes tab on the simulated cluster', () => {
  let portal: { baseUrl: string; child: ChildProcess } | undefined;
  let entities: Entity[];
  beforeAll(async () => {
    entities = await infraEntities(INFRA);
    portal = await startPortal();
  }, 120_000);
  afterAll(() => {
    portal?.child.kill('SIGTERM');
  });

  it("shows the pods of every entity the tab is on, labelled simulated, through the Kubernetes backend's objects endpoint", async () => {
    const workloads = entities.filter(e => e.metadata.annotations?.[SELECTOR]);
    expect(workloads.map(e => `${e.kind}:${e.metadata.name}`)).toEqual(
      expect.arrayContaining([
        'Component:authentik-server',
        'Component:monitoring-node-agent',
        'Resource:authentik-pgbouncer',
        // A chart the model does not expand: its pods by Helm's instance label.
        'Resource:monitoring-metrics',
      ]),
    );
    const podsByEntity: Record<string, string[]> = {};
    for (const entity of workloads) {
      // The call the tab makes (the kubernetes frontend's getObjectsByEntity).
      const res = await fetch(
        `${portal!.baseUrl}/api/kubernetes/services/${entity.metadata.name}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ entity, auth: {} }),
        },
      );
      const body = await res.json();
      // The body on failure says why (the tab shows only "There was a problem").
      expect({ status: res.status, error: body.error }).toEqual({
        status: 200,
        error: undefined,
      });
      const [cluster] = (body as ObjectsResponse).items;
      expect(cluster.cluster.title).toMatch(/simulated/i);
      expect(cluster.errors).toEqual([]);
      const pods =
        cluster.resources.find(r => r.type === 'pods')?.resources ?? [];
      for (const pod of pods) {
        expect(
          pod.metadata.annotations?.['rollout-status.homelab/simulated'],
        ).toBe('true');
      }
      podsByEntity[entity.metadata.name] = pods.map(p => p.metadata.name);
    }
    const withoutPods = Object.entries(podsByEntity)
      .filter(([, pods]) => pods.length === 0)
      .map(([name]) => name);
    expect(withoutPods).toEqual([]);
  }, 60_000);
});
