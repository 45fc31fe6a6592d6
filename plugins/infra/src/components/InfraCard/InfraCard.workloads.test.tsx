import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { field, hasNoField, renderCard } from '../../__testUtils__/card';
import { serviceDetails } from '../../testing/details';
import { infraEntity } from '../../testing/entities';

describe('InfraCard on live-managed fields', () => {
  it('calls declared replicas and image seeds and names what manages them live', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        annotations: { [INFRA_ANNOTATIONS.replicas]: '1' },
        details: serviceDetails({
          replicas: 1,
          image: 'ghcr.io/example/app:1.4',
          liveManaged: [
            { field: 'image', manager: 'Keel', evidence: 'KEEL_IGNORE_IMAGE' },
            {
              field: 'replicas',
              manager: 'an on-demand scaler',
              evidence: 'spec[0].replicas',
            },
          ],
        }),
      }),
    );

    expect(field('Replicas')).toHaveTextContent(
      'declared 1, a seed; managed live by an on-demand scaler',
    );
    expect(field('Image')).toHaveTextContent(
      'declared ghcr.io/example/app:1.4, a seed; managed live by Keel',
    );
  });

  it('shows declared values as they are when nothing manages them live', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        annotations: { [INFRA_ANNOTATIONS.replicas]: '3' },
        details: serviceDetails({ image: 'ghcr.io/example/app:1.4' }),
      }),
    );

    expect(field('Replicas')).toHaveTextContent(/^3/);
    expect(field('Replicas')).not.toHaveTextContent('seed');
    expect(field('Image')).toHaveTextContent(/^ghcr\.io\/example\/app:1\.4$/);
  });
});

describe('InfraCard on other workload kinds', () => {
  it('says a DaemonSet runs one pod per node', async () => {
    await renderCard(
      infraEntity({
        type: 'daemon-set',
        details: serviceDetails({
          kind: 'daemon-set',
          workload: 'daemon-set',
          replicas: undefined,
          pdb: undefined,
          ingresses: [],
        }),
      }),
    );

    expect(field('Replicas')).toHaveTextContent('one pod per node');
    expect(field('PDB')).toHaveTextContent('no PodDisruptionBudget');
  });

  it('shows a Job without replicas, PDB or ingresses', async () => {
    await renderCard(
      infraEntity({
        type: 'job',
        details: serviceDetails({
          kind: 'job',
          workload: 'job',
          replicas: undefined,
        }),
      }),
    );

    expect(hasNoField('Replicas')).toBe(true);
    expect(hasNoField('PDB')).toBe(true);
    expect(hasNoField('Ingresses')).toBe(true);
    expect(field('Resources')).toHaveTextContent('memory 1Gi / 1Gi');
  });
});

describe('InfraCard on instances and unknowns', () => {
  it('says which instance an entity is, or that the count is unknown', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        details: serviceDetails({
          instance: {
            address: 'module.worker.kubernetes_deployment.this',
            countUnknown: 'var.worker_count',
          },
        }),
      }),
    );

    expect(field('Instance')).toHaveTextContent(
      'instance count unknown: var.worker_count (this entity stands for every instance of module.worker.kubernetes_deployment.this)',
    );
  });

  it('names a keyed instance', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        details: serviceDetails({
          instance: {
            address: 'module.site["shop"].kubernetes_deployment.this',
            key: 'shop',
          },
        }),
      }),
    );

    expect(field('Instance')).toHaveTextContent(
      '"shop" of module.site["shop"].kubernetes_deployment.this',
    );
  });

  it('says why a value is unresolved when the provider knows', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        details: serviceDetails({
          image: { unresolved: 'var.image', reason: 'encrypted' },
          memoryLimit: {
            unresolved: 'local.mem',
            reason: 'a-reason-from-later',
          },
        }),
      }),
    );

    expect(field('Image')).toHaveTextContent(
      'unresolved: var.image (comes from an encrypted file (git-crypt) the portal cannot read)',
    );
    expect(field('Resources')).toHaveTextContent(
      'unresolved: local.mem (a-reason-from-later)',
    );
  });

  it('links the Helm release a workload comes from', async () => {
    await renderCard(
      infraEntity({
        type: 'service',
        details: serviceDetails({
          helm: {
            release: 'idp',
            chart: 'idp',
            releaseEntity: { ref: 'resource:default/auth-idp', name: 'idp' },
          },
        }),
      }),
    );

    expect(field('Helm release').querySelector('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/auth-idp',
    );
  });
});
