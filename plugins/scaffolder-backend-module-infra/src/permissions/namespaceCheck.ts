import type { NamespaceAccess } from './NamespaceAccess';

/** Namespace ownership (the permission framework); the module always passes it. */
export interface NamespaceCheckOptions {
  namespaceAccess?: NamespaceAccess;
}
