import type { Session } from './api';

// The session token itself lives in the HTTP-only cookie the API sets; only who is signed in and
// until when is kept here, to prefill the form and to show the sign-in screen once it expires.
const KEY = 'ebay-alerts.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.email || (session.expiresAt && new Date(session.expiresAt).getTime() < Date.now())) {
      localStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify({ email: session.email, expiresAt: session.expiresAt }));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

/** The sign-in token from `?token=` or `#/signin?token=`, if the page was opened from a link. */
export function tokenFromLocation(location: Location = window.location): string | null {
  const fromSearch = new URLSearchParams(location.search).get('token');
  if (fromSearch) return fromSearch;
  const hash = location.hash.replace(/^#/, '');
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('token');
}
