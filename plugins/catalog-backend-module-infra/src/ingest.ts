import { Entity } from '@backstage/catalog-model';
import {
  buildInfraModel,
  checkConventions,
  ConventionFinding,
  HclParseError,
  InfraFile,
  InfraModel,
  ParseCache,
} from '@internal/backstage-plugin-infra-node';
import { buildInfraEntities } from './entities/buildInfraEntities';
import { SourceLinks } from './entities/links';
import { parseOrgFile } from './entities/org';

export interface IngestOptions {
  links: SourceLinks;
  /** Repo-relative path of the org file (Groups and Users owning stacks). */
  orgFile?: string;
  /** Owner of stacks the org file does not assign, e.g. `group:default/platform`. */
  defaultOwner?: string;
  /** Emit the org file's Groups and Users too (default true). */
  emitOrgEntities?: boolean;
  criticalPath?: ReadonlyArray<string>;
  /** Keeps parse results across refreshes. */
  cache?: ParseCache;
}

export interface IngestResult {
  entities: Entity[];
  findings: ConventionFinding[];
  parseErrors: HclParseError[];
  model: InfraModel;
  /** Problems that do not stop ingestion (org file, owners). */
  warnings: string[];
}

/**
 * Files of an infra repo to catalog entities: model, conventions, owners,
 * entities. The provider and `catalog:preview` both call exactly this.
 */
export async function ingestInfraFiles(
  files: ReadonlyArray<InfraFile>,
  options: IngestOptions,
): Promise<IngestResult> {
  const warnings: string[] = [];
  const model = await buildInfraModel(files, {
    cache: options.cache,
    criticalPath: options.criticalPath,
  });
  const findings = checkConventions(model);

  let org = undefined as ReturnType<typeof parseOrgFile> | undefined;
  if (options.orgFile) {
    const file = files.find(f => f.path === options.orgFile);
    if (file) {
      org = parseOrgFile(file.content, file.path);
      warnings.push(...org.warnings);
    } else {
      warnings.push(`Org file ${options.orgFile} not found in the infra repo`);
    }
  }
  const unowned: string[] = [];
  const ownerOf = (stack: string) => {
    const owner =
      org?.stackOwners.get(stack) ?? org?.fallbackOwner ?? options.defaultOwner;
    if (owner) return owner;
    unowned.push(stack);
    return 'group:default/unowned';
  };
  const entities = buildInfraEntities(model, {
    findings,
    links: options.links,
    ownerOf,
  });
  if (unowned.length) {
    warnings.push(
      `No owner for stacks ${unowned.join(
        ', ',
      )}: list them in the org file (infra.homelab/stacks) or set owners.defaultOwner`,
    );
  }
  if (org && options.emitOrgEntities !== false) {
    for (const e of org.entities) {
      entities.push({
        ...e,
        metadata: {
          ...e.metadata,
          annotations: {
            ...e.metadata.annotations,
            'backstage.io/managed-by-location': options.links.locationRef,
            'backstage.io/managed-by-origin-location':
              options.links.locationRef,
          },
        },
      });
    }
  }
  return {
    entities,
    findings,
    parseErrors: model.parseErrors,
    model,
    warnings,
  };
}
