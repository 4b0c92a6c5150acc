import { useEffect, useId, useState } from 'react';
import { api, ApiError, type Alert, type MuteSuggestion } from './api';

const KEY = 'ebay-alerts.dismissed-suggestions';
const keyOf = (s: MuteSuggestion) => `${s.kind}:${s.value}`;

// Dismissing is this browser tab's business only: the server would suggest the same again.
function dismissed(alertId: string): string[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(`${KEY}.${alertId}`) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

function dismiss(alertId: string, suggestion: MuteSuggestion): void {
  const list = [...new Set([...dismissed(alertId), keyOf(suggestion)])];
  sessionStorage.setItem(`${KEY}.${alertId}`, JSON.stringify(list));
}

const FIELD_NAMES: Record<MuteSuggestion['field'], string> = {
  excludeWords: 'excluded words',
  excludedSellers: 'excluded sellers',
  excludedCategoryIds: 'excluded categories',
};

/**
 * What the alert's mutes have in common, offered as a filter of the alert itself ("Exclude the word
 * "case"? 7 of your 9 mutes contain it"): a filter keeps such listings from being searched at all.
 */
export function MuteSuggestions({
  alert,
  onChanged,
  onUnauthorized,
}: {
  alert: Alert;
  /** After the alert changed on the server: reload it. */
  onChanged?: () => void;
  onUnauthorized?: () => void;
}) {
  const id = useId();
  const [suggestions, setSuggestions] = useState<MuteSuggestion[]>([]);
  const [hidden, setHidden] = useState<string[]>(() => dismissed(alert.id));
  const [reloadKey, setReloadKey] = useState(0);
  // The answer of the last PATCH: newer than the alert passed in until the list is reloaded.
  const [latest, setLatest] = useState<Alert | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = latest && latest.id === alert.id && latest.version > alert.version ? latest : alert;

  useEffect(() => {
    let cancelled = false;
    api.muteSuggestions(alert.id).then(
      (list) => !cancelled && setSuggestions(Array.isArray(list) ? list : []),
      (e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized?.();
        // Suggestions are a help, not the page: without them nothing is shown.
        setSuggestions([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [alert.id, reloadKey, onUnauthorized]);

  async function apply(suggestion: MuteSuggestion) {
    setBusy(true);
    setError(null);
    try {
      const updated = await api.addToFilter(current, suggestion.field, suggestion.value);
      setLatest(updated);
      setMessage(`“${suggestion.value}” added to the alert’s ${FIELD_NAMES[suggestion.field] ?? suggestion.field}.`);
      setReloadKey((k) => k + 1);
      onChanged?.();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized?.();
      else if (e instanceof ApiError && e.status === 409) {
        setError('This alert was changed elsewhere; it has been reloaded. Try again.');
        onChanged?.();
      } else {
        const fieldError = e instanceof ApiError ? Object.values(e.fieldErrors)[0] : undefined;
        setError(`Not added: ${fieldError ?? (e as Error).message}`);
      }
    } finally {
      setBusy(false);
    }
  }

  function hide(suggestion: MuteSuggestion) {
    dismiss(alert.id, suggestion);
    setHidden(dismissed(alert.id));
  }

  const inFilter = (s: MuteSuggestion) =>
    (current[s.field] ?? []).some((v) => v.toLowerCase() === s.value.toLowerCase());
  const shown = suggestions.filter((s) => !hidden.includes(keyOf(s)) && !inFilter(s));

  return (
    <>
      <div aria-live="polite" role="status" className="sr-status">
        {message && <p className="notice">{message}</p>}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown.length > 0 && (
        <section className="mute-suggestions" aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`}>Suggested from your mutes</h3>
          <ul>
            {shown.map((s) => (
              <li key={keyOf(s)}>
                <span className="suggestion-text">{s.text}</span>
                <span className="suggestion-actions">
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Add to filter: ${s.value}`}
                    onClick={() => apply(s)}
                  >
                    Add to filter
                  </button>
                  <button type="button" className="link" aria-label={`Dismiss: ${s.value}`} onClick={() => hide(s)}>
                    Dismiss
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
