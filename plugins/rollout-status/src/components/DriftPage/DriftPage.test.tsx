import { screen, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { rolloutStatusApiRef } from '../../api/RolloutStatusApi';
import { DriftPage } from './DriftPage';
import { fakeApi } from '../../testing/fixtures';

const source = [
  {
    kind: 'kubernetes' as const,
    name: '[simulated cluster] Kubernetes API namespace cloudflared',
    mode: 'live' as const,
  },
];
const now = new Date().toISOString();

describe('DriftPage', () => {
  it('lists drift with who changed it and where to codify it, and an unreadable target as unknown with its reason', async () => {
    const api = fakeApi({
      drift: {
        items: [
          {
            targetId: 'cloudflared',
            stack: 'cloudflared',
            namespace: 'cloudflared',
            workload: 'cloudflared',
            criticalPath: true,
            field: 'livenessProbe (cloudflared)',
            declared: 'none',
            live: 'failureThreshold=6',
            status: 'drift',
            changedBy: {
              manager: 'kubectl-patch',
              time: new Date(Date.now() - 95 * 60_000).toISOString(),
            },
            file: 'stacks/cloudflared/main.tf',
            line: 31,
            observedAt: now,
          },
        ],
        targets: [
          {
            targetId: 'cloudflared',
            stack: 'cloudflared',
            namespace: 'cloudflared',
            workloads: ['cloudflared'],
            verdict: 'critical',
            summary: 'cloudflared: livenessProbe differs',
            observedAt: now,
            sources: source,
          },
          {
            targetId: 'blog',
            stack: 'blog',
            namespace: 'blog',
            workloads: ['blog'],
            verdict: 'unknown',
            summary:
              'No data: Kubernetes API http://x unreachable: fetch failed',
            observedAt: now,
            sources: [],
          },
        ],
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[rolloutStatusApiRef, api]]}>
        <DriftPage />
      </TestApiProvider>,
    );
    const row = await screen.findByTestId('drift-row');
    expect(within(row).getByText('DRIFT')).toBeInTheDocument();
    expect(row).toHaveTextContent('kubectl-patch, 1 h ago');
    expect(row).toHaveTextContent('stacks/cloudflared/main.tf:31');
    const targets = screen.getAllByTestId('drift-target');
    expect(targets.map(t => t.getAttribute('data-verdict'))).toEqual([
      'critical',
      'unknown',
    ]);
    expect(targets[1]).toHaveTextContent('UNKNOWN');
    expect(targets[1]).toHaveTextContent('unreachable: fetch failed');
    expect(targets[0]).toHaveTextContent('[simulated cluster]');
  });
});
