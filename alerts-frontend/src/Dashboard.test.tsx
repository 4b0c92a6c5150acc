import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Dashboard } from './Dashboard';
import type { Alert, Channel } from './api';
import { alert, bodyOf, json, mockFetch, page } from './test/http';

const email: Channel = { id: 'c1', type: 'EMAIL', url: null, chatId: null, enabled: true, deliveryError: null };
const webhook: Channel = {
  id: 'c2',
  type: 'WEBHOOK',
  url: 'https://example.com/hook',
  chatId: null,
  enabled: true,
  deliveryError: null,
};

const session = { email: 'jane@example.com', expiresAt: '2099-01-01T00:00:00Z' };
const frequencies = { 'GET /api/alerts/frequencies': () => json({ frequencies: [2, 10, 30] }) };

describe('Dashboard', () => {
  it('pages through the alerts, newest first, showing the totals', async () => {
    const fetchMock = mockFetch({
      ...frequencies,
      'GET /api/alerts?': (url) => {
        const n = Number(new URL(url, 'http://x').searchParams.get('page'));
        return json(page([alert(n * 20 + 1), alert(n * 20 + 2)], n, 45));
      },
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);

    expect(await screen.findByText('search 1')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3 · 45 alerts')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
    const listCalls = () => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('/api/alerts?'));
    expect(listCalls()).toEqual(['/api/alerts?page=0&size=20&sort=createdAt,desc']);

    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(await screen.findByText('search 21')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 3 · 45 alerts')).toBeInTheDocument();
    expect(listCalls()).toContain('/api/alerts?page=1&size=20&sort=createdAt,desc');

    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(await screen.findByText('Page 3 of 3 · 45 alerts')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: '← Previous' }));
    expect(await screen.findByText('Page 2 of 3 · 45 alerts')).toBeInTheDocument();
    expect(listCalls().at(-1)).toBe('/api/alerts?page=1&size=20&sort=createdAt,desc');
  });

  it('shows the row details: frequency, filters, status and times', async () => {
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json(page([alert(1, { active: false, condition: 'USED', excludeWords: ['broken'], minPrice: 100 })], 0, 1)),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const row = (await screen.findByText('search 1')).closest('tr')!;
    expect(within(row).getByText('every 10 min')).toBeInTheDocument();
    expect(within(row).getByText('Paused')).toBeInTheDocument();
    expect(within(row).getByText(/used · not: broken/)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Resume search 1' })).toBeInTheDocument();
  });

  it('marks an alert whose address is not confirmed yet', async () => {
    const waiting = alert(2);
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json(page([{ ...waiting, status: { ...waiting.status!, state: 'UNCONFIRMED' } }, alert(3)], 0, 2)),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const unconfirmed = (await screen.findByText('search 2')).closest('tr')!;
    expect(within(unconfirmed).getByText('Unconfirmed')).toHaveAttribute(
      'title',
      expect.stringMatching(/confirmation link/),
    );
    expect(within(screen.getByText('search 3').closest('tr')!).getByText('Active')).toBeInTheDocument();
  });

  it('shows what the address uses of its limits', async () => {
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page([alert(1)], 0, 1)),
      'GET /api/session': () =>
        json({
          email: 'jane@example.com',
          limits: {
            alerts: { used: 1, max: 25 },
            searches: { used: 1, max: 10 },
            ebayCallsToday: { used: 14, max: 1000 },
          },
        }),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    expect(
      await screen.findByText(/1 of 25 alerts · 1 of 10 different searches · 14 of 1000 eBay searches today/),
    ).toBeInTheDocument();
  });

  it('lists where the address is signed in and ends another session', async () => {
    const fetchMock = mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page([alert(1)], 0, 1)),
      'GET /api/sessions': () =>
        json([
          {
            id: 's1',
            createdAt: '2026-12-01T06:00:00Z',
            expiresAt: '2026-12-08T06:00:00Z',
            userAgent: 'Firefox',
            current: true,
          },
          {
            id: 's2',
            createdAt: '2026-11-30T06:00:00Z',
            expiresAt: '2026-12-07T06:00:00Z',
            userAgent: 'Old phone',
            current: false,
          },
        ]),
      'DELETE /api/sessions/s2': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    await user.click(await screen.findByText('Where you are signed in (2)'));
    expect(screen.getByText('this browser')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /End session/ }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/sessions/s2' && i?.method === 'DELETE')).toBe(true),
    );
  });

  it('marks an alert created without signing in as not started', async () => {
    const pending = alert(4);
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page([{ ...pending, status: { ...pending.status!, state: 'PENDING' } }], 0, 1)),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const row = (await screen.findByText('search 4')).closest('tr')!;
    expect(within(row).getByText('Not started')).toHaveAttribute('title', expect.stringMatching(/link in its email/));
  });

  it('shows an empty state and an error state', async () => {
    mockFetch({ ...frequencies, 'GET /api/alerts?': () => json(page([], 0, 0)) });
    const { unmount } = render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    unmount();

    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json({ title: 'Service Unavailable', status: 503, detail: 'The alerts database is not reachable.' }, 503),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The alerts database is not reachable.');
    expect(screen.queryByText(/No alerts yet/)).not.toBeInTheDocument();
  });

  it('shows the server error when the list fails, and signs out on 401', async () => {
    mockFetch({ ...frequencies, 'GET /api/alerts?': () => json({ title: 'Internal Server Error', status: 500 }, 500) });
    const { unmount } = render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Internal Server Error');
    unmount();

    mockFetch({ ...frequencies, 'GET /api/alerts?': () => json({ title: 'Unauthorized', status: 401 }, 401) });
    const onUnauthorized = vi.fn();
    render(<Dashboard session={session} onUnauthorized={onUnauthorized} />);
    await waitFor(() => expect(onUnauthorized).toHaveBeenCalled());
  });

  it('pauses with a merge patch carrying the version', async () => {
    const fetchMock = mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page([alert(1, { version: 3 })], 0, 1)),
      'PATCH /api/alerts/id-1': (_u, init) => json(alert(1, { version: 4, ...bodyOf(init) })),
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'Pause search 1' }));

    expect(await screen.findByText('Paused')).toBeInTheDocument();
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(bodyOf(init)).toEqual({ active: false, version: 3 });
    expect(new Headers(init!.headers).get('Content-Type')).toBe('application/merge-patch+json');
  });

  it('deletes only after confirmation', async () => {
    let alerts = [alert(1), alert(2)];
    const fetchMock = mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page(alerts, 0, alerts.length)),
      'DELETE /api/alerts/id-1': () => {
        alerts = alerts.filter((a) => a.id !== 'id-1');
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);

    await user.click(await screen.findByRole('button', { name: 'Delete search 1' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Delete alert?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete search 1' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('search 1')).not.toBeInTheDocument());
    expect(screen.getByText('Page 1 of 1 · 1 alert')).toBeInTheDocument();
  });

  it('opens the detail panel from the keyboard', async () => {
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page([alert(1)], 0, 1)),
      'GET /api/alerts/id-1/price-history': () =>
        json([{ currency: 'USD', day: '2026-11-20', min: 1, median: 2, max: 3, listings: 1 }]),
      'GET /api/alerts/id-1/insights': () => json({ alertId: 'id-1', from: null, to: null, currencies: [] }),
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const toggle = await screen.findByRole('button', { name: 'search 1' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText(/Daily lowest, median and highest price in USD/)).toBeInTheDocument();
  });

  it('shows a webhook signing secret once, after the save that created the channel', async () => {
    const stored: Alert = alert(1, { channels: [email, webhook] });
    let alerts: Alert[] = [];
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page(alerts, 0, alerts.length)),
      'POST /api/alerts': () => {
        alerts = [stored];
        return json({ ...stored, channels: [email, { ...webhook, secret: 's3cr3t-value' }] }, 201);
      },
      'PUT /api/alerts/id-1': () => json(stored),
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'New alert' }));
    await user.type(screen.getByLabelText('Search phrase'), 'search 1');
    await user.selectOptions(screen.getByLabelText('Check every'), '10');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.click(screen.getByLabelText('Channel 2 Webhook URL'));
    await user.paste('https://example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    const notice = await screen.findByRole('region', {
      name: /Webhook signing secret — copy it now, it is not shown again/,
    });
    expect(within(notice).getByLabelText('Secret for https://example.com/hook')).toHaveValue('s3cr3t-value');
    expect(notice).toHaveTextContent(/X-Signature.*HMAC-SHA256.*X-Timestamp/);
    expect(within(notice).getByRole('heading')).toHaveFocus();
    await user.click(within(notice).getByRole('button', { name: 'Copy secret for https://example.com/hook' }));
    expect(await navigator.clipboard.readText()).toBe('s3cr3t-value');
    expect(within(notice).getByText('Copied.')).toBeInTheDocument();

    // The reloaded list has no secret; the notice stays until dismissed, and never comes back.
    expect(await screen.findByText('search 1')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Webhook signing secret/ })).toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('region', { name: /Webhook signing secret/ })).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('s3cr3t-value')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit search 1' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('“search 1” saved.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Webhook signing secret/ })).not.toBeInTheDocument();
  });

  it('warns about a failing channel in the row and says where notices go', async () => {
    const failing = alert(1, {
      channels: [
        email,
        {
          ...webhook,
          enabled: false,
          deliveryError:
            'Not delivered: HTTP 5xx (10 failed attempts in a row). 1 message waits and is retried every hour until it works.',
        },
      ],
    });
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json(
          page(
            [
              {
                ...failing,
                status: {
                  ...failing.status!,
                  channelError: 'WEBHOOK: Not delivered: HTTP 5xx (10 failed attempts in a row).',
                },
              },
            ],
            0,
            1,
          ),
        ),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const row = (await screen.findByText('search 1')).closest('tr')!;
    expect(within(row).getByText(/⚠ WEBHOOK: Not delivered: HTTP 5xx/)).toHaveClass('warn');
    expect(within(row).getByText('Notify via email · webhook (off)')).toBeInTheDocument();
  });

  it('links the alert’s Atom feed and replaces its address after confirmation', async () => {
    let feedUrl = 'http://localhost:8080/feeds/old-token.atom';
    const fetchMock = mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json(
          page(
            [
              alert(1, {
                feedUrl,
                minDropPercent: 10,
                rules: {
                  newListings: true,
                  priceDrops: true,
                  targetPrice: 150,
                  endingSoonMinutes: null,
                  quietStart: '22:00',
                  quietEnd: '07:00',
                  timeZone: 'Europe/Berlin',
                  maxPerDay: 20,
                },
              }),
            ],
            0,
            1,
          ),
        ),
      'GET /api/alerts/id-1/price-history': () => json([]),
      'GET /api/alerts/id-1/insights': () => json({ alertId: 'id-1', from: null, to: null, currencies: [] }),
      'POST /api/alerts/id-1/feed-token': () => {
        feedUrl = 'http://localhost:8080/feeds/new-token.atom';
        return json({ feedUrl });
      },
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'search 1' }));

    expect(await screen.findByRole('link', { name: 'Atom feed' })).toHaveAttribute(
      'href',
      'http://localhost:8080/feeds/old-token.atom',
    );
    expect(
      screen.getByText(
        /Notifies about new listings, price drops of 10 % or more, prices at or below .*150.* · quiet 22:00–07:00 \(Europe\/Berlin\) · at most 20 a day/,
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New feed address' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'New feed address?' })).getByRole('button', { name: 'Cancel' }),
    );
    expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/feed-token'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'New feed address' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replace address' }));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Atom feed' })).toHaveAttribute(
        'href',
        'http://localhost:8080/feeds/new-token.atom',
      ),
    );
    expect(screen.getByText(/The feed has a new address/)).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, i]) => i?.method === 'POST').map(([u]) => u)).toEqual([
      '/api/alerts/id-1/feed-token',
    ]);
  });

  it('links each alert to its search on eBay, only when the address is an https eBay one', async () => {
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json(
          page(
            [
              alert(1, { ebaySearchUrl: 'https://www.ebay.de/sch/i.html?_nkw=search+1' }),
              alert(2, { ebaySearchUrl: 'javascript:alert(document.cookie)' }),
              alert(3, { ebaySearchUrl: 'http://www.ebay.com/sch/i.html?_nkw=search+3' }),
              alert(4, { ebaySearchUrl: 'https://www.ebay.com.example.net/sch/i.html' }),
              alert(5),
            ],
            0,
            5,
          ),
        ),
    });
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const row = (await screen.findByText('search 1')).closest('tr')!;
    const link = within(row).getByRole('link', { name: /Open on eBay/ });
    expect(link).toHaveAccessibleName('Open on eBay: search 1 (opens in a new tab)');
    expect(link).toHaveAttribute('href', 'https://www.ebay.de/sch/i.html?_nkw=search+1');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getAllByRole('link', { name: /Open on eBay/ })).toHaveLength(1);
    expect(screen.queryByText(/document\.cookie/)).not.toBeInTheDocument();
  });

  it('shows the eBay site and the filters in use in the row and the detail', async () => {
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () =>
        json(
          page(
            [
              alert(1, {
                marketplace: 'EBAY_DE',
                currency: 'EUR',
                buyingOption: 'BEST_OFFER',
                ebaySearchUrl: 'https://www.ebay.de/sch/i.html?_nkw=search+1',
                priceBasis: 'TOTAL',
                shipToCountry: 'DE',
                shipToPostalCode: '10115',
                freeShippingOnly: true,
                returnsAccepted: true,
                itemLocationCountry: 'JP',
                categoryIds: ['20349'],
                excludedCategoryIds: ['20373', '9355'],
                sellers: ['retro-games'],
                excludedSellers: ['scalper99'],
                minSellerFeedbackScore: 100,
                minSellerFeedbackPercent: 98.5,
                minBids: 0,
                maxBids: 3,
              }),
            ],
            0,
            1,
          ),
        ),
      'GET /api/alerts/id-1/price-history': () => json([]),
      'GET /api/alerts/id-1/insights': () => json({ alertId: 'id-1', from: null, to: null, currencies: [] }),
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    const row = (await screen.findByText('search 1')).closest('tr')!;
    expect(within(row).getByText(/^eBay Germany · up to .*300.* · Best Offer/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'search 1' }));
    const summary = await screen.findByText(/^Searches eBay Germany/);
    expect(summary).toHaveTextContent(
      'Searches eBay Germany · prices compared with shipping · ships to Germany (10115) · free shipping only · ' +
        'returns accepted · located in Japan · only in categories 20349 · not in categories 20373, 9355 · ' +
        'only from sellers retro-games · not from sellers scalper99 · seller feedback score ≥ 100, ≥ 98.5 % positive · 0–3 bids.',
    );
    expect(within(summary).getByRole('link', { name: /Open on eBay/ })).toHaveAttribute(
      'href',
      'https://www.ebay.de/sch/i.html?_nkw=search+1',
    );
  });

  it('says an alert without extra filters searches eBay US', async () => {
    mockFetch({
      ...frequencies,
      'GET /api/alerts?': () => json(page([alert(1)], 0, 1)),
      'GET /api/alerts/id-1/price-history': () => json([]),
      'GET /api/alerts/id-1/insights': () => json({ alertId: 'id-1', from: null, to: null, currencies: [] }),
    });
    const user = userEvent.setup();
    render(<Dashboard session={session} onUnauthorized={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'search 1' }));
    expect(await screen.findByText('Searches eBay US.')).toBeInTheDocument();
  });
});
