import type { JsonValue } from '@backstage/types';
import type { z as zod } from 'zod/v3';

/**
 * The template's parameters as they come, any JSON. The actions check them
 * field by field themselves, so a refusal names the template parameter and
 * says how to fix it (a schema error could do neither).
 */
export function jsonValuesSchema(z: typeof zod) {
  const value: zod.ZodType<JsonValue> = z.lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(value),
      z.record(value),
    ]),
  );
  return z.record(value, {
    description:
      'The template parameters, as the form (or an API caller) sent them.',
  });
}
