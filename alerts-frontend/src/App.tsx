import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Session } from './api';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';
import { clearSession, loadSession, saveSession, tokenFromLocation } from './session';

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [pendingToken] = useState<string | null>(() => tokenFromLocation());
  // The link's token is exchanged only when the person presses the button: mail scanners open
  // links (some run scripts too) and must not use up a single-use sign-in link.
  const [token, setToken] = useState<string | null>(null);
  const [exchanging, setExchanging] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
    setExchanging(true);
    let cancelled = false;
    api
      .signIn(token)
      .then((s) => {
        if (cancelled) return;
        saveSession(s);
        setSession({ email: s.email, expiresAt: s.expiresAt });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setSignInError(
          e instanceof ApiError && e.status < 500
            ? 'This sign-in link has expired or was already used. Ask for a new one below.'
            : e instanceof Error
              ? e.message
              : 'Sign-in failed.',
        );
      })
      .finally(() => {
        if (cancelled) return;
        setExchanging(false);
        // Drop the single-use token from the address bar and history.
        window.history.replaceState(null, '', window.location.pathname);
      });
    return () => {
      cancelled = true;
    };
  }, [token]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // the cookie may already be gone; signing out locally is what matters
    }
    clearSession();
    setSession(null);
  }, []);

  const signOutEverywhere = useCallback(async () => {
    try {
      await api.signOutEverywhere();
    } catch {
      // already signed out here; the other sessions end when they are next used or expire
    }
    clearSession();
    setSession(null);
  }, []);

  const sessionExpired = useCallback(() => {
    clearSession();
    setSession(null);
    setSignInError('Your session has ended. Sign in again to see your alerts.');
  }, []);

  return (
    <>
      <header className="app-header">
        <h1>eBay alerts</h1>
        {session && (
          <div className="who">
            <span>{session.email}</span>
            <button type="button" className="link" onClick={signOut}>
              Sign out
            </button>
            <button type="button" className="link" onClick={signOutEverywhere}>
              Sign out everywhere
            </button>
          </div>
        )}
      </header>
      <main>
        {exchanging ? (
          <p role="status">Signing you in…</p>
        ) : pendingToken && !token && !session ? (
          <section className="card narrow" aria-labelledby="continue-title">
            <h2 id="continue-title">Sign in</h2>
            <p>You opened a sign-in link. It works once, for 15 minutes.</p>
            <button type="button" onClick={() => setToken(pendingToken)} autoFocus>
              Sign in to my alerts
            </button>
          </section>
        ) : session ? (
          <Dashboard session={session} onUnauthorized={sessionExpired} />
        ) : (
          <SignIn initialError={signInError} />
        )}
      </main>
    </>
  );
}
