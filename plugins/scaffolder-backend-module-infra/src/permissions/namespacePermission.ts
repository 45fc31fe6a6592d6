import { createPermission } from '@backstage/plugin-permission-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/** A namespace a template run would write into, with who owns it. */
export interface InfraNamespaceResource {
  namespace: string;
  /** Catalog refs of the owners (of the stacks that declare it, or the org file's claim for a new one). */
  ownerRefs: string[];
  /** Where the owners come from, for the refusal message. */
  ownerSource: string;
}

export const INFRA_NAMESPACE_RESOURCE_TYPE = 'infra-namespace';

/** "Namespaces owned by one of these refs", what the rule means as a query. */
export interface InfraNamespaceQuery {
  ownedByAnyOf: string[];
}

export const infraNamespaceResourceRef = createPermissionResourceRef<
  InfraNamespaceResource,
  InfraNamespaceQuery
>().with({
  pluginId: 'scaffolder',
  resourceType: INFRA_NAMESPACE_RESOURCE_TYPE,
});

/**
 * Generating Terraform into a namespace (new-app and add-ingress). The
 * portal's policy decides; `isNamespaceOwner` is the condition it uses for
 * non-admins. Checked by the infra actions before any file is written.
 */
export const infraNamespaceScaffoldPermission = createPermission({
  name: 'infra.namespace.scaffold',
  attributes: { action: 'create' },
  resourceType: INFRA_NAMESPACE_RESOURCE_TYPE,
});

const isNamespaceOwner = createPermissionRule({
  name: 'IS_NAMESPACE_OWNER',
  description:
    'Allow when one of the given refs (the user and their groups) owns the namespace',
  resourceRef: infraNamespaceResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('The user ref and the group refs the user belongs to'),
  }),
  apply: (resource, { claims }) =>
    resource.ownerRefs.some(owner => claims.includes(owner)),
  toQuery: ({ claims }) => ({ ownedByAnyOf: claims }),
});

export const infraNamespaceRules = { isNamespaceOwner };

export const {
  conditions: infraNamespaceConditions,
  createConditionalDecision: createInfraNamespaceConditionalDecision,
} = createConditionExports({
  resourceRef: infraNamespaceResourceRef,
  rules: infraNamespaceRules,
});
