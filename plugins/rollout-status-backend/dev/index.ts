import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A minimal backend for working on this plugin alone: `yarn start` in the
// package folder reads app-config.yaml from the repo root (the rolloutStatus
// block there points at the bundled snapshots), then try:
//
//   curl http://localhost:7007/api/rollout-status/targets
//   curl http://localhost:7007/api/rollout-status/targets/authentik/status
//
// Auth is mocked so the endpoints answer without a token.
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();
