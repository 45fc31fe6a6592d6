/**
 * The bench over many targets: the start command's backends on a
 * simulated cluster (startSimulatedPortal), viewers spread over every
 * derived target's status, then over every workload entity's stock
 * Kubernetes objects. Every Kubernetes API request passes the portal's
 * forwarder, which counts them by resource.
 */
import { loadavg } from 'node:os';
import {
  SimulatedPortal,
  startSimulatedPortal,
} from '../../__testUtils__/simulatedPortal';
import { LoadResult, runViewersInChild } from '@internal/test-services';

export interface PhaseFigures {
  result: LoadResult;
  elapsed: number;
  intervals: number;
  /** Simulated API requests per interval, by resource, all clients. */
  readsPerInterval: Record<string, number>;
  requestsPerViewerRequest: number;
  rssBefore: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
  loadBefore: number[];
  loadAfter: number[];
}

export interface ClusterFigures {
  title: string;
  targets: number;
  namespaces: number;
  entities: number;
  ours: PhaseFigures;
  stock: PhaseFigures;
}

function collectGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}

const snapshotCounts = (portal: SimulatedPortal) => new Map(portal.counts);

async function waitForFirstPolls(portal: SimulatedPortal, ids: string[]) {
  for (const id of ids) {
    for (;;) {
      const res = await fetch(
        `${portal.baseUrl}/api/rollout-status/targets/${id}/status`,
      );
      const body = (await res.json()) as {
        checks: Array<{ reasons: string[] }>;
      };
      if (!body.checks.some(c => c.reasons.includes('not polled yet'))) break;
      await new Promise(r => setTimeout(r, 200));
    }
  }
}

export async function benchSimulatedCluster(options: {
  title: string;
  infraPath: string;
  liveChanges?: string;
  viewers: number;
  pollMs: number;
  seconds: number;
  warmup: number;
  interval: number;
}): Promise<ClusterFigures> {
  const portal = await startSimulatedPortal({
    infraPath: options.infraPath,
    liveChanges: options.liveChanges,
    intervalSeconds: options.interval,
  });
  try {
    const list = (await (
      await fetch(`${portal.baseUrl}/api/rollout-status/targets`)
    ).json()) as { targets: Array<{ targetId: string }> };
    const ids = list.targets.map(t => t.targetId);
    await waitForFirstPolls(portal, ids);
    // The entities the stock tab appears on: they name a label selector.
    const workloads = portal.entities.filter(
      e => e.metadata.annotations?.['backstage.io/kubernetes-label-selector'],
    );
    const namespaces = new Set(
      workloads.map(
        e => e.metadata.annotations?.['backstage.io/kubernetes-namespace'],
      ),
    );

    const phase = async (
      spread: Array<{ path: string; body?: string }>,
      method: 'GET' | 'POST',
    ): Promise<PhaseFigures> => {
      const run = (seconds: number) =>
        runViewersInChild({
          baseUrl: portal.baseUrl,
          method,
          path: spread[0].path,
          spread,
          viewers: options.viewers,
          pollMs: options.pollMs,
          seconds,
        });
      await run(options.warmup);
      collectGarbage();
      const before = snapshotCounts(portal);
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      const loadBefore = loadavg();
      const started = Date.now();
      const result = await run(options.seconds);
      const elapsed = (Date.now() - started) / 1000;
      const loadAfter = loadavg();
      collectGarbage();
      const intervals = elapsed / options.interval;
      const readsPerInterval: Record<string, number> = {};
      let total = 0;
      for (const [resource, n] of portal.counts) {
        const delta = n - (before.get(resource) ?? 0);
        total += delta;
        if (delta) readsPerInterval[resource] = delta / intervals;
      }
      return {
        result,
        elapsed,
        intervals,
        readsPerInterval,
        requestsPerViewerRequest: total / Math.max(1, result.requests),
        rssBefore,
        rssAfter: process.memoryUsage().rss,
        heapBefore,
        heapAfter: process.memoryUsage().heapUsed,
        loadBefore,
        loadAfter,
      };
    };

    const ours = await phase(
      ids.map(id => ({ path: `/api/rollout-status/targets/${id}/status` })),
      'GET',
    );
    const stock = await phase(
      workloads.map(entity => ({
        path: `/api/kubernetes/services/${entity.metadata.name}`,
        body: JSON.stringify({ entity, auth: {} }),
      })),
      'POST',
    );
    return {
      title: options.title,
      targets: ids.length,
      namespaces: namespaces.size,
      entities: workloads.length,
      ours,
      stock,
    };
  } finally {
    await portal.stop();
  }
}
