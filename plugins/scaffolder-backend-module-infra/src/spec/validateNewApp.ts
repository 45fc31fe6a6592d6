import { checkNewApp } from '@internal/backstage-plugin-infra-common';
import type { NewAppSpec } from '@internal/backstage-plugin-infra-common';
import { throwIfProblems } from './problems';

/**
 * The shared new-app rules (infra-common's `checkNewApp`, the ones the form
 * shows at each field), as the actions need them: the typed request, or an
 * `InputError` naming each bad field and its fix.
 */
export function validateNewApp(values: Record<string, unknown>): NewAppSpec {
  const checked = checkNewApp(values);
  throwIfProblems(checked.problems, 'The new-app request');
  return checked.spec!;
}
