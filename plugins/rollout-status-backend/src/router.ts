import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  TargetStatusWithAdditions,
  rolloutStatusQueryTextReadPermission,
} from '@internal/backstage-plugin-rollout-status-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RolloutStatusService } from './services/RolloutStatusService/types';
import { sharedJsonSender } from './encodedJson';

const targetParams = z.object({
  targetId: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'target ids are lower-case letters, digits and dashes',
    ),
});
const listQuery = z.object({ entityRef: z.string().min(1).optional() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}

function hasQueryText(status: TargetStatusWithAdditions): boolean {
  return status.checks.some(
    c =>
      c.id === 'lock-holders' &&
      Array.isArray(c.data?.holders) &&
      c.data.holders.length > 0,
  );
}

/** The status without lock holders' SQL text, for callers not allowed to read it. */
export function withoutQueryText(
  status: TargetStatusWithAdditions,
): TargetStatusWithAdditions {
  return {
    ...status,
    checks: status.checks.map(check =>
      check.id === 'lock-holders' && Array.isArray(check.data?.holders)
        ? {
            ...check,
            data: {
              ...check.data,
              queryTextHidden: true,
              holders: (
                check.data.holders as Array<Record<string, unknown>>
              ).map(({ query: _query, ...holder }) => holder),
            },
          }
        : check,
    ),
  };
}

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  rolloutStatus: RolloutStatusService;
}): Promise<express.Router> {
  const { httpAuth, permissions, rolloutStatus } = options;
  const router = Router();
  const sendShared = sharedJsonSender();

  router.get('/targets', async (req, res) => {
    const query = parse(listQuery, req.query);
    res.json(rolloutStatus.listTargets(query));
  });

  router.get('/drift', async (_req, res) => {
    res.json(await rolloutStatus.listDrift());
  });

  router.get('/targets/:targetId/status', async (req, res) => {
    const { targetId } = parse(targetParams, req.params);
    const status = await rolloutStatus.getStatus(targetId);
    // Ask the permission framework only when there is query text to show.
    if (!hasQueryText(status)) {
      sendShared(req, res, status);
      return;
    }
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: rolloutStatusQueryTextReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) sendShared(req, res, status);
    else res.json(withoutQueryText(status));
  });

  return router;
}
