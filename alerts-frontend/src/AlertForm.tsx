import { useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type Alert } from './api';
import { emptyForm, toInput, validate, type AlertFormValues, type FormErrors } from './validation';

function fromAlert(alert: Alert): AlertFormValues {
  const text = (n: number | null) => (n === null || n === undefined ? '' : String(n));
  return {
    email: alert.email,
    searchPhrase: alert.searchPhrase,
    frequencyMinutes: String(alert.frequencyMinutes),
    minPrice: text(alert.minPrice),
    maxPrice: text(alert.maxPrice),
    currency: alert.currency ?? 'USD',
    condition: alert.condition ?? 'ANY',
    buyingOption: alert.buyingOption ?? 'ANY',
    excludeWords: (alert.excludeWords ?? []).join(', '),
    minDropPercent: text(alert.minDropPercent),
  };
}

export function AlertForm(props: {
  email: string;
  alert: Alert | null;
  frequencies: number[];
  onSaved: (alert: Alert, created: boolean) => void;
  onCancel: () => void;
  onUnauthorized: () => void;
}) {
  const { alert, frequencies } = props;
  const [values, setValues] = useState<AlertFormValues>(() =>
    alert ? fromAlert(alert) : emptyForm(props.email),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  // While frequencies load (or if they failed), keep the alert's own value choosable.
  const choices = frequencies.length ? frequencies : alert ? [alert.frequencyMinutes] : [];

  const set = (name: keyof AlertFormValues) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values, choices);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setFormError('Please correct the highlighted fields.');
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const input = toInput(values);
      const saved = alert
        ? await api.replaceAlert(alert.id, { ...input, active: alert.active, version: alert.version })
        : await api.createAlert(input);
      props.onSaved(saved, !alert);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return props.onUnauthorized();
      if (e instanceof ApiError) {
        const fieldErrors: FormErrors = {};
        const other: string[] = [];
        for (const [field, message] of Object.entries(e.fieldErrors)) {
          if (field in values) fieldErrors[field as keyof AlertFormValues] = message;
          else other.push(`${field}: ${message}`);
        }
        setErrors(fieldErrors);
        setFormError(
          e.status === 409
            ? 'This alert was changed elsewhere. Cancel and open it again to see the latest version.'
            : [e.message, ...other].join(' '),
        );
        focusFirstError();
      } else setFormError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof AlertFormValues, label: string, control: (a11y: object) => ReactNode, hint?: string) => {
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    const hintId = `${inputId}-hint`;
    const describedBy = [hint ? hintId : null, errors[name] ? errorId : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={inputId}>{label}</label>
        {control({ id: inputId, name, 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': describedBy })}
        {hint && (
          <small id={hintId} className="hint">
            {hint}
          </small>
        )}
        {errors[name] && (
          <span id={errorId} className="field-error">
            {label} {errors[name]}
          </span>
        )}
      </div>
    );
  };

  return (
    <form ref={formRef} className="card alert-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{alert ? `Edit “${alert.searchPhrase}”` : 'New alert'}</h3>
      <div aria-live="assertive">
        {formError && (
          <p className="error" role="alert">
            {formError}
          </p>
        )}
      </div>
      <div className="grid">
        {field('email', 'Email', (a) => <input {...a} type="email" value={values.email} readOnly />, 'Alerts go to the address you signed in with.')}
        {field('searchPhrase', 'Search phrase', (a) => (
          <input {...a} value={values.searchPhrase} onChange={set('searchPhrase')} maxLength={200} required />
        ))}
        {field('frequencyMinutes', 'Check every', (a) => (
          <select {...a} value={values.frequencyMinutes} onChange={set('frequencyMinutes')} required>
            <option value="">Choose…</option>
            {choices.map((f) => (
              <option key={f} value={String(f)}>
                {f} minutes
              </option>
            ))}
          </select>
        ))}
        {field('minPrice', 'Min price', (a) => (
          <input {...a} inputMode="decimal" value={values.minPrice} onChange={set('minPrice')} />
        ))}
        {field('maxPrice', 'Max price', (a) => (
          <input {...a} inputMode="decimal" value={values.maxPrice} onChange={set('maxPrice')} />
        ))}
        {field('currency', 'Currency', (a) => (
          <input {...a} value={values.currency} onChange={set('currency')} maxLength={3} autoCapitalize="characters" />
        ))}
        {field('condition', 'Condition', (a) => (
          <select {...a} value={values.condition} onChange={set('condition')}>
            <option value="ANY">Any</option>
            <option value="NEW">New</option>
            <option value="USED">Used</option>
          </select>
        ))}
        {field('buyingOption', 'Buying option', (a) => (
          <select {...a} value={values.buyingOption} onChange={set('buyingOption')}>
            <option value="ANY">Any</option>
            <option value="FIXED_PRICE">Buy It Now</option>
            <option value="AUCTION">Auction</option>
          </select>
        ))}
        {field(
          'excludeWords',
          'Exclude words',
          (a) => <input {...a} value={values.excludeWords} onChange={set('excludeWords')} />,
          'Separated by commas or spaces; up to 20.',
        )}
        {field(
          'minDropPercent',
          'Min price drop %',
          (a) => <input {...a} inputMode="decimal" value={values.minDropPercent} onChange={set('minDropPercent')} />,
          'Email a listing again when its price fell at least this much.',
        )}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : alert ? 'Save changes' : 'Create alert'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
