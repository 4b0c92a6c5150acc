import { useState, type FormEvent } from 'react';
import { api, ApiError } from './api';

export function SignIn({ initialError }: { initialError: string | null }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(initialError);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      setError('Enter an email address such as jane@example.com.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.requestSignInLink(address);
      setSent(address);
    } catch (e) {
      setError(e instanceof ApiError && e.fieldErrors.email ? `Email ${e.fieldErrors.email}` : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow" aria-labelledby="signin-title">
      <h2 id="signin-title">Sign in</h2>
      <p>We email you a sign-in link: no password needed.</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="signin-email">Email</label>
          <input
            id="signin-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
            required
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </form>
      <div aria-live="polite" role="status">
        {sent && (
          <p className="notice">
            Check your inbox: a sign-in link is on its way to <strong>{sent}</strong>. It works once, for 15 minutes.
          </p>
        )}
      </div>
      <div aria-live="assertive">
        {error && (
          <p id="signin-error" className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
