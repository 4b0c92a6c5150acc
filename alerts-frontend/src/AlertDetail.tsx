import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type Alert, type AlertInsights, type PricePoint } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { formatMoney, formatTime, rulesSummary, searchSummary } from './format';
import { OpenOnEbay } from './OpenOnEbay';
import { PriceChart } from './PriceChart';

export function AlertDetail({
  alert,
  onChanged,
  onUnauthorized,
}: {
  alert: Alert;
  /** After the alert changed on the server (a new feed address): reload it. */
  onChanged?: () => void;
  onUnauthorized?: () => void;
}) {
  const [history, setHistory] = useState<PricePoint[] | null>(null);
  const [insights, setInsights] = useState<AlertInsights | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [width, setWidth] = useState(600);
  const boxRef = useRef<HTMLDivElement>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [feedMessage, setFeedMessage] = useState<string | null>(null);
  const [feedError, setFeedError] = useState<string | null>(null);

  async function rotateFeed() {
    setConfirmRotate(false);
    setFeedError(null);
    try {
      // Answers the new URL (or the alert, depending on the server): the reloaded alert shows it either way.
      await api.rotateFeedToken(alert.id);
      setFeedMessage('The feed has a new address; the old one no longer works.');
      onChanged?.();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized?.();
      else setFeedError(`The feed address was not changed: ${(e as Error).message}`);
    }
  }

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.priceHistory(alert.id), api.insights(alert.id)])
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
  }, [alert.id]);

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
  const shown = currency ?? currencies[0] ?? alert.currency;
  const points = (history ?? []).filter((p) => p.currency === shown);
  const figures = insights?.currencies.find((c) => c.currency === shown);

  return (
    <div className="detail" ref={boxRef}>
      <p className="search-summary">
        Searches {searchSummary(alert).join(' · ')}. <OpenOnEbay alert={alert} />
      </p>
      {alert.status?.lastWarning && <p className="warn">eBay: {alert.status.lastWarning}</p>}
      {alert.rules && <p className="rules-summary">{rulesSummary(alert).join(' · ')}.</p>}
      {alert.channels
        ?.filter((c) => c.deliveryError)
        .map((c) => (
          <p key={c.id} className="warn">
            ⚠ {c.type}
            {c.url ? ` ${c.url}` : c.chatId ? ` ${c.chatId}` : ''}: {c.deliveryError}
          </p>
        ))}
      {alert.feedUrl && (
        <div className="feed">
          <a href={alert.feedUrl} target="_blank" rel="noopener noreferrer">
            Atom feed
          </a>
          <span className="hint">Private address: anyone who has it can read this alert’s notices.</span>
          <button type="button" onClick={() => setConfirmRotate(true)}>
            New feed address
          </button>
        </div>
      )}
      <div aria-live="polite" role="status" className="sr-status">
        {feedMessage && <p className="notice">{feedMessage}</p>}
      </div>
      {feedError && (
        <p className="error" role="alert">
          {feedError}
        </p>
      )}
      {confirmRotate && (
        <ConfirmDialog
          title="New feed address?"
          confirmLabel="Replace address"
          onConfirm={rotateFeed}
          onCancel={() => setConfirmRotate(false)}
        >
          The current feed address stops working at once; feed readers need the new one.
        </ConfirmDialog>
      )}
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
          <h4>Best deals now</h4>
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
