import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { bodyOf, json, mockFetch, page, signedIn } from './test/http';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('sign-in', () => {
  it('posts the email for a sign-in link and says to check the inbox', async () => {
    const fetchMock = mockFetch({ 'POST /api/session/link': () => new Response(null, { status: 202 }) });
    const user = userEvent.setup();
    render(<App />);
    await user.type(screen.getByLabelText('Email'), ' jane@example.com ');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));

    expect(await screen.findByText(/Check your inbox/)).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/session/link');
    expect(init?.method).toBe('POST');
    expect(bodyOf(init)).toEqual({ email: 'jane@example.com' });
  });

  it('rejects an invalid address without calling the API', async () => {
    const fetchMock = mockFetch({});
    const user = userEvent.setup();
    render(<App />);
    await user.type(screen.getByLabelText('Email'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Enter an email address/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('exchanges a #/signin?token= link for a session, then lists the alerts', async () => {
    window.history.replaceState(null, '', '/#/signin?token=abc123');
    const fetchMock = mockFetch({
      'POST /api/session': () => json({ token: 'session-token', email: 'jane@example.com', expiresAt: '2099-01-01T00:00:00Z' }),
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
    await waitFor(() => expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/session' && i?.method === 'DELETE')).toBe(true));
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
