import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LoggerService,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import { assertError } from '@backstage/errors';
import {
  DocPage,
  docsTreeFromReadTree,
  DocsTree,
  INFRA_DOCS_FOLDER,
  isUnreadableDocPage,
  readDocPage,
  readLocalDocsTree,
} from '@internal/backstage-plugin-infra-node';

/**
 * The tree URL without user and password: it goes into an annotation that
 * the catalog API serves (the integration config holds the credentials).
 */
function withoutCredentials(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString().replace(/\/+$/, '');
}

/** True for a file of the docs folder, as a `readTree` filter sees paths. */
export function isInfraDocsPath(p: string): boolean {
  return p.replace(/^\/+/, '').startsWith(`${INFRA_DOCS_FOLDER}/`);
}

/**
 * The infra repo's docs folder as the provider last read it: from the
 * checkout, or from the same `readTree` response as the stacks. Keeps the
 * last good read when a read fails, so a failed read never takes the docs
 * links away.
 */
export class InfraDocsSource {
  readonly #logger: LoggerService;
  readonly #docsTreeUrl: string;
  #fingerprint?: string;
  #pages: DocPage[] = [];

  constructor(options: {
    source:
      | { path: string; url?: undefined }
      | { url: string; path?: undefined };
    logger: LoggerService;
  }) {
    const { source } = options;
    this.#logger = options.logger;
    this.#docsTreeUrl =
      source.url !== undefined
        ? `${withoutCredentials(source.url)}/${INFRA_DOCS_FOLDER}`
        : pathToFileURL(path.resolve(source.path, INFRA_DOCS_FOLDER)).href;
  }

  /**
   * What TechDocs reads the folder from: a `file:` URL of the checkout's
   * folder, or the folder's tree URL for the URL integration.
   */
  get docsTreeUrl(): string {
    return this.#docsTreeUrl;
  }

  /** The readable pages of the last good read. */
  get pages(): DocPage[] {
    return this.#pages;
  }

  /** Reads `<root>/docs` of a checkout; undefined (logged) when that fails. */
  async readLocal(root: string): Promise<DocsTree | undefined> {
    try {
      return await readLocalDocsTree(path.join(root, INFRA_DOCS_FOLDER));
    } catch (e) {
      this.#failed(e);
      return undefined;
    }
  }

  /** The docs folder's files of a `readTree` response of the whole repo. */
  async fromReadTree(
    response: UrlReaderServiceReadTreeResponse,
  ): Promise<DocsTree | undefined> {
    try {
      return await docsTreeFromReadTree(response, INFRA_DOCS_FOLDER);
    } catch (e) {
      this.#failed(e);
      return undefined;
    }
  }

  /** Takes a new read; true when the docs changed. Undefined (a failed read) keeps the last pages. */
  update(tree: DocsTree | undefined): boolean {
    if (!tree || tree.fingerprint === this.#fingerprint) return false;
    this.#fingerprint = tree.fingerprint;
    this.#pages = tree.files
      .filter(f => /\.md$/i.test(f.path))
      .map(f => readDocPage(f.path, f.content))
      .filter((p): p is DocPage => !isUnreadableDocPage(p));
    return true;
  }

  #failed(e: unknown) {
    assertError(e);
    this.#logger.warn(
      `Reading the infra docs failed, keeping the last good pages (${
        this.#pages.length
      }): ${e.message.replace(/\/\/[^/@\s]+@/g, '//')}`,
    );
  }
}
