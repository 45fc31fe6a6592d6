import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';

/**
 * Turns `spec.dependsOn` of the infra provider's Systems (a stack reads
 * another stack's outputs through a Terragrunt `dependency` block) into
 * `dependsOn` / `dependencyOf` relations. The stock processor reads
 * `dependsOn` on Components and Resources only. Systems from other
 * sources are left alone: the field is ours, not Backstage's.
 */
export class SystemDependenciesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'InfraSystemDependenciesProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind !== 'System') return entity;
    if (!entity.metadata.annotations?.[INFRA_ANNOTATIONS.stack]) return entity;
    const targets = entity.spec?.dependsOn;
    if (!Array.isArray(targets)) return entity;
    const self = getCompoundEntityRef(entity);
    for (const target of targets) {
      let ref;
      try {
        ref = parseEntityRef(String(target), {
          defaultKind: 'System',
          defaultNamespace: self.namespace,
        });
      } catch {
        emit(
          processingResult.inputError(
            location,
            `spec.dependsOn of ${self.name}: '${String(
              target,
            )}' is not an entity ref`,
          ),
        );
        continue;
      }
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_DEPENDS_ON,
          target: ref,
        }),
      );
      emit(
        processingResult.relation({
          source: ref,
          type: RELATION_DEPENDENCY_OF,
          target: self,
        }),
      );
    }
    return entity;
  }
}
