import {
  checkAddIngress,
  checkNewApp,
  FieldProblem,
  problemsOfField,
} from '@internal/backstage-plugin-infra-common';

/** A field's ui schema as the scaffolder hands it to a validator. */
type UiSchema = { [key: string]: unknown };

/** Which template's rules a field follows. */
export type InfraRules = 'new-app' | 'add-ingress';

/** `ui:options` of a field checked by the infra rules: `{ rules: new-app, parameter: image }`. */
export interface InfraRulesOptions {
  rules: InfraRules;
  /**
   * The template parameter the field writes (the scaffolder does not tell a
   * validator). Not `field`: rjsf reads `ui:options.field` as `ui:field`.
   */
  parameter: string;
}

function isRulesOptions(o: unknown): o is InfraRulesOptions {
  const r = o as Partial<InfraRulesOptions> | undefined;
  return (
    (r?.rules === 'new-app' || r?.rules === 'add-ingress') &&
    typeof r.parameter === 'string'
  );
}

/**
 * The options of the field being validated. A field inside array items is
 * handed the items' ui schema (one entry per item property), so look there
 * too: every checked property of the items names the same array field.
 */
export function rulesOptionsOf(
  uiSchema: UiSchema | undefined,
): InfraRulesOptions | undefined {
  const own = uiSchema?.['ui:options'];
  if (isRulesOptions(own)) return own;
  for (const entry of Object.values(uiSchema ?? {})) {
    const nested = (entry as UiSchema | undefined)?.['ui:options'];
    if (isRulesOptions(nested)) return nested;
  }
  return undefined;
}

/** Every problem of the whole form, by the same rules `infra:validate-input` refuses with. */
export function problemsOfForm(
  rules: InfraRules,
  formData: Record<string, unknown>,
): FieldProblem[] {
  return (rules === 'new-app' ? checkNewApp : checkAddIngress)(formData)
    .problems;
}

/**
 * The problem in words for the field that shows it: what is wrong and the
 * fix; an item of a list says which item (`carveOuts[1].path` is item 2).
 */
export function sayProblem(p: FieldProblem, field: string): string {
  const item = /^\[(\d+)\]\.?([\w.]*)/.exec(p.field.slice(field.length));
  const where = item
    ? `Item ${Number(item[1]) + 1}${item[2] ? ` (${item[2]})` : ''}: `
    : '';
  return `${where}${p.problem} ${p.fix}`;
}

/**
 * A scaffolder field validator that shows, at the field, the problems the
 * shared rules find for it. It reads the whole form, so rules that join
 * fields (Anubis and the auth tier, the database name and the app name)
 * hold as the backend holds them.
 */
export function validateWithInfraRules(
  _value: unknown,
  validation: { addError(message: string): unknown },
  context: { formData?: unknown; uiSchema?: UiSchema },
): void {
  const options = rulesOptionsOf(context.uiSchema);
  if (!options) return;
  const formData = (context.formData ?? {}) as Record<string, unknown>;
  for (const p of problemsOfField(
    problemsOfForm(options.rules, formData),
    options.parameter,
  ))
    validation.addError(sayProblem(p, options.parameter));
}
