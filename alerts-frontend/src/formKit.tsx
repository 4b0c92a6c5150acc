import type { ChangeEvent, ReactNode } from 'react';
import type { AlertFormValues, CheckField, ErrorKey, FormErrors, TextField } from './validation';

/**
 * How the alert form and its parts (MoreFilters, CategorySuggestions, EbayLinkImport) render a
 * labelled input with its hint and error, so every input is described the same way.
 */
export function fieldKit(
  id: string,
  errors: FormErrors,
  values: AlertFormValues,
  change: (patch: Partial<AlertFormValues>) => void,
) {
  const errorIdOf = (key: ErrorKey) => `${id}-error-${key.replace(/[^\w]/g, '-')}`;

  /** id, aria-invalid and aria-describedby of an input showing the errors under the given keys. */
  const a11y = (inputId: string, keys: ErrorKey[], hint?: boolean, unit?: boolean) => {
    const shown = keys.filter((k) => errors[k]);
    const describedBy = [
      hint ? `${inputId}-hint` : null,
      unit ? `${inputId}-unit` : null,
      ...shown.map((k) => errorIdOf(k)),
    ]
      .filter(Boolean)
      .join(' ');
    return {
      id: inputId,
      'aria-invalid': shown.length ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };

  const errorText = (key: ErrorKey, label: string) =>
    errors[key] && (
      <span id={errorIdOf(key)} className="field-error">
        {label} {errors[key]}
      </span>
    );

  const hintText = (inputId: string, hint?: ReactNode) =>
    hint && (
      <small id={`${inputId}-hint`} className="hint">
        {hint}
      </small>
    );

  const set = (name: TextField) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    change({ [name]: e.target.value });

  /** A labelled control; unit is shown after it (a currency) and read as part of its description. */
  const field = (
    name: TextField,
    label: string,
    control: (a11y: object) => ReactNode,
    hint?: ReactNode,
    unit?: string,
  ) => {
    const inputId = `${id}-${name}`;
    const props = { ...a11y(inputId, [name], Boolean(hint), Boolean(unit)), name };
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={inputId}>{label}</label>
        {unit ? (
          <div className="with-unit">
            {control(props)}
            <span id={`${inputId}-unit`} className="unit">
              <span className="visually-hidden">in </span>
              {unit}
            </span>
          </div>
        ) : (
          control(props)
        )}
        {hintText(inputId, hint)}
        {errorText(name, label)}
      </div>
    );
  };

  /** A text input bound to the form value of that name. */
  const input = (name: TextField, label: string, hint?: ReactNode, extra: object = {}) =>
    field(name, label, (a) => <input {...a} value={values[name]} onChange={set(name)} {...extra} />, hint);

  const checkbox = (name: CheckField, label: string, hint: string) => {
    const inputId = `${id}-${name}`;
    return (
      <div className={`field check field-${name}`}>
        <div className="check-row">
          <input
            {...a11y(inputId, [name], true)}
            type="checkbox"
            name={name}
            checked={values[name]}
            onChange={(e) => change({ [name]: e.target.checked })}
          />
          <label htmlFor={inputId}>{label}</label>
        </div>
        {hintText(inputId, hint)}
        {errorText(name, label)}
      </div>
    );
  };

  return { id, errors, values, change, a11y, errorIdOf, errorText, hintText, set, field, input, checkbox };
}

export type FieldKit = ReturnType<typeof fieldKit>;
