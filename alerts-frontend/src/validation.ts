import type { AlertInput, BuyingOption, Condition } from './api';

/** What the form holds: strings, as typed. */
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
}

export type FormErrors = Partial<Record<keyof AlertFormValues, string>>;

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
  };
}
