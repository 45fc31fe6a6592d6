import { ChangeEvent, useEffect } from 'react';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  FieldExtensionComponentProps,
  FieldExtensionOptions,
} from '@backstage/plugin-scaffolder-react';
import {
  AUTH_TIERS,
  DEFAULT_AUTH_TIER,
  authTierInfo,
  isAuthTier,
} from '@internal/backstage-plugin-infra-common';
import {
  rulesOptionsOf,
  validateWithInfraRules,
} from '../../scaffolder/infraRules';
import { AuthTierChoice, problemWithChoice } from './authTierChoice';

/**
 * Scaffolder field: "what gates the app?". `required` is preselected (the
 * fail-closed default); `app` and `none` ask for the justification sentence
 * the infra requires above `auth = "..."`.
 */
export function AuthTierField(
  props: FieldExtensionComponentProps<AuthTierChoice>,
) {
  const { formData, onChange, rawErrors, schema, idSchema, required } = props;
  const tier = formData?.tier;

  // Preselect in the form data too, not only on screen, so an untouched
  // field still submits the fail-closed default.
  useEffect(() => {
    if (!formData?.tier) onChange({ tier: DEFAULT_AUTH_TIER });
  }, [formData?.tier, onChange]);

  const chooseTier = (_: ChangeEvent<HTMLInputElement>, value: string) => {
    if (!isAuthTier(value)) return;
    onChange(
      authTierInfo(value).needsJustification
        ? { tier: value, justification: formData?.justification }
        : { tier: value },
    );
  };

  const needsJustification = tier && authTierInfo(tier).needsJustification;
  // The scaffolder's field template prints the errors below the field; the
  // field itself only turns red.
  const hasErrors = (rawErrors ?? []).length > 0;
  const labelId = `${idSchema.$id}-label`;

  return (
    <FormControl
      component="fieldset"
      required={required}
      error={hasErrors}
      margin="normal"
    >
      <FormLabel component="legend" id={labelId}>
        {schema.title ?? 'What gates the app?'}
      </FormLabel>
      <RadioGroup
        aria-labelledby={labelId}
        value={tier ?? DEFAULT_AUTH_TIER}
        onChange={chooseTier}
      >
        {AUTH_TIERS.map(info => (
          <FormControlLabel
            key={info.tier}
            value={info.tier}
            control={<Radio />}
            label={
              <Typography component="span" variant="body2">
                <code>{info.tier}</code>: {info.meaning}
              </Typography>
            }
          />
        ))}
      </RadioGroup>
      {needsJustification && (
        <TextField
          id={`${idSchema.$id}-justification`}
          label="Justification"
          // Asterisk only: the HTML `required` attribute would let the
          // browser block Next silently instead of showing our message.
          InputLabelProps={{ required: true }}
          fullWidth
          value={formData?.justification ?? ''}
          onChange={event =>
            onChange({ tier, justification: event.target.value })
          }
          helperText={`Becomes the comment line directly above auth = "${tier}".`}
        />
      )}
    </FormControl>
  );
}

/**
 * For a field inside array items (the path carve-outs), the scaffolder's
 * validator is handed the whole array rather than one item's value: check
 * every tier choice in its items then, and none when the array is empty.
 */
function choicesIn(value: unknown): Array<Partial<AuthTierChoice> | undefined> {
  if (!Array.isArray(value))
    return [value as Partial<AuthTierChoice> | undefined];
  return value.flatMap(item =>
    Object.values(item ?? {}).filter(
      (v): v is Partial<AuthTierChoice> =>
        typeof v === 'object' && v !== null && 'tier' in v,
    ),
  );
}

/** The field as the scaffolder registers it (`ui:field: AuthTierPicker`). */
export const authTierFieldOptions: FieldExtensionOptions<AuthTierChoice> = {
  name: 'AuthTierPicker',
  component: AuthTierField,
  validation: (value, validation, context) => {
    // In a template that names its rules (`ui:options: { rules, field }`),
    // the shared rules speak, as for every other field of the wizard.
    if (rulesOptionsOf(context?.uiSchema)) {
      validateWithInfraRules(value, validation, context);
      return;
    }
    for (const choice of choicesIn(value)) {
      const problem = problemWithChoice(choice);
      if (problem) validation.addError(problem);
    }
  },
};
