import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AlertListing, Mute } from './api';
import { muteableWords, shippingText } from './format';
import { ListingsView } from './ListingsView';
import { pricesInWords } from './ListingPriceChart';
import { bodyOf, json, mockFetch } from './test/http';

function listing(n: number, overrides: Partial<AlertListing> = {}): AlertListing {
  return {
    itemId: `v1|${n}|0`,
    title: `Listing ${n}`,
    imageUrl: `https://i.ebayimg.com/images/${n}.jpg`,
    itemWebUrl: `https://www.ebay.de/itm/${n}`,
    price: 100 + n,
    currency: 'EUR',
    shippingCost: 4.99,
    shippingType: 'FIXED',
    totalPrice: 104.99 + n,
    previousPrice: null,
    seller: `seller_${n}`,
    state: 'NEW',
    toldAt: '2026-12-01T08:00:00Z',
    endsAt: null,
    ...overrides,
  };
}

const mute = (overrides: Partial<Mute>): Mute => ({
  id: 'm1',
  alertId: 'a1',
  kind: 'LISTING',
  value: 'v1|1|0',
  label: 'Listing: Listing 1',
  createdAt: '2026-12-01T09:00:00Z',
  ...overrides,
});

const rowOf = (title: string) => screen.getByText(title).closest('li')!;
const listingCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('/api/alerts/a1/listings'));

describe('ListingsView', () => {
  it('shows each listing with picture, eBay link, price, shipping, seller and state, newest first', async () => {
    const fetchMock = mockFetch({
      'GET /api/alerts/a1/listings': () =>
        json({
          listings: [
            listing(1),
            listing(2, { state: 'DROPPED', price: 80, previousPrice: 95, shippingCost: 0, totalPrice: 80 }),
            listing(3, { state: 'ENDED', shippingCost: null, shippingType: 'CALCULATED', totalPrice: null }),
            listing(4, { state: 'MUTED', shippingCost: null, shippingType: 'NOT_SPECIFIED', totalPrice: null }),
            listing(5, {
              shippingCost: null,
              shippingType: null,
              totalPrice: null,
              seller: null,
              imageUrl: 'javascript:alert(1)',
              itemWebUrl: 'http://shop.example.com/5',
            }),
            listing(6, { imageUrl: null, itemWebUrl: 'javascript:alert(document.cookie)' }),
          ],
        }),
    });
    render(<ListingsView alertId="a1" />);

    const first = await screen.findByText('Listing 1');
    expect(listingCalls(fetchMock)).toEqual(['/api/alerts/a1/listings']);
    const titles = screen
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.listing-title')?.textContent?.slice(0, 9));
    expect(titles).toEqual(['Listing 1', 'Listing 2', 'Listing 3', 'Listing 4', 'Listing 5', 'Listing 6']);

    const one = within(rowOf('Listing 1'));
    expect(one.getByRole('link', { name: /Listing 1/ })).toHaveAttribute('href', 'https://www.ebay.de/itm/1');
    expect(one.getByRole('link', { name: /Listing 1/ })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(first.closest('li')!.querySelector('img')).toHaveAttribute('src', 'https://i.ebayimg.com/images/1.jpg');
    expect(one.getByText('New')).toBeInTheDocument();
    expect(one.getByText(/101\.00/)).toBeInTheDocument();
    expect(one.getByText(/\+ .*4\.99.* shipping/)).toBeInTheDocument();
    expect(one.getByText(/105\.99.* in total/)).toBeInTheDocument();
    expect(one.getByText('Seller seller_1')).toBeInTheDocument();

    const two = within(rowOf('Listing 2'));
    expect(two.getByText(/^Price drop: .*95\.00.* → .*80\.00/)).toBeInTheDocument();
    expect(two.getByText('Free shipping')).toBeInTheDocument();
    expect(two.queryByText(/in total/)).not.toBeInTheDocument();

    const three = within(rowOf('Listing 3'));
    expect(three.getByText('Ended')).toBeInTheDocument();
    expect(three.getByText('+ shipping (calculated at checkout)')).toBeInTheDocument();

    const four = within(rowOf('Listing 4'));
    expect(four.getByText('Muted')).toBeInTheDocument();
    expect(four.getByText('+ shipping (not stated)')).toBeInTheDocument();

    // Unknown shipping is never free; a link only to https eBay addresses; pictures only over http(s).
    const five = within(rowOf('Listing 5'));
    expect(five.getByText('+ shipping (not stated)')).toBeInTheDocument();
    expect(five.queryByRole('link')).not.toBeInTheDocument();
    expect(five.getByText('http://shop.example.com/5')).toBeInTheDocument();
    expect(rowOf('Listing 5').querySelector('img')).toBeNull();
    expect(five.queryByRole('button', { name: 'Mute seller' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Free shipping')).toHaveLength(1);

    expect(within(rowOf('Listing 6')).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByText(/document\.cookie/)).not.toBeInTheDocument();
  });

  it('sends the chosen state as a filter, and none for all listings', async () => {
    const fetchMock = mockFetch({
      'GET /api/alerts/a1/listings': (url) => {
        const state = new URL(url, 'http://x').searchParams.get('state');
        return json({
          listings: state === 'DROPPED' ? [listing(2, { state: 'DROPPED', previousPrice: 150 })] : [listing(1)],
        });
      },
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    await screen.findByText('Listing 1');

    await user.selectOptions(screen.getByLabelText('Show'), 'Price drops');
    expect(await screen.findByText('Listing 2')).toBeInTheDocument();
    expect(screen.queryByText('Listing 1')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Show'), 'Muted');
    await waitFor(() => expect(listingCalls(fetchMock).at(-1)).toBe('/api/alerts/a1/listings?state=MUTED'));
    await user.selectOptions(screen.getByLabelText('Show'), 'All listings');
    await waitFor(() => expect(listingCalls(fetchMock)).toHaveLength(4));
    expect(listingCalls(fetchMock)).toEqual([
      '/api/alerts/a1/listings',
      '/api/alerts/a1/listings?state=DROPPED',
      '/api/alerts/a1/listings?state=MUTED',
      '/api/alerts/a1/listings',
    ]);
  });

  it('says so when nothing was found, for all listings and for a state', async () => {
    mockFetch({ 'GET /api/alerts/a1/listings': () => json({ listings: [] }) });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    expect(await screen.findByText(/No listings yet/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Show'), 'Ended');
    expect(await screen.findByText('No listings here (Ended).')).toBeInTheDocument();
  });

  it('fetches a listing’s price history only when it is opened, with the item id encoded', async () => {
    const fetchMock = mockFetch({
      'GET /api/alerts/a1/listings': () => json({ listings: [listing(1), listing(2)] }),
      'GET /api/alerts/a1/listings/v1%7C2%7C0/prices': () =>
        json([
          { at: '2026-11-25T08:00:00Z', price: 120, currency: 'EUR' },
          { at: '2026-11-28T08:00:00Z', price: 99, currency: 'EUR' },
          { at: '2026-12-01T08:00:00Z', price: 102, currency: 'EUR' },
        ]),
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    await screen.findByText('Listing 2');
    const priceCalls = () => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.endsWith('/prices'));
    expect(priceCalls()).toEqual([]);

    const toggle = within(rowOf('Listing 2')).getByRole('button', { name: 'Price history' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const caption = await within(rowOf('Listing 2')).findByText(
      /^Lowest .*99\.00, highest .*120\.00 over 6 days; now .*102\.00\.$/,
    );
    expect(caption.closest('figure')).toBeInTheDocument();
    expect(rowOf('Listing 2').querySelector('.recharts-surface')).toBeInTheDocument();
    expect(priceCalls()).toEqual(['/api/alerts/a1/listings/v1%7C2%7C0/prices']);
  });

  it('marks a listing not interesting, shows it muted, and undoes that', async () => {
    let muted = false;
    const fetchMock = mockFetch({
      'GET /api/alerts/a1/listings': () => json({ listings: [listing(1, { state: muted ? 'MUTED' : 'NEW' })] }),
      'POST /api/mutes': (_u, init) => {
        muted = true;
        return json(mute({ ...bodyOf(init), id: 'm1', label: 'Listing: Listing 1' }), 201);
      },
      'DELETE /api/mutes/m1': () => {
        muted = false;
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    await screen.findByText('Listing 1');
    await user.click(within(rowOf('Listing 1')).getByRole('button', { name: 'Not interested' }));

    expect(await within(rowOf('Listing 1')).findByText('Muted')).toBeInTheDocument();
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(bodyOf(init)).toEqual({ alertId: 'a1', kind: 'LISTING', value: 'v1|1|0' });
    expect(listingCalls(fetchMock)).toHaveLength(2); // reloaded after muting

    await user.click(within(rowOf('Listing 1')).getByRole('button', { name: 'Undo: Listing: Listing 1' }));
    expect(await within(rowOf('Listing 1')).findByText('New')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, i]) => i?.method === 'DELETE').map(([u]) => u)).toEqual(['/api/mutes/m1']);
    expect(screen.getByText('No longer muted: Listing: Listing 1.')).toBeInTheDocument();
    expect(within(rowOf('Listing 1')).queryByRole('button', { name: /^Undo/ })).not.toBeInTheDocument();
  });

  it('mutes a seller for this alert or for all alerts', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      'GET /api/alerts/a1/listings': () => json({ listings: [listing(1, { seller: 'gadget_hub' })] }),
      'POST /api/mutes': (_u, init) => {
        const body = bodyOf(init);
        bodies.push(body);
        const everywhere = body.alertId === null;
        return json(
          mute({ ...body, id: `m${bodies.length}`, label: `Seller gadget_hub${everywhere ? ' (all alerts)' : ''}` }),
          201,
        );
      },
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    await screen.findByText('Listing 1');
    const row = () => within(rowOf('Listing 1'));

    await user.click(row().getByRole('button', { name: 'Mute seller' }));
    const choice = row().getByRole('group', { name: 'Mute seller gadget_hub in' });
    await user.click(within(choice).getByRole('button', { name: 'This alert' }));
    expect(await row().findByRole('button', { name: 'Undo: Seller gadget_hub' })).toBeInTheDocument();
    expect(row().queryByRole('group', { name: /Mute seller gadget_hub in/ })).not.toBeInTheDocument();

    await user.click(row().getByRole('button', { name: 'Mute seller' }));
    await user.click(row().getByRole('button', { name: 'All my alerts' }));
    expect(await row().findByRole('button', { name: 'Undo: Seller gadget_hub (all alerts)' })).toBeInTheDocument();
    expect(bodies).toEqual([
      { alertId: 'a1', kind: 'SELLER', value: 'gadget_hub' },
      { alertId: null, kind: 'SELLER', value: 'gadget_hub' },
    ]);
  });

  it('offers the title’s words to mute, for this alert or all alerts', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      'GET /api/alerts/a1/listings': () =>
        json({ listings: [listing(1, { title: 'Nintendo Switch OLED Case 64 GB in a Box, case' })] }),
      'POST /api/mutes': (_u, init) => {
        const body = bodyOf(init);
        bodies.push(body);
        return json(mute({ ...body, id: `m${bodies.length}`, label: `Word "${body.value}"` }), 201);
      },
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    const row = () => within(screen.getByText(/^Nintendo Switch/).closest('li')!);
    await screen.findByText(/^Nintendo Switch/);

    await user.click(row().getByRole('button', { name: 'Mute a word…' }));
    const words = row().getByRole('group', { name: 'Mute listings whose title has the word' });
    expect(
      within(words)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['nintendo', 'switch', 'oled', 'case', 'box']);
    await user.click(within(words).getByRole('button', { name: 'case' }));
    expect(await row().findByText('Muted: Word "case"')).toBeInTheDocument();

    await user.click(row().getByRole('button', { name: 'Mute a word…' }));
    await user.click(row().getByLabelText('In all my alerts'));
    await user.click(row().getByRole('button', { name: 'oled' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies).toEqual([
      { alertId: 'a1', kind: 'WORD', value: 'case' },
      { alertId: null, kind: 'WORD', value: 'oled' },
    ]);
  });

  it('keeps the Undo when the filter hides the listing just muted', async () => {
    let muted = false;
    const fetchMock = mockFetch({
      'GET /api/alerts/a1/listings': () => json({ listings: muted ? [] : [listing(1)] }),
      'POST /api/mutes': (_u, init) => {
        muted = true;
        return json(mute({ ...bodyOf(init), id: 'm7', label: 'Listing: Listing 1' }), 201);
      },
      'DELETE /api/mutes/m7': () => json({ title: 'Not Found', status: 404 }, 404),
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    await user.selectOptions(screen.getByLabelText('Show'), 'New');
    await user.click(await screen.findByRole('button', { name: 'Not interested' }));
    await waitFor(() => expect(screen.queryByText('Listing 1')).not.toBeInTheDocument());
    // Undone elsewhere already (404): the Undo here just goes away.
    await user.click(screen.getByRole('button', { name: 'Undo: Listing: Listing 1' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Undo/ })).not.toBeInTheDocument());
    expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/mutes/m7' && i?.method === 'DELETE')).toBe(true);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why a mute was refused', async () => {
    mockFetch({
      'GET /api/alerts/a1/listings': () => json({ listings: [listing(1)] }),
      'POST /api/mutes': () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'value must not be blank',
            errors: [{ field: 'value', message: 'must not be blank' }],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    render(<ListingsView alertId="a1" />);
    await user.click(await screen.findByRole('button', { name: 'Not interested' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not muted: value must not be blank');
  });
});

describe('listing helpers', () => {
  it('never calls unknown shipping free', () => {
    expect(shippingText({ shippingCost: null, shippingType: 'CALCULATED', currency: 'USD' })).toBe(
      '+ shipping (calculated at checkout)',
    );
    expect(shippingText({ shippingCost: null, shippingType: 'NOT_SPECIFIED', currency: 'USD' })).toBe(
      '+ shipping (not stated)',
    );
    expect(shippingText({ shippingCost: null, shippingType: 'FIXED', currency: 'USD' })).toBe(
      '+ shipping (not stated)',
    );
    expect(shippingText({ shippingCost: null, shippingType: null, currency: 'USD' })).toBe('+ shipping (not stated)');
    expect(shippingText({ shippingCost: 0, shippingType: 'FIXED', currency: 'USD' })).toBe('Free shipping');
  });

  it('offers title words of 3 letters or more, not numbers, lower-cased, once each', () => {
    expect(muteableWords('PS5 Controller – 2 x DualSense, Ø 15cm, controller 2024 für Kinder')).toEqual([
      'ps5',
      'controller',
      'dualsense',
      '15cm',
      'für',
      'kinder',
    ]);
  });

  it('puts a listing’s prices in words', () => {
    expect(pricesInWords([{ at: '2026-12-01T08:00:00Z', price: 10, currency: 'USD' }], 'USD')).toMatch(
      /^One price recorded: .*10\.00\.$/,
    );
  });
});
