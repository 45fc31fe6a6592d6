import { ConfigSources } from '@backstage/config-loader';
import { checkDatabase } from './checkDatabase';

/**
 * Runs before the backend starts and exits with a named error when the
 * configuration cannot work, instead of letting the start hang.
 */
export async function runStartupPreflight(): Promise<void> {
  // Same sources, in the same order, as the backend's root config service.
  const source = ConfigSources.default({});
  const config = await ConfigSources.toConfig(source);
  try {
    const problem = await checkDatabase(config);
    if (problem) {
      process.stderr.write(
        `\n[portal] Database preflight failed: ${problem.message}\n[portal] Fix: ${problem.fix}\n\n`,
      );
      process.exit(1);
    }
  } finally {
    config.close();
  }
}
