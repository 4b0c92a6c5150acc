import { useEffect, useRef, useState } from 'react';
import { api, type ChannelType } from './api';
import type { FieldKit } from './formKit';
import { CHANNEL_TYPES, MAX_CHANNELS, needsUrl, newChannel, type ChannelFormValues, type ErrorKey } from './validation';

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

/**
 * The alert form's channels: one row per channel, "Add channel" and the list's own error. Rows
 * added or removed call onRowsMoved, as errors kept by position would then point at the wrong row.
 */
export function ChannelsSection({ kit, onRowsMoved }: { kit: FieldKit; onRowsMoved: () => void }) {
  const { id, values, change, errors, errorIdOf } = kit;
  const { channels } = values;
  const addRef = useRef<HTMLButtonElement>(null);
  const focusChannel = useRef<string | null>(null);

  // A new channel row takes the focus, so keyboard users land in it.
  useEffect(() => {
    if (!focusChannel.current) return;
    document.getElementById(`${id}-${focusChannel.current}-type`)?.focus();
    focusChannel.current = null;
  });

  function setChannel(index: number, patch: Partial<ChannelFormValues>) {
    change({ channels: channels.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  }

  function addChannel() {
    const channel = newChannel(channels.some((c) => c.type === 'EMAIL') ? 'WEBHOOK' : 'EMAIL');
    change({ channels: [...channels, channel] });
    onRowsMoved();
    focusChannel.current = channel.key;
  }

  function removeChannel(index: number) {
    change({ channels: channels.filter((_, i) => i !== index) });
    onRowsMoved();
    // After the row is gone (and "Add channel" enabled again if the list was full).
    requestAnimationFrame(() => addRef.current?.focus());
  }

  return (
    <fieldset
      className="section"
      aria-describedby={[`${id}-channels-hint`, errors.channels ? errorIdOf('channels') : null]
        .filter(Boolean)
        .join(' ')}
    >
      <legend>Channels</legend>
      <small id={`${id}-channels-hint`} className="hint">
        Where notices go, up to {MAX_CHANNELS}. Email goes to the alert’s address.
      </small>
      {errors.channels && (
        <p id={errorIdOf('channels')} className="field-error group-error" tabIndex={-1}>
          Channels {errors.channels}
        </p>
      )}
      <ul className="channels">
        {channels.map((channel, i) => (
          <ChannelRow
            key={channel.key}
            kit={kit}
            channel={channel}
            index={i}
            removable={channels.length > 1}
            onChange={(patch) => setChannel(i, patch)}
            onRemove={() => removeChannel(i)}
          />
        ))}
      </ul>
      <button type="button" ref={addRef} onClick={addChannel} disabled={channels.length >= MAX_CHANNELS}>
        Add channel
      </button>
    </fieldset>
  );
}

/** One channel: its type, its target (URL or chat id; the alert's address for email), enabled, remove. */
function ChannelRow({
  kit,
  channel,
  index: i,
  removable,
  onChange,
  onRemove,
}: {
  kit: FieldKit;
  channel: ChannelFormValues;
  index: number;
  removable: boolean;
  onChange: (patch: Partial<ChannelFormValues>) => void;
  onRemove: () => void;
}) {
  const { id, values, a11y, errorText, hintText } = kit;
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
    <li className="channel">
      <div className="field channel-type">
        <label htmlFor={`${base}-type`}>{hidden}Type</label>
        <select
          {...a11y(`${base}-type`, typeKeys)}
          value={channel.type}
          onChange={(e) => onChange({ type: e.target.value as ChannelType })}
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
              onChange={(e) => onChange({ url: e.target.value })}
              maxLength={500}
              placeholder="https://"
            />
          ) : (
            <input
              {...a11y(`${base}-target`, [targetKey, rowKey], true)}
              value={channel.chatId}
              onChange={(e) => onChange({ chatId: e.target.value })}
              maxLength={64}
            />
          )}
          {channel.type === 'TELEGRAM' &&
            hintText(`${base}-target`, 'A chat id such as -1001234567890, or @channelname.')}
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
            onChange={(e) => onChange({ enabled: e.target.checked })}
          />
          <label htmlFor={`${base}-enabled`}>{hidden}Enabled</label>
        </div>
      </div>
      <button
        type="button"
        className="channel-remove"
        onClick={onRemove}
        disabled={!removable}
        aria-label={`Remove channel ${n}`}
      >
        Remove
      </button>
      {channel.deliveryError && (
        <p className="warn channel-note">
          {channel.deliveryError} Once it is fixed, untick “Enabled”, save, tick it and save again to send what waits at
          once.
        </p>
      )}
      <div className="channel-note">
        {errorText(`channels[${i}].type`, `Channel ${n} type`)}
        {targetKey && errorText(targetKey, targetLabel)}
        {errorText(rowKey, `Channel ${n}`)}
      </div>
    </li>
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
          Send <code>{command}</code> to the bot from the chat (add the bot to a group first). It answers with the chat
          id to enter here. The code works once, for 15 minutes.
        </p>
      )}
      {failed && <p className="warn">{failed}</p>}
    </div>
  );
}
