import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Session } from './api';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';
import { clearSession, loadSession, saveSession, tokenFromLocation } from './session';

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [token] = useState<string | null>(() => tokenFromLocation());
  const [exchanging, setExchanging] = useState<boolean>(token !== null);
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
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
          </div>
        )}
      </header>
      <main>
        {exchanging ? (
          <p role="status">Signing you in…</p>
        ) : session ? (
          <Dashboard session={session} onUnauthorized={sessionExpired} />
        ) : (
          <SignIn initialError={signInError} />
        )}
      </main>
    </>
  );
}
