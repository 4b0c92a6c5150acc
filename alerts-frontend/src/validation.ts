import type {
  Alert,
  AlertInput,
  BuyingOption,
  ChannelInput,
  ChannelType,
  Condition,
  Marketplace,
  PriceBasis,
  SearchLinkAlert,
} from './api';
import { isMarketplace, MARKETPLACE_IDS, MARKETPLACES, marketplaceOfCurrency } from './marketplaces';

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
  /** The alert's currency is the marketplace's: it is sent, never typed. */
  marketplace: Marketplace;
  condition: Condition;
  buyingOption: BuyingOption;
  excludeWords: string;
  minDropPercent: string;
  // More filters: where it ships, who sells it, how many bids.
  priceBasis: PriceBasis;
  shipToCountry: string;
  shipToPostalCode: string;
  freeShippingOnly: boolean;
  returnsAccepted: boolean;
  itemLocationCountry: string;
  sellers: string;
  excludedSellers: string;
  minSellerFeedbackScore: string;
  minSellerFeedbackPercent: string;
  minBids: string;
  maxBids: string;
  // Chosen from the category suggestions (or read from a link): lists, not typed text.
  categoryIds: string[];
  excludedCategoryIds: string[];
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
/** The fields the form shows as text inputs or selects (not checkboxes, not lists). */
export type TextField = { [K in ScalarField]: AlertFormValues[K] extends string ? K : never }[ScalarField];
export type CheckField = { [K in ScalarField]: AlertFormValues[K] extends boolean ? K : never }[ScalarField];
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

/** The fields of the collapsible "More filters" section: it opens when one of them has an error. */
export const MORE_FILTER_FIELDS = [
  'priceBasis',
  'shipToCountry',
  'shipToPostalCode',
  'freeShippingOnly',
  'returnsAccepted',
  'itemLocationCountry',
  'sellers',
  'excludedSellers',
  'minSellerFeedbackScore',
  'minSellerFeedbackPercent',
  'minBids',
  'maxBids',
] as const satisfies readonly ScalarField[];

export const MAX_CATEGORIES = 10;
export const MAX_EXCLUDED_CATEGORIES = 20;
export const MAX_SELLERS = 20;
export const MAX_EXCLUDED_SELLERS = 50;

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

const NO_MORE_FILTERS = {
  priceBasis: 'ITEM',
  shipToCountry: '',
  shipToPostalCode: '',
  freeShippingOnly: false,
  returnsAccepted: false,
  itemLocationCountry: '',
  sellers: '',
  excludedSellers: '',
  minSellerFeedbackScore: '',
  minSellerFeedbackPercent: '',
  minBids: '',
  maxBids: '',
} as const satisfies Pick<AlertFormValues, (typeof MORE_FILTER_FIELDS)[number]>;

/** How many of the "More filters" are set to something other than their default. */
export const moreFiltersInUse = (values: AlertFormValues): number =>
  MORE_FILTER_FIELDS.filter((f) => {
    const value = values[f];
    return (typeof value === 'string' ? value.trim() : value) !== NO_MORE_FILTERS[f];
  }).length;

export const emptyForm = (email: string): AlertFormValues => ({
  email,
  searchPhrase: '',
  frequencyMinutes: '',
  minPrice: '',
  maxPrice: '',
  marketplace: 'EBAY_US',
  condition: 'ANY',
  buyingOption: 'ANY',
  excludeWords: '',
  minDropPercent: '5',
  ...NO_MORE_FILTERS,
  categoryIds: [],
  excludedCategoryIds: [],
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

/** Seller names are typed like exclude words; eBay user ids have no spaces or commas and ignore case. */
export function splitNames(text: string): string[] {
  const names = new Map<string, string>();
  for (const name of text.split(/[\s,]+/)) {
    if (name !== '' && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()];
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The form of a stored alert; fields an older service does not answer get the defaults. */
export function fromAlert(alert: Alert): AlertFormValues {
  const rules = alert.rules;
  return {
    email: alert.email,
    searchPhrase: alert.searchPhrase,
    frequencyMinutes: String(alert.frequencyMinutes),
    minPrice: text(alert.minPrice),
    maxPrice: text(alert.maxPrice),
    marketplace: isMarketplace(alert.marketplace) ? alert.marketplace : marketplaceOfCurrency(alert.currency),
    condition: alert.condition ?? 'ANY',
    buyingOption: alert.buyingOption ?? 'ANY',
    excludeWords: (alert.excludeWords ?? []).join(', '),
    minDropPercent: text(alert.minDropPercent),
    priceBasis: alert.priceBasis ?? 'ITEM',
    shipToCountry: alert.shipToCountry ?? '',
    shipToPostalCode: alert.shipToPostalCode ?? '',
    freeShippingOnly: alert.freeShippingOnly ?? false,
    returnsAccepted: alert.returnsAccepted ?? false,
    itemLocationCountry: alert.itemLocationCountry ?? '',
    sellers: (alert.sellers ?? []).join(', '),
    excludedSellers: (alert.excludedSellers ?? []).join(', '),
    minSellerFeedbackScore: text(alert.minSellerFeedbackScore),
    minSellerFeedbackPercent: text(alert.minSellerFeedbackPercent),
    minBids: text(alert.minBids),
    maxBids: text(alert.maxBids),
    categoryIds: alert.categoryIds ?? [],
    excludedCategoryIds: alert.excludedCategoryIds ?? [],
    newListings: rules?.newListings ?? true,
    priceDrops: rules?.priceDrops ?? true,
    targetPrice: text(rules?.targetPrice),
    endingSoonMinutes: text(rules?.endingSoonMinutes),
    // <input type="time"> wants HH:mm; a server answering HH:mm:ss still fits.
    quietStart: rules?.quietStart?.slice(0, 5) ?? '',
    quietEnd: rules?.quietEnd?.slice(0, 5) ?? '',
    timeZone: rules?.timeZone ?? 'UTC',
    maxPerDay: text(rules?.maxPerDay),
    channels: alert.channels?.length
      ? alert.channels.map((c) => ({
          key: c.id,
          type: c.type,
          url: c.url ?? '',
          chatId: c.chatId ?? '',
          enabled: c.enabled,
          deliveryError: c.deliveryError,
        }))
      : [newChannel('EMAIL')],
  };
}

/**
 * The form with everything a pasted link says (and nothing it does not say: no price in the link
 * clears the price). Email, frequency, notifications, channels and the other filters stay.
 */
export function withSearchLink(values: AlertFormValues, link: SearchLinkAlert): AlertFormValues {
  return {
    ...values,
    searchPhrase: link.searchPhrase ?? '',
    marketplace: isMarketplace(link.marketplace) ? link.marketplace : marketplaceOfCurrency(link.currency),
    minPrice: text(link.minPrice),
    maxPrice: text(link.maxPrice),
    condition: link.condition ?? 'ANY',
    buyingOption: link.buyingOption ?? 'ANY',
    freeShippingOnly: link.freeShippingOnly ?? false,
    returnsAccepted: link.returnsAccepted ?? false,
    itemLocationCountry: link.itemLocationCountry ?? '',
    categoryIds: link.categoryIds ?? [],
    excludedCategoryIds: values.excludedCategoryIds.filter((id) => !(link.categoryIds ?? []).includes(id)),
    excludeWords: (link.excludeWords ?? []).join(', '),
    sellers: (link.sellers ?? []).join(', '),
  };
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
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    errors.email = 'must be an email address such as jane@example.com';

  const frequency = Number(values.frequencyMinutes);
  if (values.frequencyMinutes.trim() === '') errors.frequencyMinutes = 'must be given: choose how often to check';
  else if (!Number.isInteger(frequency) || !frequencies.includes(frequency))
    errors.frequencyMinutes = `must be one of ${frequencies.join(', ')} minutes`;

  const minError = amountError(values.minPrice);
  const maxError = amountError(values.maxPrice);
  if (minError) errors.minPrice = minError;
  if (maxError) errors.maxPrice = maxError;
  if (!minError && !maxError && values.minPrice.trim() !== '' && values.maxPrice.trim() !== '') {
    if (Number(values.minPrice) > Number(values.maxPrice))
      errors.maxPrice = 'must be greater than or equal to minPrice';
  }

  if (!isMarketplace(values.marketplace))
    errors.marketplace = `must be one of the eBay sites ${MARKETPLACE_IDS.join(', ')}`;

  const words = splitWords(values.excludeWords);
  if (words.length > 20) errors.excludeWords = 'must hold at most 20 words';
  else if (words.some((w) => w.length > 50)) errors.excludeWords = 'must hold words of at most 50 characters';

  const drop = values.minDropPercent.trim();
  if (drop !== '' && (!PERCENT.test(drop) || Number(drop) > 100))
    errors.minDropPercent = 'must be between 0 and 100 (percent) with at most 2 decimals';

  validateMoreFilters(values, errors);
  validateCategories(values, errors);
  validateRules(values, errors);
  validateChannels(values.channels, errors);
  return errors;
}

const COUNTRY = /^[A-Za-z]{2}$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,10}$/;

function sellersError(text: string, max: number): string | undefined {
  const names = splitNames(text);
  if (names.length > max) return `must hold at most ${max} sellers`;
  if (names.some((n) => n.length > 64)) return 'must hold eBay user ids of at most 64 characters';
  return undefined;
}

function validateMoreFilters(values: AlertFormValues, errors: FormErrors) {
  const country = values.shipToCountry.trim();
  const postalCode = values.shipToPostalCode.trim();
  if (country !== '' && !COUNTRY.test(country))
    errors.shipToCountry = 'must be a 2-letter ISO 3166 country code such as DE';
  if (postalCode !== '' && country === '')
    errors.shipToPostalCode = 'needs a ships-to country: a postal code is only used together with one';
  else if (postalCode !== '' && !POSTAL_CODE.test(postalCode))
    errors.shipToPostalCode =
      'must be a postal code of 2 to 11 letters, digits, spaces or dashes, as the server checks';
  const location = values.itemLocationCountry.trim();
  if (location !== '' && !COUNTRY.test(location))
    errors.itemLocationCountry = 'must be a 2-letter ISO 3166 country code such as DE';

  const sellers = sellersError(values.sellers, MAX_SELLERS);
  if (sellers) errors.sellers = sellers;
  const excluded = sellersError(values.excludedSellers, MAX_EXCLUDED_SELLERS);
  if (excluded) errors.excludedSellers = excluded;

  const score = wholeNumberError(values.minSellerFeedbackScore, 0, 999_999_999);
  if (score) errors.minSellerFeedbackScore = 'must be a whole number of 0 or more';
  const percent = values.minSellerFeedbackPercent.trim();
  if (percent !== '' && (!PERCENT.test(percent) || Number(percent) > 100))
    errors.minSellerFeedbackPercent = 'must be between 0 and 100 (percent) with at most 2 decimals';

  const minBids = wholeNumberError(values.minBids, 0, 999_999_999);
  const maxBids = wholeNumberError(values.maxBids, 0, 999_999_999);
  if (minBids) errors.minBids = 'must be a whole number of 0 or more';
  if (maxBids) errors.maxBids = 'must be a whole number of 0 or more';
  if (!minBids && !maxBids && values.minBids.trim() !== '' && values.maxBids.trim() !== '') {
    if (Number(values.minBids) > Number(values.maxBids)) errors.maxBids = 'must be greater than or equal to Min bids';
  }
}

const CATEGORY_ID = /^\d{1,10}$/;

function validateCategories(values: AlertFormValues, errors: FormErrors) {
  const { categoryIds, excludedCategoryIds } = values;
  if (categoryIds.length > MAX_CATEGORIES) errors.categoryIds = `must hold at most ${MAX_CATEGORIES} categories`;
  else if (!categoryIds.every((c) => CATEGORY_ID.test(c))) errors.categoryIds = 'must hold numeric eBay category ids';
  if (excludedCategoryIds.length > MAX_EXCLUDED_CATEGORIES)
    errors.excludedCategoryIds = `must hold at most ${MAX_EXCLUDED_CATEGORIES} categories`;
  else if (!excludedCategoryIds.every((c) => CATEGORY_ID.test(c)))
    errors.excludedCategoryIds = 'must hold numeric eBay category ids';
}

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
const optionalCode = (text: string): string | null => text.trim().toUpperCase() || null;

export function toInput(values: AlertFormValues): AlertInput {
  return {
    email: values.email.trim(),
    searchPhrase: values.searchPhrase.trim(),
    frequencyMinutes: Number(values.frequencyMinutes),
    minPrice: optionalNumber(values.minPrice),
    maxPrice: optionalNumber(values.maxPrice),
    currency: MARKETPLACES[values.marketplace].currency,
    condition: values.condition,
    buyingOption: values.buyingOption,
    excludeWords: splitWords(values.excludeWords),
    minDropPercent: optionalNumber(values.minDropPercent),
    marketplace: values.marketplace,
    priceBasis: values.priceBasis,
    shipToCountry: optionalCode(values.shipToCountry),
    shipToPostalCode: values.shipToPostalCode.trim() || null,
    freeShippingOnly: values.freeShippingOnly,
    returnsAccepted: values.returnsAccepted,
    itemLocationCountry: optionalCode(values.itemLocationCountry),
    categoryIds: values.categoryIds,
    excludedCategoryIds: values.excludedCategoryIds,
    sellers: splitNames(values.sellers),
    excludedSellers: splitNames(values.excludedSellers),
    minSellerFeedbackScore: optionalNumber(values.minSellerFeedbackScore),
    minSellerFeedbackPercent: optionalNumber(values.minSellerFeedbackPercent),
    minBids: optionalNumber(values.minBids),
    maxBids: optionalNumber(values.maxBids),
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
  if (channel.type === 'TELEGRAM')
    return { type: channel.type, chatId: channel.chatId.trim(), enabled: channel.enabled };
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
  // The currency follows the marketplace: a currency the server refuses is the marketplace's problem.
  if (field === 'currency') return 'marketplace';
  const rule = /^rules\.(\w+)/.exec(field);
  if (rule) return (RULE_FIELDS as readonly string[]).includes(rule[1]) ? (rule[1] as ScalarField) : null;
  const name = field.replace(/\[.*$/, '').replace(/\..*$/, '');
  return SCALAR_FIELDS.includes(name as ScalarField) ? (name as ScalarField) : null;
}

const SCALAR_FIELDS = Object.keys(emptyForm('')).filter((k) => k !== 'channels') as ScalarField[];
