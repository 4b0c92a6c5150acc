import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Alert, type SearchLinkAlert } from './api';
import { CategorySuggestions } from './CategorySuggestions';
import { ChannelsSection } from './Channels';
import { EbayLinkImport } from './EbayLinkImport';
import { fieldKit } from './formKit';
import { MARKETPLACES } from './marketplaces';
import { MoreFilters } from './MoreFilters';
import { NotificationsSection } from './NotificationsSection';
import { SearchFields } from './SearchFields';
import {
  emptyForm,
  errorKeyOf,
  fromAlert,
  MORE_FILTER_FIELDS,
  moreFiltersInUse,
  toInput,
  validate,
  withSearchLink,
  type AlertFormValues,
  type ErrorKey,
  type FormErrors,
} from './validation';

const isChannelKey = (key: ErrorKey) => key.startsWith('channels');

export function AlertForm(props: {
  email: string;
  alert: Alert | null;
  frequencies: number[];
  onSaved: (alert: Alert, created: boolean) => void;
  onCancel: () => void;
  onUnauthorized: () => void;
}) {
  const { alert, frequencies } = props;
  const [values, setValues] = useState<AlertFormValues>(() => (alert ? fromAlert(alert) : emptyForm(props.email)));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusError, setFocusError] = useState(0);
  const [moreOpen, setMoreOpen] = useState(() => moreFiltersInUse(values) > 0);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  // While frequencies load (or if they failed), keep the alert's own value choosable.
  const choices = frequencies.length ? frequencies : alert ? [alert.frequencyMinutes] : [];

  const change = (patch: Partial<AlertFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const kit = fieldKit(id, errors, values, change);
  const currency = MARKETPLACES[values.marketplace]?.currency ?? 'USD';

  // Channel errors are kept by position: once rows move they would point at the wrong row.
  const dropChannelErrors = () =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !isChannelKey(k as ErrorKey))));

  // Called once the server answered: what was typed meanwhile and the link does not set stays.
  function imported(link: SearchLinkAlert) {
    setValues((v) => withSearchLink(v, link));
    setErrors({});
    setFormError(null);
    if (moreFiltersInUse(withSearchLink(values, link)) > 0) setMoreOpen(true);
  }

  /** Shows the errors, opening "More filters" when one is in there, and focuses the first. */
  function showErrors(found: FormErrors) {
    setErrors(found);
    if (MORE_FILTER_FIELDS.some((f) => found[f])) setMoreOpen(true);
    if (Object.keys(found).length > 0) setFocusError((n) => n + 1);
  }

  // After the render that shows them (a frame callback could run before it, after a server answer).
  useEffect(() => {
    if (focusError > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .group-error')?.focus();
  }, [focusError]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values, choices);
    setFormError(null);
    showErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Please correct the highlighted fields.');
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
          const key = errorKeyOf(field);
          const row = /^channels\[(\d+)\]/.exec(key ?? '');
          if (key && (!row || Number(row[1]) < values.channels.length)) {
            fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]}; ${message}` : message;
          } else other.push(`${field}: ${message}`);
        }
        showErrors(fieldErrors);
        setFormError(
          e.status === 409
            ? 'This alert was changed elsewhere. Cancel and open it again to see the latest version.'
            : [e.message, ...other].join(' '),
        );
      } else setFormError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

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
      {!alert && <EbayLinkImport onImported={imported} onUnauthorized={props.onUnauthorized} />}
      <SearchFields kit={kit} choices={choices} currency={currency} />

      <CategorySuggestions kit={kit} onUnauthorized={props.onUnauthorized} />

      <MoreFilters kit={kit} open={moreOpen} onToggle={() => setMoreOpen((o) => !o)} />

      <NotificationsSection kit={kit} currency={currency} />

      <ChannelsSection kit={kit} onRowsMoved={dropChannelErrors} />

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
