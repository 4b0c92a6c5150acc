import type { Marketplace } from './api';

/** As ebay-client's Marketplace: the site's currency (an alert's prices are in it) and web host. */
export const MARKETPLACES: Record<Marketplace, { name: string; currency: string; host: string }> = {
  EBAY_US: { name: 'eBay US', currency: 'USD', host: 'www.ebay.com' },
  EBAY_GB: { name: 'eBay UK', currency: 'GBP', host: 'www.ebay.co.uk' },
  EBAY_DE: { name: 'eBay Germany', currency: 'EUR', host: 'www.ebay.de' },
  EBAY_FR: { name: 'eBay France', currency: 'EUR', host: 'www.ebay.fr' },
  EBAY_IT: { name: 'eBay Italy', currency: 'EUR', host: 'www.ebay.it' },
  EBAY_ES: { name: 'eBay Spain', currency: 'EUR', host: 'www.ebay.es' },
  EBAY_CA: { name: 'eBay Canada', currency: 'CAD', host: 'www.ebay.ca' },
  EBAY_AU: { name: 'eBay Australia', currency: 'AUD', host: 'www.ebay.com.au' },
};

export const MARKETPLACE_IDS = Object.keys(MARKETPLACES) as Marketplace[];

export const isMarketplace = (value: unknown): value is Marketplace =>
  typeof value === 'string' && value in MARKETPLACES;

/** "eBay Germany"; the id itself for one this dashboard does not know yet. */
export const marketplaceName = (marketplace: string | undefined): string =>
  isMarketplace(marketplace) ? MARKETPLACES[marketplace].name : (marketplace ?? MARKETPLACES.EBAY_US.name);

/**
 * The marketplace of an alert from a service that predates marketplaces, by its currency: keeps a
 * EUR alert in euros when it is saved again.
 */
export function marketplaceOfCurrency(currency: string | undefined): Marketplace {
  return MARKETPLACE_IDS.find((m) => MARKETPLACES[m].currency === currency) ?? 'EBAY_US';
}

const EBAY_HOSTS = new Set(MARKETPLACE_IDS.flatMap((m) => [MARKETPLACES[m].host, MARKETPLACES[m].host.slice(4)]));

/**
 * The URL if it is an https address on one of the eBay sites, else null: an address from the server
 * is only ever made a link when it cannot lead anywhere else (no javascript:, no look-alike host).
 */
export function ebayUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
    return EBAY_HOSTS.has(url.hostname.toLowerCase()) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The URL if it is an http(s) address (pictures, and addresses shown as plain text), else null:
 * never javascript:, data: or a relative path.
 */
export function webUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// ISO 3166-1 alpha-2, the codes eBay's shipping and item location filters take.
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

let regionNames: Intl.DisplayNames | null | undefined;
/** "Germany" for DE, in English like the rest of the dashboard; the code when the browser has no names. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

let countries: { code: string; name: string }[] | null = null;
/** The countries to choose from, by name. */
export function countryOptions(): { code: string; name: string }[] {
  countries ??= COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );
  return countries;
}
