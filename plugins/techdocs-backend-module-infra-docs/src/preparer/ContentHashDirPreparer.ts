import { createHash } from 'node:crypto';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { TECHDOCS_ANNOTATION } from '@backstage/plugin-techdocs-common';
import {
  parseReferenceAnnotation,
  PreparerBase,
  PreparerOptions,
  PreparerResponse,
  transformDirLocation,
} from '@backstage/plugin-techdocs-node';
import { hashMkdocsProject } from './hashMkdocsProject';

/** Bumped when what the hash covers changes, so older etags never match. */
const ETAG_FORMAT = 'dir-content-1';

export interface ContentHashDirPreparerOptions {
  config: Config;
  /** The stock `dir:` preparer, which does the preparing. */
  fallback: PreparerBase;
}

/**
 * The TechDocs `dir:` preparer with a version for local folders.
 *
 * The stock preparer gives a local folder (an entity in a file location
 * with `techdocs-ref: dir:.`, like the portal's own docs) no version at all,
 * so TechDocs rebuilt it on every visit more than a minute after the last
 * and the reader said "A newer version of this documentation is now
 * available" although nothing had changed. Here the version is a hash of
 * what MkDocs reads ({@link hashMkdocsProject}) and of the generator
 * settings: unchanged, TechDocs keeps the built site; changed, it rebuilds.
 * Folders read through an integration (`url`) already have the reader's
 * etag and go to the stock preparer unchanged.
 */
export class ContentHashDirPreparer implements PreparerBase {
  readonly #fallback: PreparerBase;
  readonly #integrations: ScmIntegrations;
  readonly #generatorSettings: string;
  readonly #defaultPlugins: string[];

  constructor(options: ContentHashDirPreparerOptions) {
    this.#fallback = options.fallback;
    this.#integrations = ScmIntegrations.fromConfig(options.config);
    this.#generatorSettings = createHash('sha256')
      .update(
        JSON.stringify(options.config.getOptional('techdocs.generator') ?? {}),
      )
      .digest('hex')
      .slice(0, 16);
    // The plugins the generator adds to every config (see hashMkdocsProject).
    const mkdocs = options.config.getOptionalConfig(
      'techdocs.generator.mkdocs',
    );
    this.#defaultPlugins = [
      ...(mkdocs?.getOptionalStringArray('defaultPlugins') ?? []),
      ...(mkdocs?.getOptionalBoolean('omitTechdocsCorePlugin')
        ? []
        : ['techdocs-core']),
    ];
  }

  shouldCleanPreparedDirectory(): boolean {
    return this.#fallback.shouldCleanPreparedDirectory();
  }

  async prepare(
    entity: Entity,
    options?: PreparerOptions,
  ): Promise<PreparerResponse> {
    const { type, target } = transformDirLocation(
      entity,
      parseReferenceAnnotation(TECHDOCS_ANNOTATION, entity),
      this.#integrations,
    );
    if (type !== 'dir') return this.#fallback.prepare(entity, options);
    const etag = `${ETAG_FORMAT};${
      this.#generatorSettings
    };${await hashMkdocsProject(target, {
      defaultPlugins: this.#defaultPlugins,
    })}`;
    if (options?.etag === etag) {
      throw new NotModifiedError('The docs folder has not changed');
    }
    const prepared = await this.#fallback.prepare(entity, options);
    return { ...prepared, etag };
  }
}
