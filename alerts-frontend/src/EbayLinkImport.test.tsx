import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderForm } from './test/form';
import { alert, bodyOf, json, mockFetch } from './test/http';

const LINK = 'https://www.ebay.co.uk/sch/i.html?_nkw=iphone+13+-cracked&_sacat=9355&_udhi=400&LH_Auction=1&LH_Sold=1';

const read = {
  alert: {
    searchPhrase: 'iphone 13',
    marketplace: 'EBAY_GB',
    currency: 'GBP',
    minPrice: null,
    maxPrice: 400,
    condition: 'USED',
    buyingOption: 'AUCTION',
    freeShippingOnly: true,
    returnsAccepted: false,
    itemLocationCountry: 'GB',
    categoryIds: ['9355'],
    excludeWords: ['cracked'],
    sellers: ['phone_shop'],
  },
  unsupported: [
    { parameter: 'LH_Sold', value: '1', reason: 'sold listings are not live: an alert watches live listings' },
    { parameter: '_sop', value: '15', reason: 'an alert tells new listings as they appear, in no other order' },
  ],
};

describe('EbayLinkImport', () => {
  it('fills the form from a pasted eBay search link and lists what it did not carry over', async () => {
    const fetchMock = mockFetch({
      'POST /api/search-links': () => json(read),
      'POST /api/alerts': () => json(alert(7), 201),
    });
    const user = userEvent.setup();
    const props = renderForm();
    await user.type(screen.getByLabelText('Min price'), '50');
    await user.click(screen.getByLabelText('Paste an eBay search link'));
    await user.paste(LINK);
    await user.click(screen.getByRole('button', { name: 'Fill in from link' }));

    expect(await screen.findByText(/Filled in from the link/)).toBeInTheDocument();
    const [, init] = fetchMock.mock.calls.find(([u]) => u === '/api/search-links')!;
    expect(bodyOf(init)).toEqual({ url: LINK });
    expect(screen.getByLabelText('Search phrase')).toHaveValue('iphone 13');
    expect(screen.getByLabelText('eBay site')).toHaveValue('EBAY_GB');
    expect(screen.getByLabelText('Max price')).toHaveValue('400');
    expect(screen.getByLabelText('Max price')).toHaveAccessibleDescription('in GBP');
    // The link has no minimum price: the one typed before is gone.
    expect(screen.getByLabelText('Min price')).toHaveValue('');
    expect(screen.getByLabelText('Condition')).toHaveValue('USED');
    expect(screen.getByLabelText('Buying format')).toHaveValue('AUCTION');
    expect(screen.getByLabelText('Exclude words')).toHaveValue('cracked');
    expect(within(screen.getByRole('list', { name: 'Only in:' })).getByText('Category 9355')).toBeInTheDocument();
    // Filters of "More filters" came with the link: it opens to show them.
    expect(screen.getByRole('button', { name: 'More filters' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Free shipping only')).toBeChecked();
    expect(screen.getByLabelText('Item located in')).toHaveValue('GB');
    expect(screen.getByLabelText('Only from sellers')).toHaveValue('phone_shop');

    const notCarried = screen.getByText('Not carried over:').parentElement!;
    expect(
      within(notCarried)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'LH_Sold=1 — sold listings are not live: an alert watches live listings',
      '_sop=15 — an alert tells new listings as they appear, in no other order',
    ]);

    await user.selectOptions(screen.getByLabelText('Check every'), '30');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));
    await waitFor(() => expect(props.onSaved).toHaveBeenCalled());
    const [, created] = fetchMock.mock.calls.find(([u]) => u === '/api/alerts')!;
    expect(bodyOf(created)).toMatchObject({
      searchPhrase: 'iphone 13',
      marketplace: 'EBAY_GB',
      currency: 'GBP',
      minPrice: null,
      maxPrice: 400,
      condition: 'USED',
      buyingOption: 'AUCTION',
      freeShippingOnly: true,
      itemLocationCountry: 'GB',
      categoryIds: ['9355'],
      excludeWords: ['cracked'],
      sellers: ['phone_shop'],
      frequencyMinutes: 30,
    });
  });

  it('says so when everything in the link was carried over, reading it on Enter without submitting the form', async () => {
    const fetchMock = mockFetch({ 'POST /api/search-links': () => json({ ...read, unsupported: [] }) });
    const user = userEvent.setup();
    const props = renderForm();
    // A form that could be sent as it is: Enter in the link field still only reads the link.
    await user.type(screen.getByLabelText('Search phrase'), 'iphone');
    await user.selectOptions(screen.getByLabelText('Check every'), '10');
    await user.click(screen.getByLabelText('Paste an eBay search link'));
    await user.paste(LINK);
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Everything in the link was carried over.')).toBeInTheDocument();
    expect(screen.queryByText('Not carried over:')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([u]) => u)).toEqual(['/api/search-links']);
    expect(screen.queryByText('Please correct the highlighted fields.')).not.toBeInTheDocument();
    expect(props.onSaved).not.toHaveBeenCalled();
  });

  it('shows the server’s 400 on the link field and leaves the form as it was', async () => {
    mockFetch({
      'POST /api/search-links': () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'The link is not valid.',
            errors: [
              {
                field: 'url',
                message: 'must be a link to eBay search results, such as https://www.ebay.com/sch/i.html?_nkw=switch',
              },
            ],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText('Search phrase'), 'switch');
    const link = screen.getByLabelText('Paste an eBay search link');
    await user.click(link);
    await user.paste('https://www.ebay.com/itm/1234567890');
    await user.click(screen.getByRole('button', { name: 'Fill in from link' }));

    await waitFor(() => expect(link).toHaveAttribute('aria-invalid', 'true'));
    expect(link).toHaveAccessibleDescription(/eBay search link must be a link to eBay search results/);
    expect(screen.getByLabelText('Search phrase')).toHaveValue('switch');
    expect(screen.queryByText(/Filled in from the link/)).not.toBeInTheDocument();
  });

  it('asks for a web address before calling the server', async () => {
    const fetchMock = mockFetch({});
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Fill in from link' }));
    expect(screen.getByLabelText('Paste an eBay search link')).toHaveAccessibleDescription(
      /eBay search link must be given/,
    );
    await user.type(screen.getByLabelText('Paste an eBay search link'), 'iphone 13');
    await user.click(screen.getByRole('button', { name: 'Fill in from link' }));
    expect(screen.getByLabelText('Paste an eBay search link')).toHaveAccessibleDescription(/must be a web address/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('is only offered for a new alert', () => {
    renderForm({ alert: alert(1) });
    expect(screen.queryByLabelText('Paste an eBay search link')).not.toBeInTheDocument();
  });
});
