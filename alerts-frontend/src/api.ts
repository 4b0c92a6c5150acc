// All calls are relative: the Vite dev server (and nginx in compose) forwards /api to the services.

export type Condition = 'NEW' | 'USED' | 'ANY';
export type BuyingOption = 'FIXED_PRICE' | 'AUCTION' | 'ANY';

export type AlertState = 'ACTIVE' | 'PAUSED' | 'UNCONFIRMED' | 'PENDING';

export interface AlertStatus {
  state?: AlertState;
  lastRunAt: string | null;
  lastEmailAt: string | null;
  nextRunAt: string | null;
  lastError: string | null;
  lastWarning: string | null;
  /** Why a channel's messages are not going out (they wait and are retried), if they are not. */
  channelError?: string | null;
}

export type ChannelType = 'EMAIL' | 'WEBHOOK' | 'DISCORD' | 'SLACK' | 'TELEGRAM';

/** When an alert sends notices. Times are "HH:mm" in timeZone (an IANA name). */
export interface NotificationRules {
  newListings: boolean;
  priceDrops: boolean;
  targetPrice: number | null;
  endingSoonMinutes: number | null;
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
  maxPerDay: number | null;
}

/** Where an alert's notices go. EMAIL goes to the alert's address and has no url or chat id. */
export interface Channel {
  id: string;
  type: ChannelType;
  url: string | null;
  chatId: string | null;
  enabled: boolean;
  /** Why its messages are not going out (they wait, and are retried until it works), if they are not. */
  deliveryError: string | null;
  /** A WEBHOOK's signing secret: only in the response that created the channel. */
  secret?: string | null;
}

/** A channel as requests send it: known by type and url (or chat id); sending it again keeps it. */
export interface ChannelInput {
  type: ChannelType;
  url?: string;
  chatId?: string;
  enabled?: boolean;
}

export interface Alert {
  id: string;
  email: string;
  searchPhrase: string;
  frequencyMinutes: number;
  minPrice: number | null;
  maxPrice: number | null;
  currency: string;
  condition: Condition;
  buyingOption: BuyingOption;
  excludeWords: string[];
  minDropPercent: number | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  status: AlertStatus | null;
  // Absent in answers of services that predate notification rules, channels and feeds.
  rules?: NotificationRules;
  channels?: Channel[];
  feedUrl?: string;
}

export interface AlertInput {
  email: string;
  searchPhrase: string;
  frequencyMinutes: number;
  minPrice: number | null;
  maxPrice: number | null;
  currency: string;
  condition: Condition;
  buyingOption: BuyingOption;
  excludeWords: string[];
  minDropPercent: number | null;
  rules?: Partial<NotificationRules>;
  channels?: ChannelInput[];
  active?: boolean;
  version?: number;
}

export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export interface Session {
  token?: string;
  email: string;
  expiresAt: string;
}

/** One of the address's sessions. */
export interface SessionInfo {
  id: string;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

/** How much of one limit an address uses. */
export interface Limit {
  used: number;
  max: number;
}

/** Who is signed in, and what the address uses of what it may (fair use of eBay). */
export interface CurrentSession {
  email: string;
  limits: { alerts: Limit; searches: Limit; ebayCallsToday: Limit };
}

export interface PricePoint {
  currency: string;
  day: string;
  min: number;
  median: number;
  max: number;
  listings: number;
}

export interface ListingMove {
  itemId: string;
  title: string;
  itemWebUrl: string;
  oldPrice: number;
  newPrice: number;
  changePercent: number;
}

export interface Deal {
  itemId: string;
  title: string;
  itemWebUrl: string;
  price: number;
  belowMedianPercent: number;
}

export interface CurrencyInsights {
  currency: string;
  listingsTracked: number;
  newListings: number;
  lowest: number | null;
  highest: number | null;
  average: number | null;
  median: number | null;
  todayMedian: number | null;
  todayVsWindowPercent: number | null;
  typicalPriceStart: number | null;
  typicalPriceNow: number | null;
  typicalPriceChange: number | null;
  typicalPriceChangePercent: number | null;
  biggestDrops: ListingMove[];
  atLowest: ListingMove[];
  bestDeals: Deal[];
}

export interface AlertInsights {
  alertId: string;
  from: string;
  to: string;
  currencies: CurrencyInsights[];
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An RFC 9457 ProblemDetail (or any failed response), with field errors keyed by the field as the
 * server names it: "searchPhrase", "excludeWords[1]", "rules.quietEnd", "channels[0].url", "channels".
 */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, message: string, fieldErrors: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

async function toError(response: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: FieldError[] } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (e.g. a proxy error page)
  }
  const fieldErrors: Record<string, string> = {};
  for (const error of body.errors ?? []) {
    const name = error.field ?? '';
    fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]}; ${error.message}` : error.message;
  }
  const message =
    body.detail ??
    body.title ??
    (response.status === 0 || response.status >= 500
      ? 'The server is not answering right now. Try again in a moment.'
      : `Request failed (${response.status})`);
  return new ApiError(response.status, message, fieldErrors);
}

async function request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = contentType;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const PAGE_SIZE = 20;

export const api = {
  requestSignInLink: (email: string) => request<void>('POST', '/api/session/link', { email }),
  signIn: (token: string) => request<Session>('POST', '/api/session', { token }),
  signOut: () => request<void>('DELETE', '/api/session'),
  currentSession: () => request<CurrentSession>('GET', '/api/session'),
  /** A one-time code to send the Telegram bot from a chat, which links the chat to the address. */
  telegramLinkCode: () => request<{ code: string; command: string; expiresAt: string }>('POST', '/api/telegram/link-codes'),
  sessions: () => request<SessionInfo[]>('GET', '/api/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/api/sessions/${encodeURIComponent(id)}`),
  /** Ends every session of the address, this one too. */
  signOutEverywhere: () => request<void>('DELETE', '/api/sessions'),
  frequencies: () => request<{ frequencies: number[] }>('GET', '/api/alerts/frequencies').then((r) => r.frequencies),
  listAlerts: (page: number) =>
    request<Page<Alert>>('GET', `/api/alerts?page=${page}&size=${PAGE_SIZE}&sort=createdAt,desc`),
  createAlert: (input: AlertInput) => request<Alert>('POST', '/api/alerts', input),
  replaceAlert: (id: string, input: AlertInput) => request<Alert>('PUT', `/api/alerts/${encodeURIComponent(id)}`, input),
  setActive: (alert: Alert, active: boolean) =>
    request<Alert>(
      'PATCH',
      `/api/alerts/${encodeURIComponent(alert.id)}`,
      { active, version: alert.version },
      'application/merge-patch+json',
    ),
  /** Replaces the alert's feed URL (the old one stops working); answers the new URL. */
  rotateFeedToken: (id: string) => request<unknown>('POST', `/api/alerts/${encodeURIComponent(id)}/feed-token`),
  deleteAlert: (id: string) => request<void>('DELETE', `/api/alerts/${encodeURIComponent(id)}`),
  insights: (id: string) => request<AlertInsights>('GET', `/api/alerts/${encodeURIComponent(id)}/insights`),
  priceHistory: (id: string) => request<PricePoint[]>('GET', `/api/alerts/${encodeURIComponent(id)}/price-history`),
};
