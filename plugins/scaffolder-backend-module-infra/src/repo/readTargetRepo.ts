import { Config } from '@backstage/config';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  filesFromReadTree,
  InfraFile,
  readLocalTree,
} from '@internal/backstage-plugin-infra-node';

/** Where the infra repo the templates publish to can be read from. */
export type TargetRepoSource = { localPath: string } | { url: string };

/** Reads `scaffolder.infra.repo`; undefined when it is not configured. */
export function readTargetRepoSource(
  config: Config,
): TargetRepoSource | undefined {
  const repo = config.getOptionalConfig('scaffolder.infra.repo');
  if (!repo) return undefined;
  const localPath = repo.getOptionalString('localPath');
  if (localPath) return { localPath };
  return { url: repo.getString('url') };
}

/**
 * The infra files of the target repo: from a local checkout, or through the
 * `UrlReaderService` (`readTree` of a repo URL the integrations can read).
 */
export async function readTargetRepo(
  source: TargetRepoSource,
  reader: UrlReaderService,
): Promise<InfraFile[]> {
  if ('localPath' in source) return readLocalTree(source.localPath);
  const tree = await reader.readTree(source.url);
  return filesFromReadTree(tree);
}
