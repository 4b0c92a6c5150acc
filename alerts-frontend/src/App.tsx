import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Session } from './api';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';
import { clearSession, loadSession, saveSession, tokenFromLocation } from './session';

/** Asking the server who is signed in (nothing stored here), and how that went when it failed. */
type Check = 'asking' | 'done' | { error: string };

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [pendingToken] = useState<string | null>(() => tokenFromLocation());
  // Nothing stored here does not mean signed out: storage may have been cleared, or this is another
  // browser profile's tab with the cookie. The cookie is HTTP-only, so only the server can tell. A
  // sign-in link is not skipped for it: it may be for another address.
  const [check, setCheck] = useState<Check>(() => (session || pendingToken ? 'done' : 'asking'));
  // The link's token is exchanged only when the person presses the button: mail scanners open
  // links (some run scripts too) and must not use up a single-use sign-in link.
  const [token, setToken] = useState<string | null>(null);
  const [exchanging, setExchanging] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    if (check !== 'asking') return;
    let cancelled = false;
    api
      .currentSession()
      .then((current) => {
        if (cancelled) return;
        const known: Session = { email: current.email, expiresAt: '' };
        saveSession(known);
        setSession(known);
        setCheck('done');
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        // 401 (and any other refusal) means: sign in. A server that does not answer says nothing.
        if (e instanceof ApiError && e.status >= 400 && e.status < 500) setCheck('done');
        else setCheck({ error: e instanceof Error ? e.message : 'Cannot reach the server.' });
      });
    return () => {
      cancelled = true;
    };
  }, [check]);

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
        ) : check === 'asking' ? (
          <p role="status">Loading…</p>
        ) : typeof check === 'object' ? (
          <div className="error narrow" role="alert">
            <p>{check.error}</p>
            <button type="button" onClick={() => setCheck('asking')}>
              Try again
            </button>
          </div>
        ) : pendingToken && !token && !session ? (
          <section className="card narrow" aria-labelledby="continue-title">
            <h2 id="continue-title">Sign in</h2>
            <p>You opened a sign-in link. It works once, for 15 minutes.</p>
            <button
              type="button"
              onClick={() => {
                setExchanging(true);
                setToken(pendingToken);
              }}
              autoFocus
            >
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
