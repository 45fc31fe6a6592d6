import { Entity } from '@backstage/catalog-model';
import {
  buildInfraModel,
  ConventionAllowed,
  ConventionFinding,
  ConventionPolicy,
  evaluateConventions,
  InfraReadLimits,
  HclParseError,
  InfraFile,
  InfraModel,
  ParseCache,
} from '@internal/backstage-plugin-infra-node';
import { buildInfraEntities } from './entities/buildInfraEntities';
import { SourceLinks } from './entities/links';
import { OrgFile, parseOrgFile } from './entities/org';
import { StackOwners } from './entities/owners';
import {
  DanglingReference,
  findDanglingReferences,
} from './entities/relationCheck';

export interface IngestOptions {
  links: SourceLinks;
  /** Repo-relative path of the org file (Groups and Users owning stacks). */
  orgFile?: string;
  /** Owner of stacks the org file does not assign, e.g. `group:default/platform`; must exist in the catalog. */
  defaultOwner?: string;
  /**
   * The Group the provider emits as owner of stacks nobody owns (no org
   * file entry, no default owner). Default `group:default/infra-unowned`.
   */
  unownedGroup?: string;
  /** Emit the org file's Groups and Users too (default true). */
  emitOrgEntities?: boolean;
  criticalPath?: ReadonlyArray<string>;
  /** Keeps parse results across refreshes. */
  cache?: ParseCache;
  /** Rules, severities and allowed exceptions (default: the seeds' conventions). */
  conventionPolicy?: ConventionPolicy;
  /** Size and nesting limits for reading the repo. */
  limits?: Partial<InfraReadLimits>;
}

export interface IngestResult {
  entities: Entity[];
  findings: ConventionFinding[];
  /** What the policy allows on purpose, with the reason (shown on the entity). */
  allowed: ConventionAllowed[];
  parseErrors: HclParseError[];
  model: InfraModel;
  /** Relations that point at an entity nobody emits (each is also in `warnings`). */
  danglingReferences: DanglingReference[];
  /** Problems that do not stop ingestion (org file, owners, dangling references). */
  warnings: string[];
}

function readOrgFile(
  files: ReadonlyArray<InfraFile>,
  orgFile: string | undefined,
  warnings: string[],
): OrgFile | undefined {
  if (!orgFile) return undefined;
  const file = files.find(f => f.path === orgFile);
  if (!file) {
    warnings.push(`Org file ${orgFile} not found in the infra repo`);
    return undefined;
  }
  const org = parseOrgFile(file.content, file.path);
  warnings.push(...org.warnings);
  return org;
}

function withLocation(e: Entity, locationRef: string): Entity {
  return {
    ...e,
    metadata: {
      ...e.metadata,
      annotations: {
        ...e.metadata.annotations,
        'backstage.io/managed-by-location': locationRef,
        'backstage.io/managed-by-origin-location': locationRef,
      },
    },
  };
}

/**
 * Files of an infra repo to catalog entities: model, conventions, owners,
 * entities, and a last check that every relation points at an entity that
 * exists. The provider and `catalog:preview` both call exactly this.
 */
export async function ingestInfraFiles(
  files: ReadonlyArray<InfraFile>,
  options: IngestOptions,
): Promise<IngestResult> {
  const warnings: string[] = [];
  const model = await buildInfraModel(files, {
    cache: options.cache,
    criticalPath: options.criticalPath,
    limits: options.limits,
  });
  // The files too: the auth-comment rule reads the lines above `auth` as the infra's guard does.
  const { findings, allowed } = evaluateConventions(model, {
    files,
    policy: options.conventionPolicy,
  });

  const org = readOrgFile(files, options.orgFile, warnings);
  const owners = new StackOwners({
    org,
    orgFile: options.orgFile,
    defaultOwner: options.defaultOwner,
    unownedGroup: options.unownedGroup,
  });
  const entities = buildInfraEntities(model, {
    findings,
    allowed,
    links: options.links,
    ownerOf: stack => owners.ownerOf(stack),
  });
  const { unownedStacks } = owners;
  if (unownedStacks.length) {
    warnings.push(
      `No owner for ${unownedStacks.length} stacks (${unownedStacks.join(
        ', ',
      )}): they are owned by the placeholder group ${
        options.unownedGroup ?? 'group:default/infra-unowned'
      }; list them in the org file (infra.homelab/stacks) or set owners.defaultOwner`,
    );
  }
  entities.push(...owners.placeholderEntities(options.links.locationRef));
  const emitOrg = org && options.emitOrgEntities !== false;
  if (emitOrg) {
    for (const e of org.entities)
      entities.push(withLocation(e, options.links.locationRef));
  }

  // The org file's entities exist in the catalog even when another
  // location emits them (emitOrgEntities: false).
  const orgRefs = emitOrg
    ? []
    : (org?.entities ?? []).map(
        e =>
          `${e.kind.toLocaleLowerCase('en-US')}:${
            e.metadata.namespace ?? 'default'
          }/${e.metadata.name}`,
      );
  const danglingReferences = findDanglingReferences(entities, [
    ...owners.knownExternalRefs(),
    ...orgRefs,
  ]);
  for (const d of danglingReferences) {
    warnings.push(
      `${d.from} spec.${d.field} points at ${d.target}, which is not in the catalog`,
    );
  }
  return {
    entities,
    findings,
    allowed,
    parseErrors: model.parseErrors,
    model,
    danglingReferences,
    warnings,
  };
}
