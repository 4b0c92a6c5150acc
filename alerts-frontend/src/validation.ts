import type { AlertInput, BuyingOption, ChannelInput, ChannelType, Condition } from './api';

export const CHANNEL_TYPES: ChannelType[] = ['EMAIL', 'WEBHOOK', 'DISCORD', 'SLACK', 'TELEGRAM'];
export const MAX_CHANNELS = 10;

/** Types whose target is a web URL; TELEGRAM has a chat id, EMAIL the alert's address. */
export const needsUrl = (type: ChannelType) => type === 'WEBHOOK' || type === 'DISCORD' || type === 'SLACK';

/** One channel row of the form. key tells rows apart for React; it is never sent. */
export interface ChannelFormValues {
  key: string;
  type: ChannelType;
  url: string;
  chatId: string;
  enabled: boolean;
  deliveryError: string | null;
}

/** What the form holds: strings, as typed (checkboxes as booleans). */
export interface AlertFormValues {
  email: string;
  searchPhrase: string;
  frequencyMinutes: string;
  minPrice: string;
  maxPrice: string;
  currency: string;
  condition: Condition;
  buyingOption: BuyingOption;
  excludeWords: string;
  minDropPercent: string;
  newListings: boolean;
  priceDrops: boolean;
  targetPrice: string;
  endingSoonMinutes: string;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  maxPerDay: string;
  channels: ChannelFormValues[];
}

export type ChannelField = 'type' | 'url' | 'chatId';
export type ScalarField = Exclude<keyof AlertFormValues, 'channels'>;
/** Errors by input: a scalar field, a channel's field, a whole channel row, or the channel list. */
export type ErrorKey = ScalarField | 'channels' | `channels[${number}]` | `channels[${number}].${ChannelField}`;
export type FormErrors = Partial<Record<ErrorKey, string>>;

export const RULE_FIELDS = [
  'newListings',
  'priceDrops',
  'targetPrice',
  'endingSoonMinutes',
  'quietStart',
  'quietEnd',
  'timeZone',
  'maxPerDay',
] as const;

let channelKeys = 0;
export const newChannel = (type: ChannelType = 'EMAIL'): ChannelFormValues => ({
  key: `channel-${++channelKeys}`,
  type,
  url: '',
  chatId: '',
  enabled: true,
  deliveryError: null,
});

/** The browser's own time zone, the natural default for quiet hours. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const emptyForm = (email: string): AlertFormValues => ({
  email,
  searchPhrase: '',
  frequencyMinutes: '',
  minPrice: '',
  maxPrice: '',
  currency: 'USD',
  condition: 'ANY',
  buyingOption: 'ANY',
  excludeWords: '',
  minDropPercent: '5',
  newListings: true,
  priceDrops: true,
  targetPrice: '',
  endingSoonMinutes: '',
  quietStart: '',
  quietEnd: '',
  timeZone: browserTimeZone(),
  maxPerDay: '',
  channels: [newChannel('EMAIL')],
});

/** Exclude words are typed separated by commas or spaces; the API wants distinct lower-case words. */
export function splitWords(text: string): string[] {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

function amountError(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (value.startsWith('-')) return 'must be zero or more';
  if (!AMOUNT.test(value)) return 'must be an amount with at most 2 decimals';
  return undefined;
}

function wholeNumberError(text: string, min: number, max: number): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max)
    return `must be a whole number from ${min} to ${max}`;
  return undefined;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// As alerts-service accepts them: a numeric chat id, or @channelname.
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What tells two channels apart: the type and its url or chat id. */
function channelTarget(channel: ChannelFormValues): string {
  if (needsUrl(channel.type)) return `${channel.type} ${channel.url.trim()}`;
  if (channel.type === 'TELEGRAM') return `${channel.type} ${channel.chatId.trim()}`;
  return channel.type;
}

function validateRules(values: AlertFormValues, errors: FormErrors) {
  const target = amountError(values.targetPrice);
  if (target) errors.targetPrice = target;
  const ending = wholeNumberError(values.endingSoonMinutes, 1, 10080);
  if (ending) errors.endingSoonMinutes = `${ending} (10080 is a week)`;
  const perDay = wholeNumberError(values.maxPerDay, 1, 1000);
  if (perDay) errors.maxPerDay = perDay;

  const start = values.quietStart.trim();
  const end = values.quietEnd.trim();
  if (start !== '' && !TIME.test(start)) errors.quietStart = 'must be a time such as 22:00';
  if (end !== '' && !TIME.test(end)) errors.quietEnd = 'must be a time such as 07:00';
  if (start !== '' && end === '') errors.quietEnd = 'must be given together with the start, or both left out';
  if (start === '' && end !== '') errors.quietStart = 'must be given together with the end, or both left out';

  const zone = values.timeZone.trim();
  if (zone === '') errors.timeZone = 'must be given: an IANA time zone such as Europe/Berlin or UTC';
  else if (zone.length > 64) errors.timeZone = 'must be at most 64 characters';
  else if (!isTimeZone(zone)) errors.timeZone = 'must be an IANA time zone such as Europe/Berlin or UTC';
}

function validateChannels(channels: ChannelFormValues[], errors: FormErrors) {
  if (channels.length === 0) errors.channels = 'must hold at least one channel';
  else if (channels.length > MAX_CHANNELS) errors.channels = `must hold at most ${MAX_CHANNELS} channels`;
  const seen = new Map<string, number>();
  channels.forEach((channel, i) => {
    if (needsUrl(channel.type)) {
      const url = channel.url.trim();
      if (url === '') errors[`channels[${i}].url`] = 'must be given: the webhook URL to post notices to';
      else if (url.length > 500) errors[`channels[${i}].url`] = 'must be at most 500 characters';
      else if (!isWebUrl(url)) errors[`channels[${i}].url`] = 'must be an http(s) URL such as https://example.com/hook';
    } else if (channel.type === 'TELEGRAM') {
      const chatId = channel.chatId.trim();
      if (chatId === '') errors[`channels[${i}].chatId`] = 'must be given: the chat id or @channelname';
      else if (chatId.length > 64) errors[`channels[${i}].chatId`] = 'must be at most 64 characters';
      else if (!CHAT_ID.test(chatId))
        errors[`channels[${i}].chatId`] = 'must be a Telegram chat id such as -1001234567890 or @channelname';
    }
    const target = channelTarget(channel);
    const first = seen.get(target);
    if (first === undefined) seen.set(target, i);
    else errors[`channels[${i}]`] = `must not repeat channel ${first + 1}`;
  });
}

/** Mirrors the rules of alerts-service's AlertRequest, so most mistakes never reach the server. */
export function validate(values: AlertFormValues, frequencies: number[]): FormErrors {
  const errors: FormErrors = {};
  const phrase = values.searchPhrase.trim();
  if (phrase === '') errors.searchPhrase = 'must not be blank: give the words to search eBay for';
  else if (phrase.length > 100) errors.searchPhrase = 'must be at most 100 characters: eBay ignores longer searches';

  const email = values.email.trim();
  if (email === '') errors.email = 'must not be blank: give the address alert emails go to';
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.email = 'must be an email address such as jane@example.com';

  const frequency = Number(values.frequencyMinutes);
  if (values.frequencyMinutes.trim() === '') errors.frequencyMinutes = 'must be given: choose how often to check';
  else if (!Number.isInteger(frequency) || !frequencies.includes(frequency))
    errors.frequencyMinutes = `must be one of ${frequencies.join(', ')} minutes`;

  const minError = amountError(values.minPrice);
  const maxError = amountError(values.maxPrice);
  if (minError) errors.minPrice = minError;
  if (maxError) errors.maxPrice = maxError;
  if (!minError && !maxError && values.minPrice.trim() !== '' && values.maxPrice.trim() !== '') {
    if (Number(values.minPrice) > Number(values.maxPrice)) errors.maxPrice = 'must be greater than or equal to minPrice';
  }

  if (!/^[A-Za-z]{3}$/.test(values.currency.trim())) errors.currency = 'must be a 3-letter ISO 4217 code such as USD';

  const words = splitWords(values.excludeWords);
  if (words.length > 20) errors.excludeWords = 'must hold at most 20 words';
  else if (words.some((w) => w.length > 50)) errors.excludeWords = 'must hold words of at most 50 characters';

  const drop = values.minDropPercent.trim();
  if (drop !== '' && (!PERCENT.test(drop) || Number(drop) > 100))
    errors.minDropPercent = 'must be between 0 and 100 (percent) with at most 2 decimals';

  validateRules(values, errors);
  validateChannels(values.channels, errors);
  return errors;
}

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

export function toInput(values: AlertFormValues): AlertInput {
  return {
    email: values.email.trim(),
    searchPhrase: values.searchPhrase.trim(),
    frequencyMinutes: Number(values.frequencyMinutes),
    minPrice: optionalNumber(values.minPrice),
    maxPrice: optionalNumber(values.maxPrice),
    currency: values.currency.trim().toUpperCase(),
    condition: values.condition,
    buyingOption: values.buyingOption,
    excludeWords: splitWords(values.excludeWords),
    minDropPercent: optionalNumber(values.minDropPercent),
    rules: {
      newListings: values.newListings,
      priceDrops: values.priceDrops,
      targetPrice: optionalNumber(values.targetPrice),
      endingSoonMinutes: optionalNumber(values.endingSoonMinutes),
      quietStart: values.quietStart.trim() || null,
      quietEnd: values.quietEnd.trim() || null,
      timeZone: values.timeZone.trim(),
      maxPerDay: optionalNumber(values.maxPerDay),
    },
    channels: values.channels.map(toChannelInput),
  };
}

/** Only the target the type uses goes out: a Telegram row never sends a URL typed before switching. */
function toChannelInput(channel: ChannelFormValues): ChannelInput {
  if (needsUrl(channel.type)) return { type: channel.type, url: channel.url.trim(), enabled: channel.enabled };
  if (channel.type === 'TELEGRAM') return { type: channel.type, chatId: channel.chatId.trim(), enabled: channel.enabled };
  return { type: channel.type, enabled: channel.enabled };
}

/**
 * The input a server field error belongs to: "rules.quietEnd" to quietEnd, "channels[1].url" and
 * "channels[2]" to that channel, "excludeWords[1]" to excludeWords. null when the form has no such input.
 */
export function errorKeyOf(field: string): ErrorKey | null {
  const channel = /^channels\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (channel) {
    const [, index, name] = channel;
    if (name === 'type' || name === 'url' || name === 'chatId') return `channels[${Number(index)}].${name}`;
    return `channels[${Number(index)}]`;
  }
  if (field === 'channels') return 'channels';
  const rule = /^rules\.(\w+)/.exec(field);
  if (rule) return (RULE_FIELDS as readonly string[]).includes(rule[1]) ? (rule[1] as ScalarField) : null;
  const name = field.replace(/\[.*$/, '').replace(/\..*$/, '');
  return SCALAR_FIELDS.includes(name as ScalarField) ? (name as ScalarField) : null;
}

const SCALAR_FIELDS = Object.keys(emptyForm('')).filter((k) => k !== 'channels') as ScalarField[];
