import { useCallback, useEffect, useId, useState } from 'react';
import { api, ApiError, type AlertListing, type ListingState, type Mute, type MuteInput } from './api';
import { ListingRow } from './ListingRow';

const FILTERS: { value: ListingState | ''; label: string }[] = [
  { value: '', label: 'All listings' },
  { value: 'NEW', label: 'New' },
  { value: 'DROPPED', label: 'Price drops' },
  { value: 'ENDED', label: 'Ended' },
  { value: 'MUTED', label: 'Muted' },
];

/** A mute made from a listing here, undoable until the view is left. */
interface Recent {
  itemId: string;
  mute: Mute;
}

/** What the alert found and told, newest first (the server keeps the latest 200), by state. */
export function ListingsView({ alertId, onUnauthorized }: { alertId: string; onUnauthorized?: () => void }) {
  const id = useId();
  const [state, setState] = useState<ListingState | ''>('');
  const [listings, setListings] = useState<AlertListing[] | null>(null);
  // Loading until an answer for the current alert, state and reload came back.
  const [settled, setSettled] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [recent, setRecent] = useState<Recent[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const failed = useCallback(
    (e: unknown, set: (text: string) => void, prefix: string) => {
      if (e instanceof ApiError && e.status === 401) onUnauthorized?.();
      else set(`${prefix}${e instanceof Error ? e.message : 'Something went wrong.'}`);
    },
    [onUnauthorized],
  );

  const requested = `${alertId}:${state}:${reloadKey}`;
  const loading = settled !== requested;
  useEffect(() => {
    let cancelled = false;
    api
      .listings(alertId, state || undefined)
      .then((list) => {
        if (cancelled) return;
        setError(null);
        setListings(list);
      })
      .catch((e) => {
        if (cancelled) return;
        setListings(null);
        failed(e, setError, 'The listings are unavailable: ');
      })
      .finally(() => !cancelled && setSettled(`${alertId}:${state}:${reloadKey}`));
    return () => {
      cancelled = true;
    };
  }, [alertId, state, reloadKey, failed]);

  const reload = () => setReloadKey((k) => k + 1);

  async function mute(itemId: string, input: MuteInput) {
    setBusy(true);
    setActionError(null);
    try {
      const made = await api.mute(input);
      setRecent((r) => [...r.filter((x) => x.mute.id !== made.id), { itemId, mute: made }]);
      setMessage(`Muted: ${made.label}.`);
      reload();
    } catch (e) {
      failed(e, setActionError, 'Not muted: ');
    } finally {
      setBusy(false);
    }
  }

  async function undo(mute: Mute) {
    setBusy(true);
    setActionError(null);
    try {
      await api.unmute(mute.id);
    } catch (e) {
      // 404: already undone (elsewhere, or in the mutes list); anything else is worth saying.
      if (!(e instanceof ApiError && e.status === 404)) {
        failed(e, setActionError, 'Not undone: ');
        setBusy(false);
        return;
      }
    }
    setRecent((r) => r.filter((x) => x.mute.id !== mute.id));
    setMessage(`No longer muted: ${mute.label}.`);
    setBusy(false);
    reload();
  }

  const shownIds = new Set((listings ?? []).map((l) => l.itemId));
  // A mute whose listing the filter now hides (muted while showing "New") keeps its Undo up here.
  const elsewhere = recent.filter((r) => !shownIds.has(r.itemId));

  return (
    <section className="listings-view" aria-labelledby={`${id}-title`}>
      <div className="listings-toolbar">
        <h3 id={`${id}-title`}>Listings</h3>
        <div className="field inline">
          <label htmlFor={`${id}-state`}>Show</label>
          <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as ListingState | '')}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint">What this alert found and told you, newest first (the latest 200).</p>

      <div aria-live="polite" role="status" className="sr-status">
        {message && <p className="notice">{message}</p>}
      </div>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
      {elsewhere.map(({ mute }) => (
        <p key={mute.id} className="notice undo-row">
          <span>Muted: {mute.label}</span>
          <button type="button" disabled={busy} aria-label={`Undo: ${mute.label}`} onClick={() => undo(mute)}>
            Undo
          </button>
        </p>
      ))}

      {error ? (
        <div className="error" role="alert">
          <p>{error}</p>
          <button type="button" onClick={reload}>
            Retry
          </button>
        </div>
      ) : !listings ? (
        loading && <p role="status">Loading listings…</p>
      ) : listings.length === 0 ? (
        <p className="empty">
          {state
            ? `No listings here (${FILTERS.find((f) => f.value === state)?.label}).`
            : 'No listings yet: they appear here once the alert has told you about some.'}
        </p>
      ) : (
        <ul className="listings" aria-busy={loading}>
          {listings.map((listing) => (
            <ListingRow
              key={listing.itemId}
              listing={listing}
              alertId={alertId}
              undoable={recent.filter((r) => r.itemId === listing.itemId).map((r) => r.mute)}
              busy={busy}
              onMute={(input) => mute(listing.itemId, input)}
              onUndo={undo}
              onUnauthorized={onUnauthorized}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
