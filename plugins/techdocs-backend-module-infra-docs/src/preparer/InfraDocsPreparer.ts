import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { TECHDOCS_ANNOTATION } from '@backstage/plugin-techdocs-common';
import {
  parseReferenceAnnotation,
  PreparerBase,
  PreparerOptions,
  PreparerResponse,
} from '@backstage/plugin-techdocs-node';
import { INFRA_DOCS_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import {
  docsTreeFromReadTree,
  DocsTree,
  INFRA_DOCS_FOLDER,
  readLocalDocsTree,
} from '@internal/backstage-plugin-infra-node';
import { prepareSite } from '../site/prepareSite';

/**
 * Bumped when the generated site changes for the same docs (nav rules,
 * MkDocs settings), so sites built by an older portal are rebuilt.
 */
const SITE_FORMAT = 'infra-docs-site-1';

/** A remote docs folder that has not arrived in this long is a failed build, not a hung one. */
const READ_DEADLINE_MS = 120_000;

export interface InfraDocsPreparerOptions {
  reader: UrlReaderService;
  logger: LoggerService;
  /** The preparer for every other `url:` entity (the stock UrlPreparer). */
  fallback: PreparerBase;
  /** Where prepared sites are written; the OS temp folder by default. */
  workingDirectory?: string;
}

/** Our etag: the site format, the URL reader's etag and the tree's content hash. */
function etagOf(readerEtag: string, tree: DocsTree): string {
  return `${SITE_FORMAT};${readerEtag};${tree.fingerprint}`;
}

function readerEtagOf(etag: string | undefined): string | undefined {
  const [format, readerEtag] = (etag ?? '').split(';');
  return format === SITE_FORMAT && readerEtag ? readerEtag : undefined;
}

/**
 * The TechDocs `url:` preparer, extended for the infra repo's docs entity
 * (annotation `infra.homelab/docs-site: generated`, written by the infra
 * catalog provider): it reads the docs folder its `techdocs-ref` names (a
 * `file:` URL for a local checkout, any URL a UrlReader integration reads)
 * and writes a MkDocs project for it into a temp folder, with a generated
 * `mkdocs.yml`. The infra repo itself is never written to. Any other
 * entity goes to the stock preparer unchanged.
 */
export class InfraDocsPreparer implements PreparerBase {
  readonly #reader: UrlReaderService;
  readonly #logger: LoggerService;
  readonly #fallback: PreparerBase;
  readonly #workingDirectory?: string;

  constructor(options: InfraDocsPreparerOptions) {
    this.#reader = options.reader;
    this.#logger = options.logger;
    this.#fallback = options.fallback;
    this.#workingDirectory = options.workingDirectory;
  }

  /** Both this preparer's folders and the stock URL preparer's are temp folders. */
  shouldCleanPreparedDirectory(): boolean {
    return true;
  }

  async prepare(
    entity: Entity,
    options?: PreparerOptions,
  ): Promise<PreparerResponse> {
    if (
      entity.metadata.annotations?.[INFRA_DOCS_ANNOTATIONS.site] !== 'generated'
    ) {
      return this.#fallback.prepare(entity, options);
    }
    const { target } = parseReferenceAnnotation(TECHDOCS_ANNOTATION, entity);
    const logger = options?.logger ?? this.#logger;
    const { tree, readerEtag } = await this.#readTree(target, options?.etag);
    const etag = etagOf(readerEtag, tree);
    if (options?.etag === etag) {
      throw new NotModifiedError('The infra docs have not changed');
    }
    const base = await fs.realpath(this.#workingDirectory ?? os.tmpdir());
    const preparedDir = await fs.mkdtemp(path.join(base, 'infra-docs-'));
    try {
      const site = await prepareSite(tree, preparedDir, {
        siteName: entity.metadata.title ?? entity.metadata.name,
        siteDescription: entity.metadata.description,
        repoFolder: INFRA_DOCS_FOLDER,
      });
      for (const page of site.unreadable) {
        logger.warn(
          `Infra docs page ${INFRA_DOCS_FOLDER}/${page.path} cannot be rendered (${page.reason}); the site shows a page saying so`,
        );
      }
      logger.info(
        `Prepared the infra docs of ${stringifyEntityRef(entity)}: ${
          site.pages
        } pages, ${site.unreadable.length} not rendered, ${
          tree.skipped.length
        } files skipped, MkDocs configuration generated`,
      );
      return { preparedDir, etag };
    } catch (e) {
      await fs.rm(preparedDir, { recursive: true, force: true });
      throw e;
    }
  }

  async #readTree(
    target: string,
    etag: string | undefined,
  ): Promise<{ tree: DocsTree; readerEtag: string }> {
    if (target.startsWith('file:')) {
      const tree = await readLocalDocsTree(fileURLToPath(target));
      if (!tree.files.length) {
        throw new Error(`The infra docs folder ${target} has no files`);
      }
      return { tree, readerEtag: '' };
    }
    // Throws NotModifiedError when the reader can tell nothing changed.
    const response = await this.#reader.readTree(target, {
      etag: readerEtagOf(etag),
      signal: AbortSignal.timeout(READ_DEADLINE_MS),
    });
    return {
      tree: await docsTreeFromReadTree(response, ''),
      readerEtag: response.etag,
    };
  }
}
