import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertDetail } from './AlertDetail';
import type { PricePoint } from './api';
import { PriceChart } from './PriceChart';
import { alert, json, mockFetch } from './test/http';

const points: PricePoint[] = [
  { currency: 'USD', day: '2026-11-20', min: 180, median: 250, max: 320, listings: 12 },
  { currency: 'USD', day: '2026-11-21', min: 175, median: 240, max: 310, listings: 14 },
  { currency: 'USD', day: '2026-11-22', min: 170, median: 230, max: 300, listings: 15 },
];

describe('PriceChart', () => {
  it('draws min, median and max lines', () => {
    const { container } = render(<PriceChart points={points} currency="USD" width={500} height={250} />);
    expect(container.querySelector('svg.recharts-surface')).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(3);
    expect(container.querySelectorAll('path.recharts-line-curve')).toHaveLength(3);
    expect(screen.getByText('Lowest')).toBeInTheDocument();
    expect(screen.getByText('Median')).toBeInTheDocument();
    expect(screen.getByText('Highest')).toBeInTheDocument();
    expect(screen.getByText(/2026-11-20 to 2026-11-22: median 250 → 230/)).toBeInTheDocument();
  });
});

describe('AlertDetail', () => {
  it('loads price history and insights from the analytics routes', async () => {
    const fetchMock = mockFetch({
      'GET /api/alerts/id-1/price-history': () => json(points),
      'GET /api/alerts/id-1/insights': () =>
        json({
          alertId: 'id-1',
          from: '2026-11-08T00:00:00Z',
          to: '2026-11-22T00:00:00Z',
          currencies: [
            {
              currency: 'USD',
              listingsTracked: 42,
              newListings: 7,
              lowest: 170,
              highest: 320,
              average: 245,
              median: 240,
              todayMedian: 230,
              todayVsWindowPercent: -4.17,
              typicalPriceStart: 250,
              typicalPriceNow: 230,
              typicalPriceChange: -20,
              typicalPriceChangePercent: -8,
              biggestDrops: [],
              atLowest: [],
              bestDeals: [
                {
                  itemId: 'v1|1',
                  title: 'Switch OLED boxed',
                  itemWebUrl: 'https://www.ebay.com/itm/1',
                  price: 170,
                  belowMedianPercent: 29.17,
                },
              ],
            },
          ],
        }),
    });
    const { container } = render(<AlertDetail alert={alert(1)} />);
    expect(await screen.findByText('42')).toBeInTheDocument();
    expect(screen.getByText('Listings tracked')).toBeInTheDocument();
    expect(screen.getByText(/-8 %/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Switch OLED boxed' })).toHaveAttribute(
      'href',
      'https://www.ebay.com/itm/1',
    );
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(3);
    const urls = fetchMock.mock.calls.map(([u]) => String(u));
    expect(urls).toEqual(expect.arrayContaining(['/api/alerts/id-1/price-history', '/api/alerts/id-1/insights']));
    expect(urls.every((u) => u.startsWith('/api/'))).toBe(true);
  });

  it('lists implausibly cheap listings apart from the deals, with the reason', async () => {
    mockFetch({
      'GET /api/alerts/id-4/price-history': () => json(points),
      'GET /api/alerts/id-4/insights': () =>
        json({
          alertId: 'id-4',
          from: '2026-11-08T00:00:00Z',
          to: '2026-11-22T00:00:00Z',
          currencies: [
            {
              currency: 'USD',
              listingsTracked: 42,
              newListings: 7,
              lowest: 1.6,
              highest: 320,
              average: 245,
              median: 46.99,
              todayMedian: 46.99,
              todayVsWindowPercent: 0,
              typicalPriceStart: 46.99,
              typicalPriceNow: 46.99,
              typicalPriceChange: 0,
              typicalPriceChangePercent: 0,
              biggestDrops: [],
              atLowest: [],
              bestDeals: [
                {
                  itemId: 'v1|2',
                  title: 'Falcon sealed',
                  itemWebUrl: 'https://www.ebay.com/itm/2',
                  price: 35.24,
                  belowMedianPercent: 25,
                  reason: null,
                },
              ],
              suspicious: [
                {
                  itemId: 'v1|3',
                  title: 'Falcon box only',
                  itemWebUrl: 'https://www.ebay.com/itm/3',
                  price: 1.6,
                  belowMedianPercent: 96.6,
                  reason: 'far below typical: check it is the item',
                },
              ],
            },
          ],
        }),
    });
    render(<AlertDetail alert={alert(4)} />);
    const heading = await screen.findByText('Priced far below typical, not counted as deals');
    const list = heading.nextElementSibling as HTMLElement;
    expect(list).toHaveTextContent('Falcon box only');
    expect(list).toHaveTextContent('far below typical: check it is the item');
    expect(list).not.toHaveTextContent('Falcon sealed');
  });

  it('says so when there is no data yet', async () => {
    mockFetch({});
    render(<AlertDetail alert={alert(2)} />);
    expect(await screen.findByText(/No price data yet/)).toBeInTheDocument();
  });

  it('says so when the alert has no prices yet', async () => {
    mockFetch({
      'GET /api/alerts/id-3/price-history': () => json([]),
      'GET /api/alerts/id-3/insights': () => json({ alertId: 'id-3', from: null, to: null, currencies: [] }),
    });
    render(<AlertDetail alert={alert(3)} />);
    expect(await screen.findByText('No prices recorded yet for this alert.')).toBeInTheDocument();
  });
});
