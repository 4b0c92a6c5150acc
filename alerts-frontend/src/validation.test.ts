import { describe, expect, it } from 'vitest';
import { emptyForm, splitWords, toInput, validate } from './validation';

const valid = { ...emptyForm('jane@example.com'), searchPhrase: 'switch', frequencyMinutes: '10' };
const frequencies = [2, 10, 30];

describe('validate', () => {
  it('accepts a valid alert', () => {
    expect(validate(valid, frequencies)).toEqual({});
  });

  it('rejects a blank or too long search phrase', () => {
    expect(validate({ ...valid, searchPhrase: '   ' }, frequencies).searchPhrase).toMatch(/must not be blank/);
    expect(validate({ ...valid, searchPhrase: 'x'.repeat(101) }, frequencies).searchPhrase).toMatch(/at most 100/);
    expect(validate({ ...valid, searchPhrase: ` ${'x'.repeat(100)} ` }, frequencies).searchPhrase).toBeUndefined();
  });

  it('rejects a frequency outside the allowed set', () => {
    expect(validate({ ...valid, frequencyMinutes: '' }, frequencies).frequencyMinutes).toMatch(/must be given/);
    expect(validate({ ...valid, frequencyMinutes: '7' }, frequencies).frequencyMinutes).toMatch(/one of 2, 10, 30/);
  });

  it('checks prices: non-negative, two decimals, min not above max', () => {
    expect(validate({ ...valid, minPrice: '-1' }, frequencies).minPrice).toMatch(/zero or more/);
    expect(validate({ ...valid, maxPrice: '1.234' }, frequencies).maxPrice).toMatch(/2 decimals/);
    expect(validate({ ...valid, minPrice: '300', maxPrice: '100' }, frequencies).maxPrice).toMatch(/greater than or equal to minPrice/);
    expect(validate({ ...valid, minPrice: '100', maxPrice: '100' }, frequencies)).toEqual({});
  });

  it('checks currency, exclude words and drop percent', () => {
    expect(validate({ ...valid, currency: 'US' }, frequencies).currency).toMatch(/ISO 4217/);
    expect(validate({ ...valid, excludeWords: Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ') }, frequencies).excludeWords).toMatch(/at most 20/);
    expect(validate({ ...valid, minDropPercent: '101' }, frequencies).minDropPercent).toMatch(/between 0 and 100/);
  });
});

describe('toInput', () => {
  it('splits exclude words on commas and spaces and converts numbers', () => {
    expect(splitWords('Broken, parts  box,,Broken')).toEqual(['broken', 'parts', 'box']);
    const input = toInput({ ...valid, searchPhrase: ' switch ', minPrice: '10.5', maxPrice: '', currency: 'eur' });
    expect(input).toMatchObject({ searchPhrase: 'switch', frequencyMinutes: 10, minPrice: 10.5, maxPrice: null, currency: 'EUR' });
  });
});
