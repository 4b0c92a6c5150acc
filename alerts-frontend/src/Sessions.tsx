import { useEffect, useState } from 'react';
import { api, ApiError, type SessionInfo } from './api';

/** Where the address is signed in; any other session can be ended here (its token stops working). */
export function SessionsPanel({ onUnauthorized }: { onUnauthorized: () => void }) {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.sessions().then(
      (list) => !cancelled && setSessions(Array.isArray(list) ? list : null),
      (e) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
        else setSessions(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [reloadKey, onUnauthorized]);

  async function end(session: SessionInfo) {
    setError(null);
    try {
      await api.endSession(session.id);
      setReloadKey((k) => k + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not end the session.');
    }
  }

  if (!sessions) return null;
  return (
    <details className="sessions">
      <summary>Where you are signed in ({sessions.length})</summary>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            <span>
              {s.userAgent ?? 'Unknown browser'} · since {new Date(s.createdAt).toLocaleString()}
            </span>{' '}
            {s.current ? (
              <em>this browser</em>
            ) : (
              <button
                type="button"
                className="link"
                onClick={() => end(s)}
                aria-label={`End session since ${new Date(s.createdAt).toLocaleString()}`}
              >
                End
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="warn">{error}</p>}
    </details>
  );
}
