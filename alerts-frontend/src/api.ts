// All calls are relative: the Vite dev server (and nginx in compose) forwards /api to the services.
//
// Paths, parameters and request bodies are checked against the services' OpenAPI documents
// (openapi/*.json, written by CommittedApiDocumentTests; src/generated/ is made from them by
// `npm run generate`). Answers whose records never hold null are the documents' schemas (Answered);
// the rest are still written here: the documents do not say which properties may be null, and
// give some enumerations (a mute suggestion's kind and field, a listing's shipping type) as plain
// strings.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths as AlertsDocument } from './generated/alerts';
import type { components as AnalyticsComponents, paths as AnalyticsDocument } from './generated/analytics';

type Schemas = components['schemas'];
type AnalyticsSchemas = AnalyticsComponents['schemas'];

/**
 * An answer as the services send it: springdoc marks no property of a response record required, yet
 * Jackson writes every component of the record. Only for records none of whose components is null.
 */
type Answered<T> = T extends (infer Item)[]
  ? Answered<Item>[]
  : T extends object
    ? { [K in keyof T]-?: Answered<T[K]> }
    : T;

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
export type Limit = Answered<Schemas['Limit']>;

/** Who is signed in, and what the address uses of what it may (fair use of eBay). */
export type CurrentSession = Answered<Schemas['CurrentSession']>;

export type PricePoint = Answered<AnalyticsSchemas['PricePoint']>;

export type ListingMove = Answered<AnalyticsSchemas['ListingMove']>;

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
export type UnsupportedParameter = Answered<Schemas['Unsupported']>;

export interface SearchLinkImport {
  alert: SearchLinkAlert;
  unsupported: UnsupportedParameter[];
}

/** share: 0..1 of the search's total. */
export type CategorySuggestion = Answered<Schemas['CategorySuggestion']>;

/** Where a search's listings are on eBay: at most 10 categories, most listings first. */
export type CategorySuggestions = Answered<Schemas['CategorySuggestions']>;

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
export type ListingPrice = Answered<AnalyticsSchemas['ListingPrice']>;

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

type Problem = components['schemas']['ProblemDetail'] & { errors?: FieldError[] };

function toError(status: number, body: unknown): ApiError {
  // not an object: not JSON (e.g. a proxy error page)
  const problem: Problem = body !== null && typeof body === 'object' ? (body as Problem) : {};
  const fieldErrors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = error.field ?? '';
    fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]}; ${error.message}` : error.message;
  }
  const message =
    problem.detail ??
    problem.title ??
    (status === 0 || status >= 500
      ? 'The server is not answering right now. Try again in a moment.'
      : `Request failed (${status})`);
  return new ApiError(status, message, fieldErrors);
}

/** A request record as sent: its optional components also take null (the service reads it as absent). */
type Sent<T> = T extends (infer Item)[]
  ? Sent<Item>[]
  : T extends object
    ? { [K in keyof T]: undefined extends T[K] ? Sent<T[K]> | null : Sent<T[K]> }
    : T;
/**
 * openapi-fetch builds a Request with an absolute URL; the call itself goes out relative to the page,
 * with the session cookie (HTTP-only, set by the API) and nothing else for authentication.
 */
async function sameOrigin(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = await request.text();
  try {
    return await fetch(url.pathname + url.search, {
      method: request.method,
      headers: request.headers,
      credentials: 'same-origin',
      body: body === '' ? undefined : body,
    });
  } catch {
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }
}

function client<Paths extends object>(): Client<Paths> {
  return createClient<Paths>({
    baseUrl: window.location.origin,
    fetch: sameOrigin,
    headers: { Accept: 'application/json, application/problem+json' },
  });
}

const alerts = client<AlertsDocument>();
const analytics = client<AnalyticsDocument>();

/** The answer's body (typed here: see Answered), or its ProblemDetail thrown. */
async function answer<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toError(response.status, error);
  // 202: accepted, the answer says nothing the dashboard uses
  if (response.status === 204 || response.status === 202) return undefined as T;
  return data as T;
}

const mergePatch = { 'Content-Type': 'application/merge-patch+json' };
const id = (value: string) => ({ path: { id: value } });

export const PAGE_SIZE = 20;

export const api = {
  requestSignInLink: (email: string) =>
    answer<void>(alerts.POST('/api/session/link', { body: { email } satisfies Schemas['SignInLinkRequest'] })),
  signIn: (token: string) =>
    answer<Session>(alerts.POST('/api/session', { body: { token } satisfies Schemas['SignInRequest'] })),
  signOut: () => answer<void>(alerts.DELETE('/api/session')),
  currentSession: () => answer<CurrentSession>(alerts.GET('/api/session')),
  /** A one-time code to send the Telegram bot from a chat, which links the chat to the address. */
  telegramLinkCode: () => answer<Answered<Schemas['LinkCode']>>(alerts.POST('/api/telegram/link-codes')),
  sessions: () => answer<SessionInfo[]>(alerts.GET('/api/sessions')),
  endSession: (sessionId: string) => answer<void>(alerts.DELETE('/api/sessions/{id}', { params: id(sessionId) })),
  /** Ends every session of the address, this one too. */
  signOutEverywhere: () => answer<void>(alerts.DELETE('/api/sessions')),
  frequencies: () =>
    answer<Answered<Schemas['Frequencies']>>(alerts.GET('/api/alerts/frequencies')).then((r) => r.frequencies),
  listAlerts: (page: number) =>
    answer<Page<Alert>>(
      alerts.GET('/api/alerts', {
        params: { query: { page, size: PAGE_SIZE, sort: 'createdAt,desc' } },
        // the comma of "createdAt,desc" needs no escaping
        querySerializer: { allowReserved: true },
      }),
    ),
  createAlert: (input: AlertInput) =>
    answer<Alert>(alerts.POST('/api/alerts', { body: sent<Schemas['AlertRequest']>(input) })),
  replaceAlert: (alertId: string, input: AlertInput) =>
    answer<Alert>(alerts.PUT('/api/alerts/{id}', { params: id(alertId), body: sent<Schemas['AlertRequest']>(input) })),
  setActive: (alert: Alert, active: boolean) =>
    answer<Alert>(
      alerts.PATCH('/api/alerts/{id}', {
        params: id(alert.id),
        body: mergePatchOf({ active, version: alert.version }),
        headers: mergePatch,
      }),
    ),
  /** Replaces the alert's feed URL (the old one stops working); answers the new URL. */
  rotateFeedToken: (alertId: string) =>
    answer<Answered<Schemas['FeedUrl']>>(alerts.POST('/api/alerts/{id}/feed-token', { params: id(alertId) })),
  deleteAlert: (alertId: string) => answer<void>(alerts.DELETE('/api/alerts/{id}', { params: id(alertId) })),
  insights: (alertId: string) =>
    answer<AlertInsights>(analytics.GET('/api/alerts/{id}/insights', { params: id(alertId) })),
  /** Reads a pasted eBay search link into alert fields; 400 on "url" when it is not one. */
  importSearchLink: (url: string) =>
    answer<SearchLinkImport>(
      alerts.POST('/api/search-links', {
        body: { url } satisfies Schemas['SearchLinkRequest'],
      }),
    ),
  /** Costs an eBay call on the server: only on request, never per keystroke. 429 when used up. */
  categorySuggestions: (phrase: string, marketplace: Marketplace) =>
    answer<CategorySuggestions>(
      alerts.GET('/api/category-suggestions', { params: { query: { phrase, marketplace } } }),
    ),
  priceHistory: (alertId: string) =>
    answer<PricePoint[]>(analytics.GET('/api/alerts/{id}/price-history', { params: id(alertId) })),
  /** What the alert found and told, newest first (at most 200); all states without one. */
  listings: (alertId: string, state?: ListingState) =>
    answer<{ listings: AlertListing[] }>(
      alerts.GET('/api/alerts/{id}/listings', { params: { path: { id: alertId }, query: { state } } }),
    ).then((r) => r.listings ?? []),
  /** One listing's prices over the last 14 days, oldest first (analytics-service). Item ids hold "|". */
  listingPrices: (alertId: string, itemId: string) =>
    answer<ListingPrice[]>(
      analytics.GET('/api/alerts/{id}/listings/{itemId}/prices', { params: { path: { id: alertId, itemId } } }),
    ),
  /** The address's mutes, newest first. */
  mutes: () => answer<Mute[]>(alerts.GET('/api/mutes')),
  /** Muting the same thing twice answers the existing mute. */
  mute: (input: MuteInput) => answer<Mute>(alerts.POST('/api/mutes', { body: sent<Schemas['MuteRequest']>(input) })),
  unmute: (muteId: string) => answer<void>(alerts.DELETE('/api/mutes/{id}', { params: id(muteId) })),
  muteSuggestions: (alertId: string) =>
    answer<{ suggestions: MuteSuggestion[] }>(
      alerts.GET('/api/alerts/{id}/mute-suggestions', { params: id(alertId) }),
    ).then((r) => r.suggestions ?? []),
  /**
   * Adds the value to one of the alert's exclusion lists. A merge patch replaces a list whole, so
   * the version makes a change made elsewhere in between a 409 instead of a lost update.
   */
  addToFilter: (alert: Alert, field: SuggestionField, value: string) =>
    answer<Alert>(
      alerts.PATCH('/api/alerts/{id}', {
        params: id(alert.id),
        body: mergePatchOf({
          [field]: [...(alert[field] ?? []), value] as Schemas['AlertRequest'][SuggestionField],
          version: alert.version,
        }),
        headers: mergePatch,
      }),
    ),
  deliverySchedule: () => answer<DeliverySchedule>(alerts.GET('/api/delivery-schedule')),
  saveDeliverySchedule: (schedule: DeliverySchedule) =>
    answer<DeliverySchedule>(alerts.PUT('/api/delivery-schedule', { body: sent<Schemas['ScheduleBody']>(schedule) })),
};

/** A merge patch changes only the fields it names; the document describes the body as the whole record. */
function mergePatchOf(fields: Partial<Sent<Schemas['AlertRequest']>>): Schemas['AlertRequest'] {
  return fields as Schemas['AlertRequest'];
}

/** Checks a request against the service's record (nulls allowed where it is optional) and sends it as is. */
function sent<T>(body: Sent<T>): T {
  return body as T;
}
