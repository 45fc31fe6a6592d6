import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The rollout-status page, `/rollout-status`. */
export const rootRouteRef = createRouteRef();

/** All drift, newest first, `/drift`. */
export const driftRouteRef = createRouteRef();
