import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError, type Alert } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { rulesSummary, searchSummary } from './format';
import { ListingsView } from './ListingsView';
import { MutesList } from './MutesList';
import { MuteSuggestions } from './MuteSuggestions';
import { OpenOnEbay } from './OpenOnEbay';
import { PriceInsights } from './PriceInsights';

const TABS = [
  { id: 'prices', label: 'Prices' },
  { id: 'listings', label: 'Listings' },
  { id: 'mutes', label: 'Muted' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function AlertDetail({
  alert,
  onChanged,
  onUnauthorized,
}: {
  alert: Alert;
  /** After the alert changed on the server (a new feed address, a filter added): reload it. */
  onChanged?: () => void;
  onUnauthorized?: () => void;
}) {
  const id = useId();
  const [tab, setTab] = useState<Tab>('prices');
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
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

  // The tabs pattern: arrow keys, Home and End move between tabs (and show them); Tab leaves.
  function onTabKey(event: KeyboardEvent) {
    const at = TABS.findIndex((t) => t.id === tab);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    setTab(TABS[to].id);
    tabRefs.current[TABS[to].id]?.focus();
  }

  return (
    <div className="detail">
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

      <MuteSuggestions alert={alert} onChanged={onChanged} onUnauthorized={onUnauthorized} />

      <div className="tabs" role="tablist" aria-label={`${alert.searchPhrase}: details`} onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* Every panel exists (tabs point at them); only the shown one is mounted, and loads when shown. */}
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${id}-panel-${t.id}`}
          aria-labelledby={`${id}-tab-${t.id}`}
          hidden={tab !== t.id}
        >
          {tab === t.id && t.id === 'prices' && <PriceInsights alertId={alert.id} alertCurrency={alert.currency} />}
          {tab === t.id && t.id === 'listings' && <ListingsView alertId={alert.id} onUnauthorized={onUnauthorized} />}
          {tab === t.id && t.id === 'mutes' && <MutesList alertId={alert.id} onUnauthorized={onUnauthorized} />}
        </div>
      ))}
    </div>
  );
}
