import { useId, useState, type KeyboardEvent } from 'react';
import { api, ApiError, type SearchLinkAlert, type UnsupportedParameter } from './api';
import { isWebUrl } from './validation';

/**
 * Starts a new alert from a search made on eBay's website: the server reads the pasted link
 * (POST /api/search-links) and the form is filled in from it. What the link asks that an alert cannot
 * do is listed, so nothing is dropped without a word.
 */
export function EbayLinkImport({
  onImported,
  onUnauthorized,
}: {
  onImported: (alert: SearchLinkAlert) => void;
  onUnauthorized: () => void;
}) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState<UnsupportedParameter[] | null>(null);

  async function load() {
    const link = url.trim();
    setUnsupported(null);
    if (link === '') return setError('must be given: paste the address of an eBay search results page');
    if (!isWebUrl(link)) return setError('must be a web address such as https://www.ebay.com/sch/i.html?_nkw=switch');
    setError(null);
    setBusy(true);
    try {
      const result = await api.importSearchLink(link);
      onImported(result.alert);
      setUnsupported(result.unsupported ?? []);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return onUnauthorized();
      setError(
        e instanceof ApiError && e.fieldErrors.url ? e.fieldErrors.url : `could not be read: ${(e as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  }

  // Enter in this input reads the link; it must not submit the alert form around it.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!busy) load();
  }

  const inputId = `${id}-url`;
  return (
    <div className="link-import">
      <div className="field">
        <label htmlFor={inputId}>Paste an eBay search link</label>
        <div className="with-button">
          <input
            id={inputId}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://www.ebay.com/sch/i.html?_nkw=…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(' ')}
          />
          <button type="button" onClick={load} disabled={busy}>
            {busy ? 'Reading…' : 'Fill in from link'}
          </button>
        </div>
        <small id={`${inputId}-hint`} className="hint">
          Search on eBay’s website, copy the address of the results page and paste it here: the form below is filled in
          from it.
        </small>
        {error && (
          <span id={`${inputId}-error`} className="field-error">
            eBay search link {error}
          </span>
        )}
      </div>
      <div role="status" aria-live="polite">
        {unsupported && (
          <>
            <p className="notice">Filled in from the link: check the fields below before you create the alert.</p>
            {unsupported.length > 0 ? (
              <div className="not-carried">
                <p>Not carried over:</p>
                <ul>
                  {unsupported.map((p) => (
                    <li key={`${p.parameter}=${p.value}`}>
                      <code>
                        {p.parameter}={p.value}
                      </code>{' '}
                      — {p.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="hint">Everything in the link was carried over.</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
