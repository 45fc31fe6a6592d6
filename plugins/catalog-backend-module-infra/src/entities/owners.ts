import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { OrgFile } from './org';

/** Owner of stacks nobody claims, emitted as a Group when no default owner is configured. */
export const DEFAULT_UNOWNED_GROUP = 'group:default/infra-unowned';

export interface StackOwnersOptions {
  org?: OrgFile;
  /** Repo-relative org file path, for the placeholder's how-to. */
  orgFile?: string;
  /** Configured owner of stacks the org file does not cover; must exist in the catalog. */
  defaultOwner?: string;
  /** The placeholder Group for stacks nobody owns (default {@link DEFAULT_UNOWNED_GROUP}). */
  unownedGroup?: string;
}

const normalise = (ref: string, defaultKind: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
  );

/**
 * Who owns each stack: the org file entry that lists it, else the org
 * file's `*` owner, else the configured default owner, else a placeholder
 * Group the provider emits itself, so no `owner` ever points at an entity
 * that is not in the catalog.
 */
export class StackOwners {
  readonly #options: StackOwnersOptions;
  readonly #unownedGroup: string;
  readonly #unowned = new Set<string>();

  constructor(options: StackOwnersOptions) {
    this.#options = options;
    this.#unownedGroup = normalise(
      options.unownedGroup ?? DEFAULT_UNOWNED_GROUP,
      'group',
    );
  }

  ownerOf(stack: string): string {
    const { org, defaultOwner } = this.#options;
    const owner =
      org?.stackOwners.get(stack) ?? org?.fallbackOwner ?? defaultOwner;
    if (owner) return owner;
    this.#unowned.add(stack);
    return this.#unownedGroup;
  }

  /** Stacks that fell to the placeholder, in the order they were asked for. */
  get unownedStacks(): string[] {
    return [...this.#unowned];
  }

  /** The configured default owner, which the operator says exists elsewhere when the org file lacks it. */
  knownExternalRefs(): string[] {
    const { defaultOwner } = this.#options;
    return defaultOwner ? [normalise(defaultOwner, 'group')] : [];
  }

  /**
   * The placeholder Group, when a stack fell to it and the org file does
   * not define that group (then the org file's entity is the one).
   */
  placeholderEntities(locationRef: string): Entity[] {
    if (this.#unowned.size === 0) return [];
    const inOrg = (this.#options.org?.entities ?? []).some(
      e =>
        normalise(
          stringifyEntityRef({
            kind: e.kind,
            namespace: e.metadata.namespace,
            name: e.metadata.name,
          }),
          'group',
        ) === this.#unownedGroup,
    );
    if (inOrg) return [];
    const ref = parseEntityRef(this.#unownedGroup);
    const n = this.#unowned.size;
    return [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: ref.name,
          ...(ref.namespace !== 'default' ? { namespace: ref.namespace } : {}),
          title: 'Unowned infra stacks',
          description:
            `Placeholder owner of ${n} infra ${
              n === 1 ? 'stack' : 'stacks'
            } nobody claims. ` +
            `To assign an owner, list the stack folder in the infra.homelab/stacks annotation ` +
            `of a Group or User in the infra repo's org file (${
              this.#options.orgFile ?? 'org.yaml'
            }), or set catalog.providers.infra.owners.defaultOwner.`,
          annotations: {
            'backstage.io/managed-by-location': locationRef,
            'backstage.io/managed-by-origin-location': locationRef,
          },
        },
        spec: { type: 'placeholder', children: [] },
      },
    ];
  }
}
