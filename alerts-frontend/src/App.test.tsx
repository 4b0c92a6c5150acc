import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { bodyOf, json, mockFetch, page, signedIn } from './test/http';

afterEach(() => window.history.replaceState(null, '', '/'));

// Nothing stored and no sign-in link: the app first asks the server whether the cookie is valid.
const noSession = { 'GET /api/session': () => json({ title: 'Unauthorized', status: 401 }, 401) };
const apiCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([u, i]) => !(u === '/api/session' && (i?.method ?? 'GET') === 'GET'));

describe('sign-in', () => {
  it('posts the email for a sign-in link and says to check the inbox', async () => {
    const fetchMock = mockFetch({ ...noSession, 'POST /api/session/link': () => new Response(null, { status: 202 }) });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Email'), ' jane@example.com ');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));

    expect(await screen.findByText(/Check your inbox/)).toBeInTheDocument();
    expect(apiCalls(fetchMock)).toHaveLength(1);
    const [url, init] = apiCalls(fetchMock)[0];
    expect(url).toBe('/api/session/link');
    expect(init?.method).toBe('POST');
    expect(bodyOf(init)).toEqual({ email: 'jane@example.com' });
  });

  it('rejects an invalid address without calling the API', async () => {
    const fetchMock = mockFetch(noSession);
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText('Email'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Enter an email address/);
    expect(apiCalls(fetchMock)).toHaveLength(0);
  });

  it('exchanges a #/signin?token= link for a session, then lists the alerts', async () => {
    window.history.replaceState(null, '', '/#/signin?token=abc123');
    const fetchMock = mockFetch({
      'POST /api/session': () =>
        json({ token: 'session-token', email: 'jane@example.com', expiresAt: '2099-01-01T00:00:00Z' }),
      'GET /api/alerts/frequencies': () => json({ frequencies: [2, 10, 30] }),
      'GET /api/alerts?': () => json(page([], 0, 0)),
    });
    const user = userEvent.setup();
    render(<App />);
    expect(fetchMock).not.toHaveBeenCalled(); // opening the link alone must not use it up
    await user.click(screen.getByRole('button', { name: 'Sign in to my alerts' }));
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
    expect(screen.getByText('jane@example.com')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/session');
    expect(bodyOf(init)).toEqual({ token: 'abc123' });
    expect(window.location.href).not.toContain('abc123');
    // the token itself stays in the HTTP-only cookie, never in storage
    expect(JSON.stringify(localStorage)).not.toContain('session-token');
  });

  it('exchanges a ?token= link and reports an expired one', async () => {
    window.history.replaceState(null, '', '/?token=old');
    mockFetch({ 'POST /api/session': () => json({ title: 'Bad Request', status: 400 }, 400) });
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Sign in to my alerts' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/expired or was already used/);
  });

  it('goes straight to the alerts when the cookie is valid but nothing is stored here', async () => {
    const fetchMock = mockFetch({
      'GET /api/session': () =>
        json({
          email: 'jane@example.com',
          limits: {
            alerts: { used: 0, max: 25 },
            searches: { used: 0, max: 10 },
            ebayCallsToday: { used: 0, max: 1000 },
          },
        }),
      'GET /api/alerts/frequencies': () => json({ frequencies: [2, 10, 30] }),
      'GET /api/alerts?': () => json(page([], 0, 0)),
    });
    render(<App />);
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Your alerts' })).toBeInTheDocument();
    expect(screen.getByText('jane@example.com')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/session');
    // kept like a session signed in here, to prefill the alert form next time
    expect(JSON.parse(localStorage.getItem('ebay-alerts.session')!).email).toBe('jane@example.com');
  });

  it('shows the sign-in form when the server answers 401 to who is signed in', async () => {
    const fetchMock = mockFetch(noSession);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your alerts' })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([u]) => u)).toEqual(['/api/session']);
  });

  it('offers to try again when the server does not answer who is signed in', async () => {
    let up = false;
    mockFetch({
      'GET /api/session': () =>
        up ? json({ title: 'Unauthorized', status: 401 }, 401) : json({ title: 'Bad Gateway', status: 502 }, 502),
    });
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Bad Gateway');
    up = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('does not ask who is signed in when an address is stored', async () => {
    signedIn();
    const fetchMock = mockFetch({
      'GET /api/alerts/frequencies': () => json({ frequencies: [2, 10, 30] }),
      'GET /api/alerts?': () => json(page([], 0, 0)),
    });
    render(<App />);
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
    expect(fetchMock.mock.calls[0][0]).not.toBe('/api/session');
  });

  it('signs out with DELETE /api/session', async () => {
    signedIn();
    const fetchMock = mockFetch({
      'GET /api/alerts/frequencies': () => json({ frequencies: [2, 10, 30] }),
      'GET /api/alerts?': () => json(page([], 0, 0)),
      'DELETE /api/session': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/session' && i?.method === 'DELETE')).toBe(true),
    );
  });

  it('signs out everywhere with DELETE /api/sessions', async () => {
    signedIn();
    const fetchMock = mockFetch({
      'GET /api/alerts/frequencies': () => json({ frequencies: [2, 10, 30] }),
      'GET /api/alerts?': () => json(page([], 0, 0)),
      'DELETE /api/sessions': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/sessions' && i?.method === 'DELETE')).toBe(true);
  });
});
