import { useEffect, useId, useState } from 'react';
import { api, ApiError, type Mute } from './api';
import { formatTime } from './format';

/** What is muted for the alert: its own mutes and the address's mutes for all alerts, each undoable. */
export function MutesList({ alertId, onUnauthorized }: { alertId: string; onUnauthorized?: () => void }) {
  const id = useId();
  const [mutes, setMutes] = useState<Mute[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.mutes().then(
      (all) => {
        if (cancelled) return;
        setError(null);
        setMutes((Array.isArray(all) ? all : []).filter((m) => m.alertId === alertId || m.alertId === null));
      },
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized?.();
        else setError(`The mutes are unavailable: ${(e as Error).message}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [alertId, reloadKey, onUnauthorized]);

  async function undo(mute: Mute) {
    setError(null);
    try {
      await api.unmute(mute.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return onUnauthorized?.();
      // 404: it was undone already (from the listings or another tab); the list just catches up.
      if (!(e instanceof ApiError && e.status === 404)) {
        setError(`Not undone: ${(e as Error).message}`);
        return;
      }
    }
    setMutes((list) => list && list.filter((m) => m.id !== mute.id));
    setMessage(`No longer muted: ${mute.label}.`);
  }

  return (
    <section className="mutes" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Muted for this alert</h3>
      <div aria-live="polite" role="status" className="sr-status">
        {message && <p className="notice">{message}</p>}
      </div>
      {error && (
        <div className="error" role="alert">
          <p>{error}</p>
          <button type="button" onClick={() => setReloadKey((k) => k + 1)}>
            Retry
          </button>
        </div>
      )}
      {!mutes ? (
        !error && <p role="status">Loading mutes…</p>
      ) : mutes.length === 0 ? (
        <p className="empty">
          Nothing is muted for this alert. “Not interested”, “Mute seller” and “Mute a word…” on its listings (or in its
          emails) add mutes here.
        </p>
      ) : (
        <ul className="mute-list">
          {mutes.map((mute) => (
            <li key={mute.id}>
              <span className="mute-label">{mute.label}</span>
              {/* The server's label usually says so already; a global mute is marked either way. */}
              {mute.alertId === null && !/all alerts/i.test(mute.label) && (
                <span className="badge off">all alerts</span>
              )}
              <span className="hint">since {formatTime(mute.createdAt)}</span>
              <button type="button" aria-label={`Undo: ${mute.label}`} onClick={() => undo(mute)}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
