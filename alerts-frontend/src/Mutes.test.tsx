import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertDetail } from './AlertDetail';
import type { Mute, MuteSuggestion } from './api';
import { MutesList } from './MutesList';
import { MuteSuggestions } from './MuteSuggestions';
import { alert, bodyOf, json, mockFetch } from './test/http';

afterEach(() => sessionStorage.clear());

const mutes: Mute[] = [
  { id: 'm3', alertId: null, kind: 'WORD', value: 'broken', label: 'Word "broken"', createdAt: '2026-12-01T10:00:00Z' },
  {
    id: 'm2',
    alertId: 'id-1',
    kind: 'LISTING',
    value: 'v1|9|0',
    label: 'Listing: Nintendo Switch OLED case',
    createdAt: '2026-12-01T09:00:00Z',
  },
  {
    id: 'm1',
    alertId: 'id-2',
    kind: 'SELLER',
    value: 'other',
    label: 'Seller other',
    createdAt: '2026-12-01T08:00:00Z',
  },
  {
    id: 'm0',
    alertId: null,
    kind: 'SELLER',
    value: 'gadget_hub',
    label: 'Seller gadget_hub (all alerts)',
    createdAt: '2026-12-01T07:00:00Z',
  },
];

const caseSuggestion: MuteSuggestion = {
  kind: 'WORD',
  value: 'case',
  matches: 7,
  of: 9,
  text: 'Exclude the word "case"? 7 of your 9 mutes contain it',
  field: 'excludeWords',
};
const sellerSuggestion: MuteSuggestion = {
  kind: 'SELLER',
  value: 'gadget_hub',
  matches: 4,
  of: 9,
  text: 'Leave out seller gadget_hub? 4 of your 9 mutes are theirs',
  field: 'excludedSellers',
};

describe('MutesList', () => {
  it('lists the alert’s mutes and those for all alerts, and undoes one', async () => {
    const fetchMock = mockFetch({
      'GET /api/mutes': () => json(mutes),
      'DELETE /api/mutes/m2': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    render(<MutesList alertId="id-1" />);
    const list = await screen.findByRole('region', { name: 'Muted for this alert' });
    const items = await within(list).findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.mute-label')?.textContent)).toEqual([
      'Word "broken"',
      'Listing: Nintendo Switch OLED case',
      'Seller gadget_hub (all alerts)',
    ]);
    // global ones are marked (once: the server's label may say so itself)
    expect(within(items[0]).getByText('all alerts')).toHaveClass('badge');
    expect(within(items[1]).queryByText('all alerts')).not.toBeInTheDocument();
    expect(within(items[2]).queryByText('all alerts', { selector: '.badge' })).not.toBeInTheDocument();
    expect(screen.queryByText('Seller other')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo: Listing: Nintendo Switch OLED case' }));
    await waitFor(() => expect(screen.queryByText('Listing: Nintendo Switch OLED case')).not.toBeInTheDocument());
    expect(screen.getByText('No longer muted: Listing: Nintendo Switch OLED case.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, i]) => i?.method === 'DELETE').map(([u]) => u)).toEqual(['/api/mutes/m2']);
  });

  it('says so when nothing is muted', async () => {
    mockFetch({ 'GET /api/mutes': () => json([mutes[2]]) });
    render(<MutesList alertId="id-1" />);
    expect(await screen.findByText(/Nothing is muted for this alert/)).toBeInTheDocument();
  });

  it('shows a failed undo and keeps the mute', async () => {
    mockFetch({
      'GET /api/mutes': () => json(mutes),
      'DELETE /api/mutes/m3': () => json({ title: 'Internal Server Error', status: 500 }, 500),
    });
    const user = userEvent.setup();
    render(<MutesList alertId="id-1" />);
    await user.click(await screen.findByRole('button', { name: 'Undo: Word "broken"' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not undone: Internal Server Error');
    expect(screen.getByText('Word "broken"')).toBeInTheDocument();
  });
});

describe('MuteSuggestions', () => {
  it('adds a suggestion to the alert’s filter with a merge patch, and it goes away', async () => {
    let suggestions = [caseSuggestion, sellerSuggestion];
    const onChanged = vi.fn();
    const fetchMock = mockFetch({
      'GET /api/alerts/id-1/mute-suggestions': () => json({ suggestions }),
      'PATCH /api/alerts/id-1': (_u, init) => {
        suggestions = [sellerSuggestion];
        return json(alert(1, { ...bodyOf(init), version: 4 }));
      },
    });
    const user = userEvent.setup();
    render(<MuteSuggestions alert={alert(1, { version: 3, excludeWords: ['broken'] })} onChanged={onChanged} />);
    const banner = await screen.findByRole('region', { name: 'Suggested from your mutes' });
    expect(within(banner).getByText('Exclude the word "case"? 7 of your 9 mutes contain it')).toBeInTheDocument();

    await user.click(within(banner).getByRole('button', { name: 'Add to filter: case' }));
    await waitFor(() => expect(screen.queryByText(/Exclude the word "case"/)).not.toBeInTheDocument());
    expect(screen.getByText('“case” added to the alert’s excluded words.')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(url).toBe('/api/alerts/id-1');
    expect(bodyOf(init)).toEqual({ excludeWords: ['broken', 'case'], version: 3 });
    expect(new Headers(init!.headers).get('Content-Type')).toBe('application/merge-patch+json');
    expect(onChanged).toHaveBeenCalled();

    // the next one builds on the answer, before the list of alerts is reloaded
    await user.click(screen.getByRole('button', { name: 'Add to filter: gadget_hub' }));
    await waitFor(() => expect(fetchMock.mock.calls.filter(([, i]) => i?.method === 'PATCH')).toHaveLength(2));
    const [, second] = fetchMock.mock.calls.filter(([, i]) => i?.method === 'PATCH')[1];
    expect(bodyOf(second)).toEqual({ excludedSellers: ['gadget_hub'], version: 4 });
  });

  it('dismisses a suggestion for this browser tab only, per alert', async () => {
    const fetchMock = mockFetch({
      'GET /api/alerts/id-1/mute-suggestions': () => json({ suggestions: [caseSuggestion, sellerSuggestion] }),
      'GET /api/alerts/id-2/mute-suggestions': () => json({ suggestions: [caseSuggestion] }),
    });
    const user = userEvent.setup();
    const { unmount } = render(<MuteSuggestions alert={alert(1)} />);
    await user.click(await screen.findByRole('button', { name: 'Dismiss: case' }));
    expect(screen.queryByText(/Exclude the word "case"/)).not.toBeInTheDocument();
    expect(screen.getByText(/Leave out seller gadget_hub/)).toBeInTheDocument();
    unmount();

    render(<MuteSuggestions alert={alert(1)} />);
    expect(await screen.findByText(/Leave out seller gadget_hub/)).toBeInTheDocument();
    expect(screen.queryByText(/Exclude the word "case"/)).not.toBeInTheDocument();
    render(<MuteSuggestions alert={alert(2)} />);
    expect(await screen.findByText(/Exclude the word "case"/)).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([, i]) => i?.method && i.method !== 'GET')).toBe(false);
  });

  it('shows nothing when there are no suggestions or the service has none', async () => {
    let fetchMock = mockFetch({ 'GET /api/alerts/id-1/mute-suggestions': () => json({ suggestions: [] }) });
    const { unmount } = render(<MuteSuggestions alert={alert(1)} />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    unmount();

    // A service without suggestions answers 404.
    fetchMock = mockFetch({});
    render(<MuteSuggestions alert={alert(1)} />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('says so when the alert was changed elsewhere', async () => {
    const onChanged = vi.fn();
    mockFetch({
      'GET /api/alerts/id-1/mute-suggestions': () => json({ suggestions: [caseSuggestion] }),
      'PATCH /api/alerts/id-1': () => json({ title: 'Conflict', status: 409 }, 409),
    });
    const user = userEvent.setup();
    render(<MuteSuggestions alert={alert(1)} onChanged={onChanged} />);
    await user.click(await screen.findByRole('button', { name: 'Add to filter: case' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/changed elsewhere/);
    expect(onChanged).toHaveBeenCalled();
  });
});

describe('AlertDetail tabs', () => {
  it('shows prices first, then the listings and the mutes on their tabs, from the keyboard too', async () => {
    const fetchMock = mockFetch({
      'GET /api/alerts/id-1/price-history': () => json([]),
      'GET /api/alerts/id-1/insights': () => json({ alertId: 'id-1', from: null, to: null, currencies: [] }),
      'GET /api/alerts/id-1/listings': () => json({ listings: [] }),
      'GET /api/mutes': () => json(mutes),
    });
    const user = userEvent.setup();
    render(<AlertDetail alert={alert(1)} />);
    const prices = screen.getByRole('tab', { name: 'Prices' });
    expect(prices).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('No prices recorded yet for this alert.')).toBeInTheDocument();
    const calls = () => fetchMock.mock.calls.map(([u]) => String(u));
    expect(calls().some((u) => u.includes('/listings') || u === '/api/mutes')).toBe(false);

    await user.click(screen.getByRole('tab', { name: 'Listings' }));
    expect(await screen.findByRole('tabpanel', { name: 'Listings' })).toHaveTextContent(/No listings yet/);

    screen.getByRole('tab', { name: 'Listings' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Muted' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Muted' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Listing: Nintendo Switch OLED case')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(prices).toHaveFocus();
  });
});
