import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Alert, type ChannelType, type SearchLinkAlert } from './api';
import { CategorySuggestions } from './CategorySuggestions';
import { EbayLinkImport } from './EbayLinkImport';
import { fieldKit } from './formKit';
import { MARKETPLACE_IDS, MARKETPLACES } from './marketplaces';
import { MoreFilters } from './MoreFilters';
import {
  CHANNEL_TYPES,
  emptyForm,
  errorKeyOf,
  fromAlert,
  MAX_CHANNELS,
  MORE_FILTER_FIELDS,
  moreFiltersInUse,
  needsUrl,
  newChannel,
  toInput,
  validate,
  withSearchLink,
  type AlertFormValues,
  type ChannelFormValues,
  type ErrorKey,
  type FormErrors,
} from './validation';

export const CHANNEL_LABELS: Record<ChannelType, string> = {
  EMAIL: 'Email',
  WEBHOOK: 'Webhook',
  DISCORD: 'Discord',
  SLACK: 'Slack',
  TELEGRAM: 'Telegram',
};

const TARGET_LABELS: Record<ChannelType, string> = {
  EMAIL: '',
  WEBHOOK: 'Webhook URL',
  DISCORD: 'Discord webhook URL',
  SLACK: 'Slack webhook URL',
  TELEGRAM: 'Telegram chat id',
};

let zones: string[] | null = null;
/** The time zones the browser knows, offered as suggestions (typing any other IANA name works too). */
function timeZones(): string[] {
  if (zones === null) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
  }
  return zones;
}

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
  const [values, setValues] = useState<AlertFormValues>(() =>
    alert ? fromAlert(alert) : emptyForm(props.email),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusChannel, setFocusChannel] = useState<string | null>(null);
  const [focusError, setFocusError] = useState(0);
  const [moreOpen, setMoreOpen] = useState(() => moreFiltersInUse(values) > 0);
  const formRef = useRef<HTMLFormElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  // While frequencies load (or if they failed), keep the alert's own value choosable.
  const choices = frequencies.length ? frequencies : alert ? [alert.frequencyMinutes] : [];

  const change = (patch: Partial<AlertFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const kit = fieldKit(id, errors, values, change);
  const { a11y, errorIdOf, errorText, hintText, field, set, checkbox } = kit;
  const currency = MARKETPLACES[values.marketplace]?.currency ?? 'USD';

  // Some 400 options: built once, not on every keystroke.
  const zoneList = useMemo(
    () => (
      <datalist id={`${id}-zones`}>
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    ),
    [id],
  );

  // A new channel row takes the focus, so keyboard users land in it.
  useEffect(() => {
    if (!focusChannel) return;
    document.getElementById(`${id}-${focusChannel}-type`)?.focus();
    setFocusChannel(null);
  }, [focusChannel, id]);

  function setChannel(index: number, patch: Partial<ChannelFormValues>) {
    setValues((v) => ({ ...v, channels: v.channels.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
  }

  // Channel errors are kept by position: once rows move they would point at the wrong row.
  const dropChannelErrors = () =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !isChannelKey(k as ErrorKey))));

  function addChannel() {
    const channel = newChannel(values.channels.some((c) => c.type === 'EMAIL') ? 'WEBHOOK' : 'EMAIL');
    setValues((v) => ({ ...v, channels: [...v.channels, channel] }));
    dropChannelErrors();
    setFocusChannel(channel.key);
  }

  function removeChannel(index: number) {
    setValues((v) => ({ ...v, channels: v.channels.filter((_, i) => i !== index) }));
    dropChannelErrors();
    // After the row is gone (and "Add channel" enabled again if the list was full).
    requestAnimationFrame(() => addRef.current?.focus());
  }

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

  const channelRow = (channel: ChannelFormValues, i: number) => {
    const n = i + 1;
    const base = `${id}-${channel.key}`;
    const rowKey: ErrorKey = `channels[${i}]`;
    const targetKey: ErrorKey | null = needsUrl(channel.type)
      ? `channels[${i}].url`
      : channel.type === 'TELEGRAM'
        ? `channels[${i}].chatId`
        : null;
    // A row's own error (a repeated channel) marks its target input, or the type when it has none.
    const typeKeys: ErrorKey[] = targetKey ? [`channels[${i}].type`] : [`channels[${i}].type`, rowKey];
    const hidden = <span className="visually-hidden">Channel {n} </span>;
    const targetLabel = TARGET_LABELS[channel.type];
    return (
      <li key={channel.key} className="channel">
        <div className="field channel-type">
          <label htmlFor={`${base}-type`}>{hidden}Type</label>
          <select
            {...a11y(`${base}-type`, typeKeys)}
            value={channel.type}
            onChange={(e) => setChannel(i, { type: e.target.value as ChannelType })}
          >
            {CHANNEL_TYPES.map((t) => (
              <option key={t} value={t}>
                {CHANNEL_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        {targetKey ? (
          <div className="field channel-target">
            <label htmlFor={`${base}-target`}>
              {hidden}
              {targetLabel}
            </label>
            {needsUrl(channel.type) ? (
              <input
                {...a11y(`${base}-target`, [targetKey, rowKey])}
                type="url"
                inputMode="url"
                value={channel.url}
                onChange={(e) => setChannel(i, { url: e.target.value })}
                maxLength={500}
                placeholder="https://"
              />
            ) : (
              <input
                {...a11y(`${base}-target`, [targetKey, rowKey], true)}
                value={channel.chatId}
                onChange={(e) => setChannel(i, { chatId: e.target.value })}
                maxLength={64}
              />
            )}
            {channel.type === 'TELEGRAM' && hintText(`${base}-target`, 'A chat id such as -1001234567890, or @channelname.')}
            {channel.type === 'TELEGRAM' && <TelegramLink />}
          </div>
        ) : (
          <p className="channel-target hint">To {values.email}</p>
        )}
        <div className="field check channel-enabled">
          <div className="check-row">
            <input
              id={`${base}-enabled`}
              type="checkbox"
              checked={channel.enabled}
              onChange={(e) => setChannel(i, { enabled: e.target.checked })}
            />
            <label htmlFor={`${base}-enabled`}>{hidden}Enabled</label>
          </div>
        </div>
        <button
          type="button"
          className="channel-remove"
          onClick={() => removeChannel(i)}
          disabled={values.channels.length <= 1}
          aria-label={`Remove channel ${n}`}
        >
          Remove
        </button>
        {channel.deliveryError && (
          <p className="warn channel-note">
            {channel.deliveryError} Once it is fixed, untick “Enabled”, save, tick it and save again to send
            what waits at once.
          </p>
        )}
        <div className="channel-note">
          {errorText(`channels[${i}].type`, `Channel ${n} type`)}
          {targetKey && errorText(targetKey, targetLabel)}
          {errorText(rowKey, `Channel ${n}`)}
        </div>
      </li>
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
      {!alert && <EbayLinkImport onImported={imported} onUnauthorized={props.onUnauthorized} />}
      <div className="grid">
        {field('email', 'Email', (a) => <input {...a} type="email" value={values.email} readOnly />, 'Alerts go to the address you signed in with.')}
        {field('searchPhrase', 'Search phrase', (a) => (
          <input {...a} value={values.searchPhrase} onChange={set('searchPhrase')} maxLength={200} required />
        ))}
        {field(
          'marketplace',
          'eBay site',
          (a) => (
            <select {...a} value={values.marketplace} onChange={set('marketplace')}>
              {MARKETPLACE_IDS.map((m) => (
                <option key={m} value={m}>
                  {MARKETPLACES[m].name} ({MARKETPLACES[m].currency})
                </option>
              ))}
            </select>
          ),
          'Where to search; prices are in its currency.',
        )}
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
        ), undefined, currency)}
        {field('maxPrice', 'Max price', (a) => (
          <input {...a} inputMode="decimal" value={values.maxPrice} onChange={set('maxPrice')} />
        ), undefined, currency)}
        {field('condition', 'Condition', (a) => (
          <select {...a} value={values.condition} onChange={set('condition')}>
            <option value="ANY">Any</option>
            <option value="NEW">New</option>
            <option value="USED">Used</option>
          </select>
        ))}
        {field('buyingOption', 'Buying format', (a) => (
          <select {...a} value={values.buyingOption} onChange={set('buyingOption')}>
            <option value="ANY">Any</option>
            <option value="FIXED_PRICE">Buy It Now</option>
            <option value="AUCTION">Auction</option>
            <option value="BEST_OFFER">Best Offer</option>
          </select>
        ))}
        {field(
          'excludeWords',
          'Exclude words',
          (a) => <input {...a} value={values.excludeWords} onChange={set('excludeWords')} />,
          'Separated by commas or spaces; up to 20.',
        )}
      </div>

      <CategorySuggestions kit={kit} onUnauthorized={props.onUnauthorized} />

      <MoreFilters kit={kit} open={moreOpen} onToggle={() => setMoreOpen((o) => !o)} />

      <fieldset className="section">
        <legend>Notifications</legend>
        <div className="grid">
          {checkbox('newListings', 'New listings', 'Notify when a matching listing appears.')}
          {checkbox('priceDrops', 'Price drops', 'Notify again when a listing’s price falls.')}
          {field(
            'minDropPercent',
            'Min price drop %',
            (a) => <input {...a} inputMode="decimal" value={values.minDropPercent} onChange={set('minDropPercent')} />,
            'Email a listing again when its price fell at least this much.',
          )}
          {field(
            'targetPrice',
            'Target price',
            (a) => <input {...a} inputMode="decimal" value={values.targetPrice} onChange={set('targetPrice')} />,
            'Notify when a listing costs this much or less.',
            currency,
          )}
          {field(
            'endingSoonMinutes',
            'Auctions ending within (minutes)',
            (a) => <input {...a} inputMode="numeric" value={values.endingSoonMinutes} onChange={set('endingSoonMinutes')} />,
            'Notify about auctions ending this soon; up to 10080 (a week).',
          )}
          {field(
            'quietStart',
            'Quiet hours start',
            (a) => <input {...a} type="time" value={values.quietStart} onChange={set('quietStart')} />,
            'No notices between start and end; give both or neither.',
          )}
          {field('quietEnd', 'Quiet hours end', (a) => (
            <input {...a} type="time" value={values.quietEnd} onChange={set('quietEnd')} />
          ))}
          {field(
            'timeZone',
            'Time zone',
            (a) => (
              <>
                <input
                  {...a}
                  value={values.timeZone}
                  onChange={set('timeZone')}
                  maxLength={64}
                  list={`${id}-zones`}
                  autoComplete="off"
                  spellCheck={false}
                />
                {zoneList}
              </>
            ),
            'For quiet hours and the daily count, e.g. Europe/Berlin.',
          )}
          {field(
            'maxPerDay',
            'Max notices per day',
            (a) => <input {...a} inputMode="numeric" value={values.maxPerDay} onChange={set('maxPerDay')} />,
            'Leave empty for no limit.',
          )}
        </div>
      </fieldset>

      <fieldset className="section" aria-describedby={[`${id}-channels-hint`, errors.channels ? errorIdOf('channels') : null].filter(Boolean).join(' ')}>
        <legend>Channels</legend>
        <small id={`${id}-channels-hint`} className="hint">
          Where notices go, up to {MAX_CHANNELS}. Email goes to the alert’s address.
        </small>
        {errors.channels && (
          <p id={errorIdOf('channels')} className="field-error group-error" tabIndex={-1}>
            Channels {errors.channels}
          </p>
        )}
        <ul className="channels">{values.channels.map(channelRow)}</ul>
        <button type="button" ref={addRef} onClick={addChannel} disabled={values.channels.length >= MAX_CHANNELS}>
          Add channel
        </button>
      </fieldset>

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

/**
 * A chat is linked to the address by sending the bot a one-time code from it; the bot answers with
 * the chat id to enter. Only linked chats are accepted as Telegram channels.
 */
function TelegramLink() {
  const [command, setCommand] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  async function getCode() {
    setFailed(null);
    try {
      setCommand((await api.telegramLinkCode()).command);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : 'Could not get a code.');
    }
  }
  return (
    <div className="hint telegram-link">
      <button type="button" className="link" onClick={getCode}>
        Link a chat
      </button>
      {command && (
        <p role="status">
          Send <code>{command}</code> to the bot from the chat (add the bot to a group first). It answers with the
          chat id to enter here. The code works once, for 15 minutes.
        </p>
      )}
      {failed && <p className="warn">{failed}</p>}
    </div>
  );
}
