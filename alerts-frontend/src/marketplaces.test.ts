import { describe, expect, it } from 'vitest';
import {
  countryName,
  countryOptions,
  ebayUrl,
  marketplaceName,
  marketplaceOfCurrency,
  MARKETPLACES,
} from './marketplaces';

describe('marketplaces', () => {
  it('knows each site’s currency, as ebay-client does', () => {
    expect(Object.fromEntries(Object.entries(MARKETPLACES).map(([m, v]) => [m, v.currency]))).toEqual({
      EBAY_US: 'USD',
      EBAY_GB: 'GBP',
      EBAY_DE: 'EUR',
      EBAY_FR: 'EUR',
      EBAY_IT: 'EUR',
      EBAY_ES: 'EUR',
      EBAY_CA: 'CAD',
      EBAY_AU: 'AUD',
    });
    expect(marketplaceName('EBAY_DE')).toBe('eBay Germany');
    expect(marketplaceName(undefined)).toBe('eBay US');
    expect(marketplaceOfCurrency('GBP')).toBe('EBAY_GB');
    expect(marketplaceOfCurrency('CHF')).toBe('EBAY_US');
  });

  it('makes a link only of an https address on an eBay site', () => {
    expect(ebayUrl('https://www.ebay.de/sch/i.html?_nkw=switch')).toBe('https://www.ebay.de/sch/i.html?_nkw=switch');
    expect(ebayUrl('https://WWW.EBAY.co.uk/sch/i.html?_nkw=a')).toBe('https://www.ebay.co.uk/sch/i.html?_nkw=a');
    expect(ebayUrl('https://ebay.com.au/sch/i.html')).toBe('https://ebay.com.au/sch/i.html');
    for (const bad of [
      'http://www.ebay.com/sch/i.html?_nkw=switch',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://www.ebay.com.evil.example/sch/i.html',
      'https://evil.example/www.ebay.com',
      'https://www.ebay.com@evil.example/',
      'https://user@www.ebay.com/',
      'https://www.ebay.com:8443/sch/i.html',
      'https://www.ebay.nl/sch/i.html',
      '//www.ebay.com/sch/i.html',
      '/sch/i.html',
      '',
      null,
      undefined,
    ]) {
      expect(ebayUrl(bad), String(bad)).toBeNull();
    }
  });

  it('offers the countries by English name', () => {
    expect(countryName('de')).toBe('Germany');
    const options = countryOptions();
    expect(options).toHaveLength(249);
    expect(options.find((c) => c.code === 'JP')?.name).toBe('Japan');
    expect(options.map((c) => c.name)).toEqual(
      [...options.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });
});
