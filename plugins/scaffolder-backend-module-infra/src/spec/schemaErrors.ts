import type { JsonObject, JsonValue } from '@backstage/types';
import { FieldProblem, formatProblems } from './problems';

/** A JSON Schema error as the scaffolder returns it (the `jsonschema` library's shape). */
export interface SchemaError {
  /** `instance.carveOuts[0].path` */
  property?: string;
  /** The keyword that failed: `pattern`, `enum`, `maxLength`, `required`, ... */
  name?: string;
  argument?: unknown;
  instance?: unknown;
  message?: string;
}

type Schema = { [key: string]: JsonValue | undefined };

/** The schema of a parameter by its path (`carveOuts[0].path`), over every page of the template. */
function schemaAt(template: JsonObject, field: string): Schema | undefined {
  const spec = (template.spec ?? {}) as Schema;
  const pages = Array.isArray(spec.parameters)
    ? spec.parameters
    : [spec.parameters];
  const steps = field
    .replace(/\[\d+\]/g, '.[]')
    .split('.')
    .filter(Boolean);
  for (const page of pages) {
    let node = page as Schema | undefined;
    for (const step of steps) {
      if (!node) break;
      node =
        step === '[]'
          ? (node.items as Schema | undefined)
          : ((node.properties as Schema | undefined)?.[step] as
              | Schema
              | undefined);
    }
    if (node) return node;
  }
  return undefined;
}

function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * The form schema's own refusals (a pattern, an enum, a length) said as our
 * validator says them: the field, its title in words, what is wrong and the
 * fix, instead of `instance.name does not match pattern "^[a-z]…$"`.
 */
export function schemaErrorsInWords(
  template: JsonObject,
  errors: ReadonlyArray<SchemaError>,
): string {
  const problems: FieldProblem[] = errors.map(e => {
    const parent = (e.property ?? 'instance').replace(/^instance\.?/, '');
    const field =
      e.name === 'required' && typeof e.argument === 'string'
        ? [parent, e.argument].filter(Boolean).join('.')
        : parent;
    const schema = schemaAt(template, field) ?? {};
    const title = typeof schema.title === 'string' ? schema.title : field;
    const rule =
      typeof schema.description === 'string' ? ` ${schema.description}` : '';
    switch (e.name) {
      case 'pattern':
        return {
          field,
          problem: `${title}: ${shown(
            e.instance,
          )} is not in the form this field takes.`,
          fix: rule ? `Follow the field's rule:${rule}` : 'Correct the value.',
        };
      case 'enum': {
        const allowed = Array.isArray(schema.enum)
          ? schema.enum.map(String).join(', ')
          : String(e.argument);
        return {
          field,
          problem: `${title}: ${shown(e.instance)} is not one of the choices.`,
          fix: `Pick one of ${allowed}.`,
        };
      }
      case 'maxLength':
      case 'minLength':
        return {
          field,
          problem: `${title} is ${
            e.name === 'maxLength' ? 'longer' : 'shorter'
          } than ${String(e.argument)} characters.`,
          fix: `Use ${e.name === 'maxLength' ? 'at most' : 'at least'} ${String(
            e.argument,
          )} characters.${rule}`,
        };
      case 'required':
        return {
          field,
          problem: `${title} is required.`,
          fix: `Fill in ${title}.${rule}`,
        };
      default:
        return {
          field,
          problem: `${title}: ${e.message ?? 'is not valid'}.`,
          fix: rule ? `Follow the field's rule:${rule}` : 'Correct the value.',
        };
    }
  });
  return formatProblems('The form', problems);
}
