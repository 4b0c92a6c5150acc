// All calls are relative: the Vite dev server (and nginx in compose) forwards /api to the services.

export type Condition = 'NEW' | 'USED' | 'ANY';
export type BuyingOption = 'FIXED_PRICE' | 'AUCTION' | 'BEST_OFFER' | 'ANY';
/** The eBay site an alert searches; its currency is the alert's (see marketplaces.ts). */
export type Marketplace = 'EBAY_US' | 'EBAY_GB' | 'EBAY_DE' | 'EBAY_FR' | 'EBAY_IT' | 'EBAY_ES' | 'EBAY_CA' | 'EBAY_AU';
/** What max and target prices and drops compare: the item price, or the price plus shipping. */
export type PriceBasis = 'ITEM' | 'TOTAL';

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

/**
 * Where and how an alert searches, beyond phrase, prices, condition and format. Optional in requests
 * (the server's defaults apply) and absent in answers of services that predate them.
 */
export interface SearchFilters {
  marketplace?: Marketplace;
  priceBasis?: PriceBasis;
  /** ISO 3166 alpha-2: shipping is estimated for it, listings that do not ship there are left out. */
  shipToCountry?: string | null;
  /** Only together with shipToCountry. */
  shipToPostalCode?: string | null;
  freeShippingOnly?: boolean;
  returnsAccepted?: boolean;
  itemLocationCountry?: string | null;
  /** Numeric eBay category ids to search in (at most 10) and to leave out (at most 20). */
  categoryIds?: string[];
  excludedCategoryIds?: string[];
  /** Only these sellers (at most 20); never these (at most 50). */
  sellers?: string[];
  excludedSellers?: string[];
  minSellerFeedbackScore?: number | null;
  minSellerFeedbackPercent?: number | null;
  /** Auctions only. */
  minBids?: number | null;
  maxBids?: number | null;
}

export interface Alert extends SearchFilters {
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
  /** The same search on eBay's website. Shown as a link only when it is an https eBay address. */
  ebaySearchUrl?: string;
}

export interface AlertInput extends SearchFilters {
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
  /** Why it is not counted as a deal (implausibly cheap for the search), or null. */
  reason?: string | null;
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
  /** Listings priced far below typical: accessories, parts or scams more often than deals. */
  suspicious?: Deal[];
}

export interface AlertInsights {
  alertId: string;
  from: string;
  to: string;
  currencies: CurrencyInsights[];
}

/** What POST /api/search-links read from a pasted eBay search link. */
export interface SearchLinkAlert {
  searchPhrase: string;
  marketplace: Marketplace;
  currency: string;
  minPrice: number | null;
  maxPrice: number | null;
  condition: Condition;
  buyingOption: BuyingOption;
  freeShippingOnly: boolean;
  returnsAccepted: boolean;
  itemLocationCountry: string | null;
  categoryIds: string[];
  excludeWords: string[];
  sellers: string[];
}

/** A parameter of the link an alert cannot carry over, and why. */
export interface UnsupportedParameter {
  parameter: string;
  value: string;
  reason: string;
}

export interface SearchLinkImport {
  alert: SearchLinkAlert;
  unsupported: UnsupportedParameter[];
}

export interface CategorySuggestion {
  id: string;
  name: string;
  count: number;
  /** 0..1 of the search's total. */
  share: number;
}

/** Where a search's listings are on eBay: at most 10 categories, most listings first. */
export interface CategorySuggestions {
  total: number;
  categories: CategorySuggestion[];
}

/** What a mute silences: one listing (by item id), a seller, or listings whose title has a word. */
export type MuteKind = 'LISTING' | 'SELLER' | 'WORD';

/** Something the address does not want to hear about again. alertId null: all its alerts. */
export interface Mute {
  id: string;
  alertId: string | null;
  kind: MuteKind;
  value: string;
  /** Human text, e.g. "Seller gadget_hub (all alerts)". */
  label: string;
  createdAt: string;
}

/** Only SELLER and WORD mutes may leave alertId null (all the address's alerts). */
export interface MuteInput {
  alertId: string | null;
  kind: MuteKind;
  value: string;
}

/** The alert field a suggestion adds its value to. */
export type SuggestionField = 'excludeWords' | 'excludedSellers' | 'excludedCategoryIds';

/** A filter the alert's mutes point to, e.g. "Exclude the word "case"? 7 of your 9 mutes contain it". */
export interface MuteSuggestion {
  kind: 'WORD' | 'SELLER' | 'CATEGORY';
  value: string;
  matches: number;
  of: number;
  text: string;
  field: SuggestionField;
}

export type ListingState = 'NEW' | 'DROPPED' | 'ENDED' | 'MUTED';
export type ShippingType = 'FIXED' | 'CALCULATED' | 'NOT_SPECIFIED';

/** A listing an alert found and told about. shippingCost null: unknown (never free). */
export interface AlertListing {
  itemId: string;
  title: string;
  imageUrl: string | null;
  itemWebUrl: string | null;
  price: number;
  currency: string;
  shippingCost: number | null;
  shippingType: ShippingType | null;
  totalPrice: number | null;
  previousPrice: number | null;
  seller: string | null;
  state: ListingState;
  toldAt: string;
  endsAt: string | null;
}

/** One observed price of one listing (analytics-service). */
export interface ListingPrice {
  at: string;
  price: number;
  currency: string;
}

export type DeliveryMode = 'INSTANT' | 'HOURLY' | 'DAILY';
/** Notices that go out at once whatever the schedule. */
export type InstantReason = 'TARGET_PRICE' | 'ENDING_SOON';

/** When the address's notices go out. dailyAt is "HH:mm" in timeZone (an IANA name), only for DAILY. */
export interface DeliverySchedule {
  mode: DeliveryMode;
  dailyAt: string | null;
  timeZone: string;
  alwaysInstant: InstantReason[];
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
  /** Reads a pasted eBay search link into alert fields; 400 on "url" when it is not one. */
  importSearchLink: (url: string) => request<SearchLinkImport>('POST', '/api/search-links', { url }),
  /** Costs an eBay call on the server: only on request, never per keystroke. 429 when used up. */
  categorySuggestions: (phrase: string, marketplace: Marketplace) =>
    request<CategorySuggestions>(
      'GET',
      `/api/category-suggestions?phrase=${encodeURIComponent(phrase)}&marketplace=${encodeURIComponent(marketplace)}`,
    ),
  priceHistory: (id: string) => request<PricePoint[]>('GET', `/api/alerts/${encodeURIComponent(id)}/price-history`),
  /** What the alert found and told, newest first (at most 200); all states without one. */
  listings: (id: string, state?: ListingState) =>
    request<{ listings: AlertListing[] }>(
      'GET',
      `/api/alerts/${encodeURIComponent(id)}/listings${state ? `?state=${encodeURIComponent(state)}` : ''}`,
    ).then((r) => r.listings ?? []),
  /** One listing's prices over the last 14 days, oldest first (analytics-service). Item ids hold "|". */
  listingPrices: (id: string, itemId: string) =>
    request<ListingPrice[]>(
      'GET',
      `/api/alerts/${encodeURIComponent(id)}/listings/${encodeURIComponent(itemId)}/prices`,
    ),
  /** The address's mutes, newest first. */
  mutes: () => request<Mute[]>('GET', '/api/mutes'),
  /** Muting the same thing twice answers the existing mute. */
  mute: (input: MuteInput) => request<Mute>('POST', '/api/mutes', input),
  unmute: (id: string) => request<void>('DELETE', `/api/mutes/${encodeURIComponent(id)}`),
  muteSuggestions: (id: string) =>
    request<{ suggestions: MuteSuggestion[] }>('GET', `/api/alerts/${encodeURIComponent(id)}/mute-suggestions`).then(
      (r) => r.suggestions ?? [],
    ),
  /**
   * Adds the value to one of the alert's exclusion lists. A merge patch replaces a list whole, so
   * the version makes a change made elsewhere in between a 409 instead of a lost update.
   */
  addToFilter: (alert: Alert, field: SuggestionField, value: string) =>
    request<Alert>(
      'PATCH',
      `/api/alerts/${encodeURIComponent(alert.id)}`,
      { [field]: [...(alert[field] ?? []), value], version: alert.version },
      'application/merge-patch+json',
    ),
  deliverySchedule: () => request<DeliverySchedule>('GET', '/api/delivery-schedule'),
  saveDeliverySchedule: (schedule: DeliverySchedule) => request<DeliverySchedule>('PUT', '/api/delivery-schedule', schedule),
};
