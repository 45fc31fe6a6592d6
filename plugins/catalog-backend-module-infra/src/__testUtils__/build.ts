import { Entity } from '@backstage/catalog-model';
import {
  INFRA_ANNOTATIONS,
  InfraDetails,
  parseInfraDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  ConventionFinding,
  InfraModel,
} from '@internal/backstage-plugin-infra-node';
import { buildInfraEntities } from '../entities/buildInfraEntities';
import { createEntityContext, EntityContext } from '../entities/context';
import { createSourceLinks } from '../entities/links';

export const WEB_URL = 'https://forge.homelab.example/infra/src/branch/main';
export const testLinks = createSourceLinks({ path: '/repo', webUrl: WEB_URL });

export interface BuildForTestOptions {
  findings?: ConventionFinding[];
  ownerOf?: (stack: string) => string;
}

/** A context over a hand-built model, for calling one per-kind builder. */
export function contextFor(
  model: InfraModel,
  options: BuildForTestOptions = {},
): EntityContext {
  return createEntityContext(model, {
    findings: options.findings ?? [],
    links: testLinks,
    ownerOf: options.ownerOf ?? (() => 'group:default/platform'),
  });
}

/** The entities of a model, with lookups by `kind:name`. */
export function buildForTest(
  model: InfraModel,
  options: BuildForTestOptions = {},
) {
  const entities = buildInfraEntities(model, {
    findings: options.findings ?? [],
    links: testLinks,
    ownerOf: options.ownerOf ?? (() => 'group:default/platform'),
  });
  const get = (kindAndName: string): Entity => {
    const found = entities.find(
      e =>
        `${e.kind}:${e.metadata.name}`.toLowerCase() ===
        kindAndName.toLowerCase(),
    );
    if (!found)
      throw new Error(
        `no ${kindAndName} among ${entities
          .map(e => `${e.kind}:${e.metadata.name}`)
          .join(', ')}`,
      );
    return found;
  };
  return {
    entities,
    get,
    names: () => entities.map(e => `${e.kind}:${e.metadata.name}`),
    details: (kindAndName: string) => detailsOf(get(kindAndName)),
  };
}

export function detailsOf(e: Entity): InfraDetails {
  const d = parseInfraDetails(
    e.metadata.annotations?.[INFRA_ANNOTATIONS.details],
  );
  if (!d) throw new Error(`${e.metadata.name} has no details`);
  return d;
}
