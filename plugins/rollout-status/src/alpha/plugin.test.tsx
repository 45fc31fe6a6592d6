import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Entity } from '@backstage/catalog-model';
import plugin from '..';
import { rolloutStatusApiRef } from '../api/RolloutStatusApi';
import { isRolloutStatusCandidate, rolloutStatusEntityCard } from './plugin';
import { fakeApi } from '../testing/fixtures';

function anEntity(kind: string): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'x' } };
}

describe('rollout-status plugin', () => {
  it('serves the page at /rollout-status', async () => {
    renderTestApp({
      features: [plugin],
      apis: [[rolloutStatusApiRef, fakeApi({})]],
      initialRouteEntries: ['/rollout-status'],
    });
    // The lazy page, then its targets, then their statuses: slow on a busy machine.
    expect(
      await screen.findByText(/Safe to roll authentik now\?/, undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
  });

  it('offers the card to Systems and Resources only', () => {
    expect(isRolloutStatusCandidate(anEntity('System'))).toBe(true);
    expect(isRolloutStatusCandidate(anEntity('resource'))).toBe(true);
    expect(isRolloutStatusCandidate(anEntity('Component'))).toBe(false);
    expect(isRolloutStatusCandidate(anEntity('User'))).toBe(false);
  });
});

describe('rollout-status entity card extension', () => {
  it('carries the kind filter', () => {
    const filter = createExtensionTester(rolloutStatusEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(anEntity('System'))).toBe(true);
    expect(filter?.(anEntity('Component'))).toBe(false);
  });
});

describe('narrowing the card through app-config', () => {
  it('accepts the filter the README shows', () => {
    const filter = createExtensionTester(rolloutStatusEntityCard, {
      config: {
        filter: {
          $any: [
            { kind: 'System', 'metadata.name': 'authentik' },
            { kind: 'Resource', 'metadata.name': 'authentik-pgbouncer' },
          ],
        },
      },
    }).get(EntityCardBlueprint.dataRefs.filterFunction);
    const named = (kind: string, name: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name },
    });
    expect(filter?.(named('System', 'authentik'))).toBe(true);
    expect(filter?.(named('Resource', 'authentik-pgbouncer'))).toBe(true);
    expect(filter?.(named('System', 'nextcloud'))).toBe(false);
  });
});
