import { checkAddIngress } from '@internal/backstage-plugin-infra-common';
import type { AddIngressSpec } from '@internal/backstage-plugin-infra-common';
import { throwIfProblems } from './problems';

/** The shared add-ingress rules: the typed request, or an `InputError` naming each bad field and its fix. */
export function validateAddIngress(
  values: Record<string, unknown>,
): AddIngressSpec {
  const checked = checkAddIngress(values);
  throwIfProblems(checked.problems, 'The add-ingress request');
  return checked.spec!;
}
