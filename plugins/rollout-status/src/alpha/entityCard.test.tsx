import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import plugin from '..';
import { rolloutStatusApiRef } from '../api/RolloutStatusApi';
import { fakeApi } from '../testing/fixtures';

function anEntity(kind: string, name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

describe('rollout-status entity card in an app', () => {
  it('appears on the authentik System page with the preflight verdict', async () => {
    renderTestApp({
      features: [plugin],
      extensions: [
        createTestEntityPage({ entity: anEntity('System', 'authentik') }),
      ],
      apis: [[rolloutStatusApiRef, fakeApi({})]],
    });
    expect(await screen.findByText('Rollout status')).toBeInTheDocument();
    expect(
      await screen.findByText(/Safe to roll authentik now\?/),
    ).toBeInTheDocument();
  });

  it('is filtered out on a Component page', async () => {
    const api = fakeApi({});
    renderTestApp({
      features: [plugin],
      extensions: [
        createTestEntityPage({ entity: anEntity('Component', 'authentik') }),
      ],
      apis: [[rolloutStatusApiRef, api]],
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.getTargets).not.toHaveBeenCalled();
  });
});
