import { Config } from '@backstage/config';

export type Publisher = 'forgejo' | 'github';

/**
 * `scaffolder.infra.publisher` picks where pull requests go. Without it,
 * Forgejo is used when `scaffolder.infra.forgejo` is set, else GitHub when
 * `scaffolder.infra.github` is set.
 */
export function readPublisher(config: Config): Publisher | undefined {
  const explicit = config.getOptionalString('scaffolder.infra.publisher');
  if (explicit === 'forgejo' || explicit === 'github') return explicit;
  if (explicit !== undefined) {
    throw new Error(
      `scaffolder.infra.publisher must be "forgejo" or "github", got "${explicit}"`,
    );
  }
  if (config.has('scaffolder.infra.forgejo')) return 'forgejo';
  if (config.has('scaffolder.infra.github')) return 'github';
  return undefined;
}
