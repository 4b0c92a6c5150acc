import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, type DeliveryMode, type DeliverySchedule as Schedule, type InstantReason } from './api';

const browserZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** The IANA zones the browser knows, with the given ones (the stored one, UTC) always among them. */
function zoneOptions(...always: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // an older browser: the given zones only
  }
  return [...new Set([...always.filter(Boolean), ...zones])].sort();
}

const defaults = (): Schedule => ({
  mode: 'INSTANT',
  dailyAt: null,
  timeZone: browserZone(),
  alwaysInstant: ['TARGET_PRICE', 'ENDING_SOON'],
});

const MODES: { value: DeliveryMode; label: string; hint: string }[] = [
  { value: 'INSTANT', label: 'Instant', hint: 'each notice as soon as the alert finds it' },
  { value: 'HOURLY', label: 'Hourly', hint: 'one digest an hour' },
  { value: 'DAILY', label: 'Daily', hint: 'one digest a day, at the time below' },
];

const REASONS: { value: InstantReason; label: string }[] = [
  { value: 'TARGET_PRICE', label: 'Target price reached' },
  { value: 'ENDING_SOON', label: 'Auction ending soon' },
];

export function scheduleSummary(s: Schedule): string {
  if (s.mode === 'HOURLY') return 'hourly digest';
  if (s.mode === 'DAILY') return `daily at ${s.dailyAt ?? '—'} (${s.timeZone})`;
  return 'instant';
}

/** When the address's notices go out: at once, as an hourly digest, or daily at a local time. */
export function DeliverySchedule({ onUnauthorized }: { onUnauthorized: () => void }) {
  const id = useId();
  const [stored, setStored] = useState<Schedule | null>(null);
  const [values, setValues] = useState<Schedule>(defaults);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.deliverySchedule().then(
      (s) => {
        if (cancelled || !s) return;
        const schedule = { ...defaults(), ...s, alwaysInstant: s.alwaysInstant ?? [] };
        setStored(schedule);
        setValues(schedule);
      },
      (e: unknown) => {
        if (cancelled) return;
        // 404: nothing stored yet (or a service without schedules): the defaults stand.
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [onUnauthorized]);

  const change = (patch: Partial<Schedule>) => {
    setValues((v) => ({ ...v, ...patch }));
    setMessage(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const body: Schedule = { ...values, dailyAt: values.mode === 'DAILY' ? values.dailyAt || null : null };
    if (body.mode === 'DAILY' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(body.dailyAt ?? '')) {
      setErrors({ dailyAt: 'Enter the time the daily digest goes out.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await api.saveDeliverySchedule(body);
      const schedule = { ...body, ...saved };
      setStored(schedule);
      setValues(schedule);
      setMessage(`Saved: ${scheduleSummary(schedule)}.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return onUnauthorized();
      const fieldErrors = e instanceof ApiError ? e.fieldErrors : {};
      // "alwaysInstant[1]" shows on the group, like "alwaysInstant".
      const byField: Record<string, string> = {};
      for (const [field, text] of Object.entries(fieldErrors)) {
        const name = field.replace(/\[\d+\]$/, '');
        byField[name] = byField[name] ? `${byField[name]}; ${text}` : text;
      }
      setErrors(byField);
      const shownFields = ['mode', 'alwaysInstant', ...(values.mode === 'DAILY' ? ['dailyAt', 'timeZone'] : [])];
      const elsewhere = Object.keys(byField).filter((f) => !shownFields.includes(f));
      setError(
        Object.keys(byField).length === 0
          ? `Not saved: ${(e as Error).message}`
          : elsewhere.length
            ? `Not saved: ${elsewhere.map((f) => `${f} ${byField[f]}`).join('; ')}`
            : 'Not saved: check the fields marked below.',
      );
    } finally {
      setBusy(false);
    }
  }

  const errorId = (field: string) => `${id}-error-${field}`;
  const described = (field: string, hint?: string) =>
    [hint, errors[field] ? errorId(field) : null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) =>
    errors[field] && (
      <span id={errorId(field)} className="field-error">
        {errors[field]}
      </span>
    );

  return (
    <details className="schedule">
      <summary>Delivery: {scheduleSummary(stored ?? values)}</summary>
      <form onSubmit={save} noValidate aria-label="Delivery schedule" className="schedule-form">
        <fieldset className="price-basis" aria-describedby={described('mode')}>
          <legend>Send notices</legend>
          <div className="check-row">
            {MODES.map((m) => (
              <span key={m.value} className="check-row">
                <input
                  type="radio"
                  id={`${id}-mode-${m.value}`}
                  name={`${id}-mode`}
                  value={m.value}
                  checked={values.mode === m.value}
                  onChange={() => change({ mode: m.value, timeZone: values.timeZone || browserZone() })}
                  aria-describedby={`${id}-mode-${m.value}-hint`}
                />
                <label htmlFor={`${id}-mode-${m.value}`}>{m.label}</label>
                <span id={`${id}-mode-${m.value}-hint`} className="visually-hidden">
                  {m.hint}
                </span>
              </span>
            ))}
          </div>
          {errorText('mode')}
        </fieldset>

        {values.mode === 'DAILY' && (
          <div className="grid">
            <div className="field">
              <label htmlFor={`${id}-dailyAt`}>Daily at</label>
              <input
                id={`${id}-dailyAt`}
                type="time"
                value={values.dailyAt ?? ''}
                onChange={(e) => change({ dailyAt: e.target.value || null })}
                aria-invalid={errors.dailyAt ? true : undefined}
                aria-describedby={described('dailyAt')}
                required
              />
              {errorText('dailyAt')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-timeZone`}>Time zone</label>
              <select
                id={`${id}-timeZone`}
                value={values.timeZone}
                onChange={(e) => change({ timeZone: e.target.value })}
                aria-invalid={errors.timeZone ? true : undefined}
                aria-describedby={described('timeZone')}
              >
                {zoneOptions(values.timeZone, browserZone(), 'UTC').map((z) => (
                  <option key={z} value={z}>
                    {z.replaceAll('_', ' ')}
                  </option>
                ))}
              </select>
              {errorText('timeZone')}
            </div>
          </div>
        )}

        {values.mode !== 'INSTANT' && (
          <fieldset className="price-basis" aria-describedby={described('alwaysInstant', `${id}-instant-hint`)}>
            <legend>Always send at once</legend>
            <small id={`${id}-instant-hint`} className="hint">
              These notices do not wait for the digest.
            </small>
            {REASONS.map((r) => (
              <div key={r.value} className="check-row">
                <input
                  type="checkbox"
                  id={`${id}-instant-${r.value}`}
                  checked={values.alwaysInstant.includes(r.value)}
                  onChange={(e) =>
                    change({
                      alwaysInstant: e.target.checked
                        ? [...values.alwaysInstant.filter((x) => x !== r.value), r.value]
                        : values.alwaysInstant.filter((x) => x !== r.value),
                    })
                  }
                />
                <label htmlFor={`${id}-instant-${r.value}`}>{r.label}</label>
              </div>
            ))}
            {errorText('alwaysInstant')}
          </fieldset>
        )}

        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save delivery schedule'}
          </button>
        </div>
        <div aria-live="polite" role="status" className="sr-status">
          {message && <p className="notice">{message}</p>}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
