import { useEffect, useRef, useState } from 'react';
import { api, type AlertInsights, type PricePoint } from './api';
import { formatMoney, formatTime } from './format';
import { PriceChart } from './PriceChart';

/** The alert's daily prices (chart) and insights (figures, best deals), from analytics-service. */
export function PriceInsights({ alertId, alertCurrency }: { alertId: string; alertCurrency: string }) {
  const [history, setHistory] = useState<PricePoint[] | null>(null);
  const [insights, setInsights] = useState<AlertInsights | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [width, setWidth] = useState(600);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.priceHistory(alertId), api.insights(alertId)])
      .then(([h, i]) => {
        if (cancelled) return;
        setHistory(h);
        setInsights(i);
      })
      .catch((e: Error & { status?: number }) => {
        if (cancelled) return;
        setError(
          e.status === 404
            ? 'No price data yet: insights appear once the alert has run.'
            : `Price insights are unavailable: ${e.message}`,
        );
      });
    return () => {
      cancelled = true;
    };
  }, [alertId]);

  useEffect(() => {
    const measure = () => {
      const available = boxRef.current?.clientWidth ?? 0;
      if (available > 0) setWidth(Math.min(Math.max(available - 8, 260), 900));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const currencies = [...new Set((history ?? []).map((p) => p.currency))];
  const shown = currency ?? currencies[0] ?? alertCurrency;
  const points = (history ?? []).filter((p) => p.currency === shown);
  const figures = insights?.currencies.find((c) => c.currency === shown);

  return (
    <div className="price-insights" ref={boxRef}>
      {error ? (
        <p className="empty" role="status">
          {error}
        </p>
      ) : !history ? (
        <p role="status">Loading price history…</p>
      ) : history.length === 0 ? (
        <p className="empty">No prices recorded yet for this alert.</p>
      ) : (
        <>
          {currencies.length > 1 && (
            <label>
              Currency{' '}
              <select value={shown} onChange={(e) => setCurrency(e.target.value)}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          )}
          <PriceChart points={points} currency={shown} width={width} />
        </>
      )}
      {figures && (
        <dl className="figures" aria-label="Insights">
          <div>
            <dt>Listings tracked</dt>
            <dd>{figures.listingsTracked}</dd>
          </div>
          <div>
            <dt>New listings</dt>
            <dd>{figures.newListings}</dd>
          </div>
          <div>
            <dt>Lowest</dt>
            <dd>{formatMoney(figures.lowest, shown)}</dd>
          </div>
          <div>
            <dt>Median</dt>
            <dd>{formatMoney(figures.median, shown)}</dd>
          </div>
          <div>
            <dt>Highest</dt>
            <dd>{formatMoney(figures.highest, shown)}</dd>
          </div>
          <div>
            <dt>Today’s median</dt>
            <dd>
              {formatMoney(figures.todayMedian, shown)}
              {figures.todayVsWindowPercent != null && ` (${signed(figures.todayVsWindowPercent)} %)`}
            </dd>
          </div>
          <div>
            <dt>Typical price change</dt>
            <dd>
              {formatMoney(figures.typicalPriceStart, shown)} → {formatMoney(figures.typicalPriceNow, shown)}
              {figures.typicalPriceChangePercent != null && ` (${signed(figures.typicalPriceChangePercent)} %)`}
            </dd>
          </div>
        </dl>
      )}
      {figures && figures.bestDeals.length > 0 && (
        <>
          <h3>Best deals now</h3>
          <ul className="deals">
            {figures.bestDeals.map((d) => (
              <li key={d.itemId}>
                <a href={d.itemWebUrl} target="_blank" rel="noopener noreferrer">
                  {d.title}
                </a>{' '}
                {formatMoney(d.price, shown)} ({Number(d.belowMedianPercent)} % below median)
              </li>
            ))}
          </ul>
        </>
      )}
      {figures && (figures.suspicious ?? []).length > 0 && (
        <>
          <h3>Priced far below typical, not counted as deals</h3>
          <ul className="deals">
            {(figures.suspicious ?? []).map((d) => (
              <li key={d.itemId}>
                <a href={d.itemWebUrl} target="_blank" rel="noopener noreferrer">
                  {d.title}
                </a>{' '}
                {formatMoney(d.price, shown)} ({Number(d.belowMedianPercent)} % below median):{' '}
                {d.reason ?? 'far below typical: check it is the item'}
              </li>
            ))}
          </ul>
        </>
      )}
      {insights && (
        <p className="hint">
          Window {formatTime(insights.from)} – {formatTime(insights.to)}
        </p>
      )}
    </div>
  );
}

function signed(value: number): string {
  const n = Number(value);
  return `${n > 0 ? '+' : ''}${n}`;
}
