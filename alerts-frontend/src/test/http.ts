import { vi } from 'vitest';
import type { Alert, Page } from '../api';

export function json(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Installs a fetch mock answering by "METHOD path-prefix"; unmatched calls get 404. */
export function mockFetch(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const keys = Object.keys(routes).sort((a, b) => b.length - a.length);
    for (const key of keys) {
      const [m, prefix] = key.split(' ');
      if (m === method && url.startsWith(prefix)) return routes[key](url, init);
    }
    return json({ title: 'Not Found', status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function alert(n: number, overrides: Partial<Alert> = {}): Alert {
  return {
    id: `id-${n}`,
    email: 'jane@example.com',
    searchPhrase: `search ${n}`,
    frequencyMinutes: 10,
    minPrice: null,
    maxPrice: 300,
    currency: 'USD',
    condition: 'ANY',
    buyingOption: 'ANY',
    excludeWords: [],
    minDropPercent: 5,
    active: true,
    version: 0,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    status: { lastRunAt: null, lastEmailAt: null, nextRunAt: null, lastError: null, lastWarning: null },
    ...overrides,
  };
}

export function page(content: Alert[], pageNo: number, totalElements: number, size = 20): Page<Alert> {
  return { content, page: pageNo, size, totalElements, totalPages: Math.ceil(totalElements / size) };
}

export function signedIn(email = 'jane@example.com') {
  localStorage.setItem(
    'ebay-alerts.session',
    JSON.stringify({ email, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
  );
}

export const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body));
