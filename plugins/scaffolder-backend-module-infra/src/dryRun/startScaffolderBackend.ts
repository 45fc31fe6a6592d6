import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { scaffolderModule } from '../module';

/** A running backend with the real scaffolder plugin and this module. */
export interface ScaffolderBackend {
  /** Base URL of the backend, e.g. `http://localhost:41234`. */
  baseUrl: string;
  /** Authorization header of a signed-in user. */
  authorization: string;
  stop(): Promise<void>;
}

/**
 * Starts the stock scaffolder backend plugin with our actions in-process, on
 * a free port, with a mock catalog (holding `entities`, e.g. the templates
 * for full tasks), the given config and any extra features (e.g. the GitHub
 * module). The dry-run
 * command, the benchmark and the tests all go through this, so they run the
 * same code path as the portal's backend.
 */
export async function startScaffolderBackend(
  config: JsonObject,
  options: { entities?: Entity[]; features?: BackendFeature[] } = {},
): Promise<ScaffolderBackend> {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModule,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({ data: config }),
      ...(options.features ?? []),
    ],
  });
  return {
    baseUrl: `http://localhost:${backend.server.port()}`,
    authorization: mockCredentials.user.header(),
    stop: () => backend.stop(),
  };
}
