import { useEffect, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { api, ApiError, type ListingPrice } from './api';
import { formatMoney } from './format';

const DAY_MS = 86_400_000;

/** The chart in words, for those who cannot see it: "Lowest €170.00, highest €199.00 over 6 days; now €180.00". */
export function pricesInWords(prices: ListingPrice[], currency: string): string {
  if (prices.length === 0) return 'No prices recorded for this listing yet.';
  const values = prices.map((p) => Number(p.price));
  const now = formatMoney(values[values.length - 1], currency);
  if (prices.length === 1) return `One price recorded: ${now}.`;
  const span = Date.parse(prices[prices.length - 1].at) - Date.parse(prices[0].at);
  const days = Math.max(1, Math.ceil(span / DAY_MS));
  return (
    `Lowest ${formatMoney(Math.min(...values), currency)}, highest ${formatMoney(Math.max(...values), currency)} ` +
    `over ${days} ${days === 1 ? 'day' : 'days'}; now ${now}.`
  );
}

/** One listing's price over the last 14 days, fetched when first shown. */
export function ListingPriceChart({
  alertId,
  itemId,
  title,
  currency,
  onUnauthorized,
}: {
  alertId: string;
  itemId: string;
  title: string;
  currency: string;
  onUnauthorized?: () => void;
}) {
  const [prices, setPrices] = useState<ListingPrice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [width, setWidth] = useState(360);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    api.listingPrices(alertId, itemId).then(
      (list) => !cancelled && setPrices(Array.isArray(list) ? list : []),
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized?.();
        else if (e instanceof ApiError && e.status === 404) setPrices([]);
        else setError(`Price history is unavailable: ${(e as Error).message}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [alertId, itemId, onUnauthorized]);

  useEffect(() => {
    const measure = () => {
      const available = boxRef.current?.clientWidth ?? 0;
      if (available > 0) setWidth(Math.min(Math.max(available - 8, 220), 560));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  // A listing keeps its currency; should an answer hold others, the listing's own is the one drawn.
  const own = (prices ?? []).filter((p) => p.currency === currency);
  const shown = own.length > 0 ? currency : (prices?.[0]?.currency ?? currency);
  const points = (prices ?? []).filter((p) => p.currency === shown);
  const data = points.map((p) => ({ at: Date.parse(p.at), price: Number(p.price) }));

  return (
    <div className="listing-chart" ref={boxRef}>
      {error ? (
        <p className="warn" role="status">
          {error}
        </p>
      ) : !prices ? (
        <p role="status">Loading price history…</p>
      ) : points.length === 0 ? (
        <p className="empty">{pricesInWords([], shown)}</p>
      ) : (
        <figure className="chart">
          <LineChart
            width={width}
            height={150}
            data={data}
            margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
            accessibilityLayer
            aria-label={`Price of ${title} in ${shown}`}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(t: number) =>
                new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
              }
              tick={{ fontSize: 11 }}
            />
            <YAxis tick={{ fontSize: 11 }} width={52} domain={['auto', 'auto']} />
            <Tooltip
              labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
              formatter={(value) => [formatMoney(Number(value), shown), 'Price']}
            />
            <Line
              type="stepAfter"
              dataKey="price"
              name="Price"
              stroke="#0550ae"
              strokeWidth={2}
              dot
              isAnimationActive={false}
            />
          </LineChart>
          <figcaption>{pricesInWords(points, shown)}</figcaption>
        </figure>
      )}
    </div>
  );
}
