import TextField from '@material-ui/core/TextField';
import {
  FieldExtensionComponentProps,
  FieldExtensionOptions,
} from '@backstage/plugin-scaffolder-react';
import { validateWithInfraRules } from './infraRules';

/**
 * A text field checked by the infra's own rules (`ui:field: InfraInput`,
 * `ui:options: { rules: new-app, parameter: <name> }`): a value the
 * scaffolder action would refuse is marked here, in the action's words,
 * before Next. The template keeps no pattern of its own for such a field.
 */
export function InfraInputField(props: FieldExtensionComponentProps<string>) {
  const {
    formData,
    onChange,
    onBlur,
    rawErrors,
    schema,
    idSchema,
    required,
    uiSchema,
  } = props;
  return (
    <TextField
      id={idSchema.$id}
      label={schema.title}
      helperText={schema.description}
      required={required}
      // The browser's own required check would block Next without a word.
      inputProps={{ required: false }}
      // The template asks for it on the first field (ui:autofocus), as the
      // stock text field honours it.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus={uiSchema?.['ui:autofocus'] === true}
      fullWidth
      margin="normal"
      error={(rawErrors ?? []).length > 0}
      value={formData ?? ''}
      onChange={e =>
        onChange(e.target.value === '' ? undefined : e.target.value)
      }
      onBlur={e => onBlur?.(idSchema.$id, e.target.value)}
    />
  );
}

export const infraInputFieldOptions: FieldExtensionOptions<string> = {
  name: 'InfraInput',
  component: InfraInputField,
  validation: (value, validation, context) =>
    validateWithInfraRules(value, validation, context),
};
