import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { infraNamespaceScaffoldPermission } from './namespacePermission';
import { NamespaceOwners } from './NamespaceOwners';

/**
 * Asks the permission framework whether the person who started a task may
 * generate into a namespace; the actions call it before they write a file.
 */
export class NamespaceAccess {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly owners: NamespaceOwners,
  ) {}

  async assertMayScaffoldInto(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [
        {
          permission: infraNamespaceScaffoldPermission,
          resourceRef: namespace,
        },
      ],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return;
    const { ownerRefs, ownerSource } = await this.owners.lookup(namespace);
    throw new NotAllowedError(
      `Refused: you may not generate into namespace "${namespace}". It belongs to ${
        ownerRefs.join(', ') || 'no one'
      } (${ownerSource}); only its owners and the portal admins may add stacks or ingresses there. Pick a namespace you own, or ask an admin.`,
    );
  }
}
