import { Entity } from '@backstage/catalog-model';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';

/** An entity as the infra provider would emit it, with overridable annotations. */
export function infraEntity(options: {
  kind?: string;
  name?: string;
  type: string;
  annotations?: Record<string, string | undefined>;
  details?: unknown;
}): Entity {
  const annotations: Record<string, string> = {
    [INFRA_ANNOTATIONS.stack]: 'authentik',
    'backstage.io/edit-url':
      'https://forgejo.example.org/homelab/infra/src/branch/master/stacks/authentik/main.tf#L42',
  };
  if (options.details !== undefined) {
    annotations[INFRA_ANNOTATIONS.details] = JSON.stringify(options.details);
  }
  for (const [key, value] of Object.entries(options.annotations ?? {})) {
    if (value === undefined) delete annotations[key];
    else annotations[key] = value;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: { name: options.name ?? 'authentik-server', annotations },
    spec: {
      type: options.type,
      owner: 'group:default/admins',
      lifecycle: 'production',
    },
  };
}
