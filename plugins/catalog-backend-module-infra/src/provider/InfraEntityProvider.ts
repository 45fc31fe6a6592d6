import path from 'node:path';
import {
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { assertError, isError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  DocsTree,
  filesFromReadTree,
  InfraFile,
  isInfraRelevantPath,
  ParseCache,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';
import { InfraDocsSource, isInfraDocsPath } from '../docs/InfraDocsSource';
import { withInfraDocs } from '../docs/withInfraDocs';
import { createSourceLinks, describeUrl, SourceLinks } from '../entities/links';
import { ingestInfraFiles, IngestResult } from '../ingest';
import {
  CONFIG_KEY,
  InfraProviderConfig,
  readInfraProviderConfig,
} from './config';

/** What one refresh did. */
export type RefreshOutcome =
  /** A full mutation with the new entities was applied. */
  | {
      status: 'applied';
      entities: number;
      findings: number;
      parseErrors: number;
      durationMs: number;
    }
  /** The source had not changed since the last applied read. */
  | { status: 'unchanged'; durationMs: number }
  /** The read failed or was empty: the last good entities stay in the catalog. */
  | { status: 'kept-last-good'; reason: string; durationMs: number };

export interface InfraEntityProviderOptions {
  config: InfraProviderConfig;
  logger: LoggerService;
  reader?: UrlReaderService;
  taskRunner?: SchedulerServiceTaskRunner;
}

/**
 * Reads the infra repo on a schedule and replaces this provider's entities
 * with what it finds (a full mutation). Never loses entities: a failed or
 * empty read keeps the last good set in the catalog and logs the error; a
 * file that stops parsing keeps its last good parse and flags its stack.
 * Unchanged files are not parsed again.
 */
export class InfraEntityProvider implements EntityProvider {
  /**
   * Creates the provider from `catalog.providers.infra`. Returns undefined
   * (and logs a warning) when the block is absent; throws when it is
   * malformed, naming the key and what was expected.
   */
  static fromConfig(
    config: RootConfigService,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      reader?: UrlReaderService;
    },
  ): InfraEntityProvider | undefined {
    const providerConfig = readInfraProviderConfig(config);
    if (!providerConfig) {
      deps.logger.warn(
        `No ${CONFIG_KEY} config: the infra entity provider is disabled`,
      );
      return undefined;
    }
    if (providerConfig.source.url && !deps.reader) {
      throw new Error(`${CONFIG_KEY}.source.url needs the UrlReader service`);
    }
    return new InfraEntityProvider({
      config: providerConfig,
      logger: deps.logger,
      reader: deps.reader,
      taskRunner: deps.scheduler.createScheduledTaskRunner(
        providerConfig.schedule,
      ),
    });
  }

  readonly #config: InfraProviderConfig;
  readonly #logger: LoggerService;
  readonly #reader?: UrlReaderService;
  readonly #taskRunner?: SchedulerServiceTaskRunner;
  readonly #cache = new ParseCache();
  readonly #links: SourceLinks;
  readonly #source: string;
  readonly #docs: InfraDocsSource;
  #connection?: EntityProviderConnection;
  #etag?: string;
  /** The files of the last applied ingest, to tell an unchanged read. */
  #lastFiles?: ReadonlyArray<InfraFile>;
  #lastResult?: IngestResult;

  constructor(options: InfraEntityProviderOptions) {
    this.#config = options.config;
    this.#logger = options.logger;
    this.#reader = options.reader;
    this.#taskRunner = options.taskRunner;
    const { source } = options.config;
    this.#links = createSourceLinks(
      source.url !== undefined
        ? { url: source.url, webUrl: source.webUrl }
        : { path: path.resolve(source.path), webUrl: source.webUrl },
    );
    this.#source =
      source.url !== undefined
        ? describeUrl(source.url)
        : path.resolve(source.path);
    this.#docs = new InfraDocsSource({ source, logger: options.logger });
  }

  getProviderName(): string {
    return 'infra';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** The last ingest that was applied (entities, findings, model), for tools and tests. */
  get lastResult(): IngestResult | undefined {
    return this.#lastResult;
  }

  /** Reads the source and applies the entities; see {@link RefreshOutcome}. */
  async refresh(): Promise<RefreshOutcome> {
    const started = Date.now();
    const took = () => Date.now() - started;
    if (!this.#connection)
      throw new Error('InfraEntityProvider is not connected');
    let files: InfraFile[] | undefined;
    let etag: string | undefined;
    // The docs folder comes with the same read; a docs change alone
    // re-applies the last entities with the new docs links.
    let docsChanged = false;
    try {
      const read = await this.#read();
      if (read === 'not-modified') {
        this.#logger.debug('Infra repo not modified since the last read', {
          source: this.#source,
        });
        return { status: 'unchanged', durationMs: took() };
      }
      ({ files, etag } = read);
      docsChanged = this.#docs.update(read.docs);
      if (!files.some(f => f.path.startsWith('stacks/'))) {
        throw new Error(
          'the tree holds no stacks/ folder with files (empty or wrong path)',
        );
      }
    } catch (e) {
      return this.#keep(`read failed: ${errorMessage(e)}`, took());
    }

    if (this.#lastFiles && sameTree(this.#lastFiles, files)) {
      this.#etag = etag ?? this.#etag;
      if (docsChanged && this.#lastResult)
        return this.#applyDocsChange(this.#lastResult, took);
      return { status: 'unchanged', durationMs: took() };
    }

    let result: IngestResult;
    try {
      result = await ingestInfraFiles(files, {
        links: this.#links,
        orgFile: this.#config.orgFile,
        defaultOwner: this.#config.defaultOwner,
        unownedGroup: this.#config.unownedGroup,
        emitOrgEntities: this.#config.emitOrgEntities,
        criticalPath: this.#config.criticalPath,
        cache: this.#cache,
        conventionPolicy: this.#config.conventionPolicy,
        limits: this.#config.limits,
      });
    } catch (e) {
      return this.#keep(`ingest failed: ${errorMessage(e)}`, took());
    }
    if (result.model.stacks.length === 0) {
      return this.#keep('no stacks found', took());
    }
    for (const w of result.warnings)
      this.#logger.warn(w, { source: this.#source });
    for (const pe of result.parseErrors) {
      this.#logger.warn(`Parse error in ${pe.file}:${pe.line}: ${pe.message}`, {
        source: this.#source,
      });
    }

    await this.#applyEntities(result);
    this.#lastFiles = files;
    this.#etag = etag;
    this.#lastResult = result;
    const outcome: RefreshOutcome = {
      status: 'applied',
      entities: result.entities.length,
      findings: result.findings.length,
      parseErrors: result.parseErrors.length,
      durationMs: took(),
    };
    this.#logger.info(
      `Applied ${outcome.entities} infra entities from ${result.model.stacks.length} stacks ` +
        `(${outcome.findings} findings, ${outcome.parseErrors} parse errors, ` +
        `${this.#cache.stats.parsed} files parsed, ${
          this.#cache.stats.reused
        } reused) in ${outcome.durationMs} ms`,
      { source: this.#source },
    );
    return outcome;
  }

  /** The entities of an ingest, with the infra docs entity and docs links added. */
  async #applyEntities(result: IngestResult): Promise<number> {
    const entities = withInfraDocs(result.entities, {
      pages: this.#docs.pages,
      docsTreeUrl: this.#docs.docsTreeUrl,
      links: this.#links,
    });
    await this.#connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: `infra-provider:${this.#source}`,
      })),
    });
    return entities.length;
  }

  async #applyDocsChange(
    result: IngestResult,
    took: () => number,
  ): Promise<RefreshOutcome> {
    const entities = await this.#applyEntities(result);
    this.#logger.info(
      `Infra docs changed: applied ${entities} infra entities with the new docs links`,
      { source: this.#source },
    );
    return {
      status: 'applied',
      entities,
      findings: result.findings.length,
      parseErrors: result.parseErrors.length,
      durationMs: took(),
    };
  }

  #keep(reason: string, durationMs: number): RefreshOutcome {
    this.#logger.error(
      `Infra refresh failed, keeping the last good entities (${
        this.#lastResult ? this.#lastResult.entities.length : 0
      }): ${reason}`,
      { source: this.#source },
    );
    return { status: 'kept-last-good', reason, durationMs };
  }

  async #read(): Promise<
    { files: InfraFile[]; etag?: string; docs?: DocsTree } | 'not-modified'
  > {
    const { source, orgFile, limits } = this.#config;
    const extraPaths = [orgFile];
    if (source.path !== undefined) {
      const root = path.resolve(source.path);
      return {
        files: await readLocalTree(root, { extraPaths, limits }),
        docs: await this.#docs.readLocal(root),
      };
    }
    try {
      const response = await this.#reader!.readTree(source.url, {
        etag: this.#etag,
        filter: p => isInfraRelevantPath(p, extraPaths) || isInfraDocsPath(p),
      });
      // One download for the stacks and the docs: both read the same files.
      const all = await response.files();
      const shared = { ...response, files: async () => all };
      return {
        files: await filesFromReadTree(shared, { extraPaths, limits }),
        etag: response.etag,
        docs: await this.#docs.fromReadTree(shared),
      };
    } catch (e) {
      if (isError(e) && e.name === 'NotModifiedError') return 'not-modified';
      throw e;
    }
  }
}

/**
 * The same files as last time, in the same order, with the same text (a
 * skipped file has none: its skip message changes when it does). String
 * comparison, no hashing: keeping last round's texts costs their size (the
 * parse cache holds the HCL ones anyway; a few MB of other text on a large
 * repo), where hashing them all cost 15 to 30 ms of every refresh.
 */
function sameTree(
  before: ReadonlyArray<InfraFile>,
  now: ReadonlyArray<InfraFile>,
): boolean {
  return (
    before.length === now.length &&
    before.every(
      (f, i) =>
        f.path === now[i].path &&
        f.content === now[i].content &&
        f.skipped?.message === now[i].skipped?.message,
    )
  );
}

function errorMessage(e: unknown): string {
  try {
    assertError(e);
    // Keep URLs in messages free of credentials.
    return e.message.replace(/\/\/[^/@\s]+@/g, '//');
  } catch {
    return String(e);
  }
}
