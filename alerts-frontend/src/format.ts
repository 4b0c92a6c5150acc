import type { Alert, AlertListing, ChannelType } from './api';
import { countryName, marketplaceName } from './marketplaces';

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(value));
  } catch {
    return `${Number(value).toFixed(2)} ${currency}`;
  }
}

export function formatFrequency(minutes: number): string {
  return minutes % 60 === 0 ? `every ${minutes / 60} h` : `every ${minutes} min`;
}

const CONDITION: Record<string, string> = { NEW: 'new', USED: 'used' };
const BUYING: Record<string, string> = { FIXED_PRICE: 'Buy It Now', AUCTION: 'auction', BEST_OFFER: 'Best Offer' };

export function filtersSummary(alert: Alert): string {
  const parts: string[] = [];
  // Most alerts search eBay US: only another site is worth the room in the row.
  if (alert.marketplace && alert.marketplace !== 'EBAY_US') parts.push(marketplaceName(alert.marketplace));
  const { minPrice, maxPrice, currency } = alert;
  if (minPrice != null && maxPrice != null)
    parts.push(`${formatMoney(minPrice, currency)}–${formatMoney(maxPrice, currency)}`);
  else if (minPrice != null) parts.push(`from ${formatMoney(minPrice, currency)}`);
  else if (maxPrice != null) parts.push(`up to ${formatMoney(maxPrice, currency)}`);
  if (CONDITION[alert.condition]) parts.push(CONDITION[alert.condition]);
  if (BUYING[alert.buyingOption]) parts.push(BUYING[alert.buyingOption]);
  if (alert.excludeWords?.length) parts.push(`not: ${alert.excludeWords.join(', ')}`);
  if (alert.minDropPercent != null) parts.push(`drops ≥ ${Number(alert.minDropPercent)} %`);
  return parts.length ? parts.join(' · ') : 'no filters';
}

/**
 * Where the alert searches and the filters beyond prices, condition and format, one part each:
 * "eBay Germany", "ships to Germany (10115)", "only from sellers a, b". Always starts with the site.
 */
export function searchSummary(alert: Alert): string[] {
  const parts = [marketplaceName(alert.marketplace)];
  const list = (items: string[] | undefined) => (items ?? []).join(', ');
  if (alert.priceBasis === 'TOTAL') parts.push('prices compared with shipping');
  if (alert.shipToCountry)
    parts.push(
      `ships to ${countryName(alert.shipToCountry)}${alert.shipToPostalCode ? ` (${alert.shipToPostalCode})` : ''}`,
    );
  if (alert.freeShippingOnly) parts.push('free shipping only');
  if (alert.returnsAccepted) parts.push('returns accepted');
  if (alert.itemLocationCountry) parts.push(`located in ${countryName(alert.itemLocationCountry)}`);
  if (alert.categoryIds?.length) parts.push(`only in categories ${list(alert.categoryIds)}`);
  if (alert.excludedCategoryIds?.length) parts.push(`not in categories ${list(alert.excludedCategoryIds)}`);
  if (alert.sellers?.length) parts.push(`only from sellers ${list(alert.sellers)}`);
  if (alert.excludedSellers?.length) parts.push(`not from sellers ${list(alert.excludedSellers)}`);
  const feedback: string[] = [];
  if (alert.minSellerFeedbackScore != null) feedback.push(`score ≥ ${alert.minSellerFeedbackScore}`);
  if (alert.minSellerFeedbackPercent != null) feedback.push(`≥ ${Number(alert.minSellerFeedbackPercent)} % positive`);
  if (feedback.length) parts.push(`seller feedback ${feedback.join(', ')}`);
  const { minBids, maxBids } = alert;
  if (minBids != null && maxBids != null)
    parts.push(minBids === maxBids ? `${minBids} bids` : `${minBids}–${maxBids} bids`);
  else if (minBids != null) parts.push(`at least ${minBids} bids`);
  else if (maxBids != null) parts.push(`at most ${maxBids} bids`);
  return parts;
}

/**
 * Active / Paused / Unconfirmed (waiting for the address's confirmation link) / Not started
 * (created without a session: waits for the start link in its email, or for a change here).
 */
export function stateOf(alert: Alert): { label: string; className: string; hint?: string } {
  if (alert.status?.state === 'PENDING') {
    return {
      label: 'Not started',
      className: 'badge warn',
      hint: 'Created without signing in: it starts from the link in its email, or when you save it here',
    };
  }
  if (!alert.active || alert.status?.state === 'PAUSED') return { label: 'Paused', className: 'badge off' };
  if (alert.status?.state === 'UNCONFIRMED') {
    return {
      label: 'Unconfirmed',
      className: 'badge warn',
      hint: 'No emails until the confirmation link we sent is opened',
    };
  }
  return { label: 'Active', className: 'badge on' };
}

const CHANNEL_NAMES: Record<ChannelType, string> = {
  EMAIL: 'email',
  WEBHOOK: 'webhook',
  DISCORD: 'Discord',
  SLACK: 'Slack',
  TELEGRAM: 'Telegram',
};

/** "email · webhook (off)": where the alert's notices go; empty for answers without channels. */
export function channelsSummary(alert: Alert): string {
  return (alert.channels ?? [])
    .map((c) => `${CHANNEL_NAMES[c.type] ?? c.type}${c.enabled ? '' : ' (off)'}`)
    .join(' · ');
}

/** The alert's notification rules in words, one part each; empty for answers without rules. */
export function rulesSummary(alert: Alert): string[] {
  const rules = alert.rules;
  if (!rules) return [];
  const parts: string[] = [];
  const what: string[] = [];
  if (rules.newListings) what.push('new listings');
  if (rules.priceDrops)
    what.push(
      alert.minDropPercent != null ? `price drops of ${Number(alert.minDropPercent)} % or more` : 'price drops',
    );
  if (rules.targetPrice != null) what.push(`prices at or below ${formatMoney(rules.targetPrice, alert.currency)}`);
  if (rules.endingSoonMinutes != null) what.push(`auctions ending within ${rules.endingSoonMinutes} min`);
  parts.push(what.length ? `Notifies about ${what.join(', ')}` : 'Notifies about nothing (all rules are off)');
  if (rules.quietStart && rules.quietEnd) parts.push(`quiet ${rules.quietStart}–${rules.quietEnd} (${rules.timeZone})`);
  if (rules.maxPerDay != null) parts.push(`at most ${rules.maxPerDay} a day`);
  return parts;
}

/**
 * The listing's shipping in words. Unknown shipping (null) is never shown as free: eBay calculates
 * it at checkout, or the seller did not state it.
 */
export function shippingText(listing: Pick<AlertListing, 'shippingCost' | 'shippingType' | 'currency'>): string {
  const { shippingCost, shippingType, currency } = listing;
  if (shippingCost == null) {
    return shippingType === 'CALCULATED' ? '+ shipping (calculated at checkout)' : '+ shipping (not stated)';
  }
  return Number(shippingCost) === 0 ? 'Free shipping' : `+ ${formatMoney(shippingCost, currency)} shipping`;
}

/**
 * The words of a listing title one could mute: lower-cased, each once, in title order, without
 * words shorter than 3 letters or made only of digits ("oled", "case"; not "of", "64").
 */
export function muteableWords(title: string): string[] {
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => [...w].length >= 3 && !/^\p{N}+$/u.test(w)))];
}
