import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  errorKeyOf,
  moreFiltersInUse,
  newChannel,
  splitNames,
  splitWords,
  toInput,
  validate,
  withSearchLink,
} from './validation';

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
    expect(validate({ ...valid, minPrice: '300', maxPrice: '100' }, frequencies).maxPrice).toMatch(
      /greater than or equal to minPrice/,
    );
    expect(validate({ ...valid, minPrice: '100', maxPrice: '100' }, frequencies)).toEqual({});
  });

  it('checks marketplace, exclude words and drop percent', () => {
    expect(validate({ ...valid, marketplace: 'EBAY_XX' as never }, frequencies).marketplace).toMatch(
      /one of the eBay sites/,
    );
    expect(
      validate({ ...valid, excludeWords: Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ') }, frequencies)
        .excludeWords,
    ).toMatch(/at most 20/);
    expect(validate({ ...valid, minDropPercent: '101' }, frequencies).minDropPercent).toMatch(/between 0 and 100/);
  });
});

describe('validate notification rules', () => {
  it('accepts empty optional rules and checks the filled ones', () => {
    expect(
      validate({ ...valid, targetPrice: '199.99', endingSoonMinutes: '10080', maxPerDay: '1000' }, frequencies),
    ).toEqual({});
    expect(validate({ ...valid, targetPrice: '-5' }, frequencies).targetPrice).toMatch(/zero or more/);
    expect(validate({ ...valid, targetPrice: '1.234' }, frequencies).targetPrice).toMatch(/2 decimals/);
    expect(validate({ ...valid, endingSoonMinutes: '0' }, frequencies).endingSoonMinutes).toMatch(/from 1 to 10080/);
    expect(validate({ ...valid, endingSoonMinutes: '10081' }, frequencies).endingSoonMinutes).toMatch(
      /from 1 to 10080/,
    );
    expect(validate({ ...valid, endingSoonMinutes: '1.5' }, frequencies).endingSoonMinutes).toMatch(/whole number/);
    expect(validate({ ...valid, maxPerDay: '1001' }, frequencies).maxPerDay).toMatch(/from 1 to 1000/);
  });

  it('wants quiet hours with both ends or none', () => {
    expect(validate({ ...valid, quietStart: '22:00', quietEnd: '07:00' }, frequencies)).toEqual({});
    expect(validate({ ...valid, quietStart: '22:00' }, frequencies).quietEnd).toMatch(/together with the start/);
    expect(validate({ ...valid, quietEnd: '07:00' }, frequencies).quietStart).toMatch(/together with the end/);
    expect(validate({ ...valid, quietStart: '25:00', quietEnd: '07:00' }, frequencies).quietStart).toMatch(
      /a time such as/,
    );
  });

  it('wants a known IANA time zone of at most 64 characters', () => {
    expect(validate({ ...valid, timeZone: 'Europe/Berlin' }, frequencies).timeZone).toBeUndefined();
    expect(validate({ ...valid, timeZone: 'UTC' }, frequencies).timeZone).toBeUndefined();
    expect(validate({ ...valid, timeZone: ' ' }, frequencies).timeZone).toMatch(/must be given/);
    expect(validate({ ...valid, timeZone: 'Mars/Olympus' }, frequencies).timeZone).toMatch(/IANA time zone/);
    expect(validate({ ...valid, timeZone: `Europe/${'x'.repeat(60)}` }, frequencies).timeZone).toMatch(/at most 64/);
  });
});

describe('validate channels', () => {
  const withChannels = (...channels: ReturnType<typeof newChannel>[]) => ({ ...valid, channels });
  const channel = (type: Parameters<typeof newChannel>[0], target: Partial<ReturnType<typeof newChannel>> = {}) => ({
    ...newChannel(type),
    ...target,
  });

  it('wants an http(s) URL for webhook, Discord and Slack channels', () => {
    const errors = validate(
      withChannels(
        channel('EMAIL'),
        channel('WEBHOOK', { url: 'ftp://example.com/hook' }),
        channel('DISCORD'),
        channel('SLACK', { url: `https://example.com/${'x'.repeat(500)}` }),
        channel('WEBHOOK', { url: 'https://example.com/hook' }),
      ),
      frequencies,
    );
    expect(errors['channels[1].url']).toMatch(/http\(s\) URL/);
    expect(errors['channels[2].url']).toMatch(/must be given/);
    expect(errors['channels[3].url']).toMatch(/at most 500/);
    expect(errors['channels[4].url']).toBeUndefined();
  });

  it('wants a chat id for Telegram, and only then', () => {
    const errors = validate(
      withChannels(
        channel('TELEGRAM'),
        channel('TELEGRAM', { chatId: 'not an id' }),
        channel('TELEGRAM', { chatId: '-1001234567890' }),
        channel('TELEGRAM', { chatId: '@ebay_deals' }),
        channel('EMAIL', { chatId: 'ignored', url: 'ignored' }),
      ),
      frequencies,
    );
    expect(errors['channels[0].chatId']).toMatch(/must be given/);
    expect(errors['channels[1].chatId']).toMatch(/-1001234567890 or @channelname/);
    expect(Object.keys(errors)).toEqual(['channels[0].chatId', 'channels[1].chatId']);
  });

  it('rejects a channel repeating another of the same type and target', () => {
    const errors = validate(
      withChannels(
        channel('EMAIL'),
        channel('WEBHOOK', { url: 'https://example.com/a' }),
        channel('WEBHOOK', { url: ' https://example.com/a ' }),
        channel('SLACK', { url: 'https://example.com/a' }),
        channel('EMAIL'),
      ),
      frequencies,
    );
    expect(errors['channels[2]']).toBe('must not repeat channel 2');
    expect(errors['channels[3]']).toBeUndefined();
    expect(errors['channels[4]']).toBe('must not repeat channel 1');
  });

  it('wants between 1 and 10 channels', () => {
    expect(validate(withChannels(), frequencies).channels).toMatch(/at least one/);
    const eleven = Array.from({ length: 11 }, (_, i) => channel('WEBHOOK', { url: `https://example.com/${i}` }));
    expect(validate(withChannels(...eleven), frequencies).channels).toMatch(/at most 10/);
    expect(validate(withChannels(...eleven.slice(1)), frequencies).channels).toBeUndefined();
  });
});

describe('errorKeyOf', () => {
  it('puts server field errors on the input showing that field', () => {
    expect(errorKeyOf('searchPhrase')).toBe('searchPhrase');
    expect(errorKeyOf('excludeWords[1]')).toBe('excludeWords');
    expect(errorKeyOf('rules.targetPrice')).toBe('targetPrice');
    expect(errorKeyOf('rules.quietEnd')).toBe('quietEnd');
    expect(errorKeyOf('channels[0].url')).toBe('channels[0].url');
    expect(errorKeyOf('channels[1].chatId')).toBe('channels[1].chatId');
    expect(errorKeyOf('channels[3].enabled')).toBe('channels[3]');
    expect(errorKeyOf('channels[2]')).toBe('channels[2]');
    expect(errorKeyOf('channels')).toBe('channels');
    expect(errorKeyOf('rules.somethingNew')).toBeNull();
    expect(errorKeyOf('version')).toBeNull();
  });
});

describe('toInput', () => {
  it('sends the rules, empty ones as null, and each channel with only the target its type uses', () => {
    const input = toInput({
      ...valid,
      newListings: false,
      targetPrice: '199.5',
      endingSoonMinutes: ' 60 ',
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: ' Europe/Berlin ',
      channels: [
        { ...newChannel('EMAIL'), url: 'left over' },
        { ...newChannel('WEBHOOK'), url: ' https://example.com/hook ', chatId: 'left over', enabled: false },
        { ...newChannel('TELEGRAM'), chatId: '@ebay_deals', url: 'https://left.over' },
      ],
    });
    expect(input.rules).toEqual({
      newListings: false,
      priceDrops: true,
      targetPrice: 199.5,
      endingSoonMinutes: 60,
      quietStart: '22:00',
      quietEnd: '07:00',
      timeZone: 'Europe/Berlin',
      maxPerDay: null,
    });
    expect(input.channels).toEqual([
      { type: 'EMAIL', enabled: true },
      { type: 'WEBHOOK', url: 'https://example.com/hook', enabled: false },
      { type: 'TELEGRAM', chatId: '@ebay_deals', enabled: true },
    ]);
    expect(toInput(valid).rules).toMatchObject({ quietStart: null, quietEnd: null, targetPrice: null });
  });

  it('splits exclude words on commas and spaces and converts numbers', () => {
    expect(splitWords('Broken, parts  box,,Broken')).toEqual(['broken', 'parts', 'box']);
    const input = toInput({
      ...valid,
      searchPhrase: ' switch ',
      minPrice: '10.5',
      maxPrice: '',
      marketplace: 'EBAY_DE',
    });
    expect(input).toMatchObject({
      searchPhrase: 'switch',
      frequencyMinutes: 10,
      minPrice: 10.5,
      maxPrice: null,
      currency: 'EUR',
      marketplace: 'EBAY_DE',
    });
  });
});

describe('validate search filters', () => {
  it('accepts the filters within the server’s limits', () => {
    expect(
      validate(
        {
          ...valid,
          shipToCountry: 'de',
          shipToPostalCode: 'SW1A 1AA',
          itemLocationCountry: 'JP',
          sellers: Array.from({ length: 20 }, (_, i) => `s${i}`).join(' '),
          excludedSellers: Array.from({ length: 50 }, (_, i) => `x${i}`).join(','),
          minSellerFeedbackScore: '0',
          minSellerFeedbackPercent: '100',
          minBids: '3',
          maxBids: '3',
          categoryIds: Array.from({ length: 10 }, (_, i) => String(1000 + i)),
          excludedCategoryIds: Array.from({ length: 20 }, (_, i) => String(2000 + i)),
        },
        frequencies,
      ),
    ).toEqual({});
  });

  it('wants a postal code only with a ships-to country, and 2-letter countries', () => {
    expect(validate({ ...valid, shipToPostalCode: '10115' }, frequencies).shipToPostalCode).toMatch(
      /needs a ships-to country/,
    );
    expect(
      validate({ ...valid, shipToCountry: 'DE', shipToPostalCode: '10115!' }, frequencies).shipToPostalCode,
    ).toMatch(/postal code of 2 to 11/);
    expect(validate({ ...valid, shipToCountry: 'DEU' }, frequencies).shipToCountry).toMatch(/2-letter ISO 3166/);
    expect(validate({ ...valid, itemLocationCountry: 'D' }, frequencies).itemLocationCountry).toMatch(
      /2-letter ISO 3166/,
    );
  });

  it('checks seller lists, feedback and the bid range', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `seller${i}`).join(' ');
    expect(validate({ ...valid, sellers: many(21) }, frequencies).sellers).toMatch(/at most 20 sellers/);
    expect(validate({ ...valid, excludedSellers: many(51) }, frequencies).excludedSellers).toMatch(
      /at most 50 sellers/,
    );
    expect(validate({ ...valid, sellers: 'x'.repeat(65) }, frequencies).sellers).toMatch(/at most 64 characters/);
    expect(validate({ ...valid, minSellerFeedbackScore: '-1' }, frequencies).minSellerFeedbackScore).toMatch(
      /whole number of 0 or more/,
    );
    expect(validate({ ...valid, minSellerFeedbackScore: '1.5' }, frequencies).minSellerFeedbackScore).toMatch(
      /whole number/,
    );
    expect(validate({ ...valid, minSellerFeedbackPercent: '100.5' }, frequencies).minSellerFeedbackPercent).toMatch(
      /between 0 and 100/,
    );
    expect(validate({ ...valid, minBids: '-2' }, frequencies).minBids).toMatch(/0 or more/);
    expect(validate({ ...valid, minBids: '5', maxBids: '2' }, frequencies).maxBids).toMatch(
      /greater than or equal to Min bids/,
    );
  });

  it('checks the category lists', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    expect(validate({ ...valid, categoryIds: ids(11) }, frequencies).categoryIds).toMatch(/at most 10 categories/);
    expect(validate({ ...valid, excludedCategoryIds: ids(21) }, frequencies).excludedCategoryIds).toMatch(
      /at most 20 categories/,
    );
    expect(validate({ ...valid, categoryIds: ['phones'] }, frequencies).categoryIds).toMatch(
      /numeric eBay category ids/,
    );
  });

  it('sends the filters trimmed, countries in capitals, sellers once each', () => {
    expect(splitNames('Ann, bob  ANN,,Bob carl')).toEqual(['Ann', 'bob', 'carl']);
    expect(
      toInput({
        ...valid,
        shipToCountry: 'de',
        shipToPostalCode: ' 10115 ',
        itemLocationCountry: ' ',
        minBids: '',
        maxBids: '7',
      }),
    ).toMatchObject({
      shipToCountry: 'DE',
      shipToPostalCode: '10115',
      itemLocationCountry: null,
      minBids: null,
      maxBids: 7,
    });
  });

  it('counts the “More filters” in use', () => {
    expect(moreFiltersInUse(valid)).toBe(0);
    expect(moreFiltersInUse({ ...valid, priceBasis: 'TOTAL', freeShippingOnly: true, sellers: ' ' })).toBe(2);
  });

  it('maps server errors of the filters to their inputs, the currency to the marketplace', () => {
    expect(errorKeyOf('currency')).toBe('marketplace');
    expect(errorKeyOf('sellers[3]')).toBe('sellers');
    expect(errorKeyOf('categoryIds[0]')).toBe('categoryIds');
    expect(errorKeyOf('shipToPostalCode')).toBe('shipToPostalCode');
  });

  it('fills the form from a search link, keeping what the link does not say', () => {
    const form = {
      ...valid,
      frequencyMinutes: '30',
      minPrice: '5',
      shipToCountry: 'DE',
      excludedCategoryIds: ['1', '2'],
    };
    const filled = withSearchLink(form, {
      searchPhrase: 'iphone 13',
      marketplace: 'EBAY_GB',
      currency: 'GBP',
      minPrice: null,
      maxPrice: 400,
      condition: 'USED',
      buyingOption: 'AUCTION',
      freeShippingOnly: true,
      returnsAccepted: false,
      itemLocationCountry: 'GB',
      categoryIds: ['2'],
      excludeWords: ['cracked'],
      sellers: ['phone_shop'],
    });
    expect(filled).toMatchObject({
      frequencyMinutes: '30',
      shipToCountry: 'DE',
      searchPhrase: 'iphone 13',
      marketplace: 'EBAY_GB',
      minPrice: '',
      maxPrice: '400',
      condition: 'USED',
      buyingOption: 'AUCTION',
      freeShippingOnly: true,
      itemLocationCountry: 'GB',
      categoryIds: ['2'],
      excludedCategoryIds: ['1'],
      excludeWords: 'cracked',
      sellers: 'phone_shop',
    });
  });
});
