import type { Alert } from './api';

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
const BUYING: Record<string, string> = { FIXED_PRICE: 'Buy It Now', AUCTION: 'auction' };

export function filtersSummary(alert: Alert): string {
  const parts: string[] = [];
  const { minPrice, maxPrice, currency } = alert;
  if (minPrice != null && maxPrice != null) parts.push(`${formatMoney(minPrice, currency)}–${formatMoney(maxPrice, currency)}`);
  else if (minPrice != null) parts.push(`from ${formatMoney(minPrice, currency)}`);
  else if (maxPrice != null) parts.push(`up to ${formatMoney(maxPrice, currency)}`);
  if (CONDITION[alert.condition]) parts.push(CONDITION[alert.condition]);
  if (BUYING[alert.buyingOption]) parts.push(BUYING[alert.buyingOption]);
  if (alert.excludeWords?.length) parts.push(`not: ${alert.excludeWords.join(', ')}`);
  if (alert.minDropPercent != null) parts.push(`drops ≥ ${Number(alert.minDropPercent)} %`);
  return parts.length ? parts.join(' · ') : 'no filters';
}

/** Active / Paused / Unconfirmed (waiting for the address's confirmation link). */
export function stateOf(alert: Alert): { label: string; className: string; hint?: string } {
  if (!alert.active || alert.status?.state === 'PAUSED') return { label: 'Paused', className: 'badge off' };
  if (alert.status?.state === 'UNCONFIRMED') {
    return { label: 'Unconfirmed', className: 'badge warn', hint: 'No emails until the confirmation link we sent is opened' };
  }
  return { label: 'Active', className: 'badge on' };
}
