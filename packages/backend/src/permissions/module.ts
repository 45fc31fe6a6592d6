import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readPortalAuthConfig } from '../auth/portalAuthConfig';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

/** Installs the portal's permission policy in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        policy.setPolicy(
          new PortalPermissionPolicy(readPortalAuthConfig(config)),
        );
      },
    });
  },
});
