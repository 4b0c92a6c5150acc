import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderForm } from './test/form';
import { alert, bodyOf, json, mockFetch } from './test/http';

describe('AlertForm', () => {
  it('prefills the signed-in email read-only', () => {
    renderForm();
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue('jane@example.com');
    expect(email).toHaveAttribute('readonly');
  });

  it('shows client-side errors next to their fields and sends nothing', async () => {
    const fetchMock = mockFetch({});
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText('Min price'), '300');
    await user.type(screen.getByLabelText('Max price'), '100');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(screen.getByLabelText('Search phrase')).toHaveAccessibleDescription(/must not be blank/);
    expect(screen.getByLabelText('Check every')).toHaveAccessibleDescription(/must be given/);
    expect(screen.getByLabelText('Max price')).toHaveAccessibleDescription(/greater than or equal to minPrice/);
    expect(screen.getByLabelText('Search phrase')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects a search phrase over 100 characters', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByLabelText('Search phrase'));
    await user.paste('x'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Create alert' }));
    expect(screen.getByLabelText('Search phrase')).toHaveAccessibleDescription(/at most 100 characters/);
  });

  it('rejects a frequency that is not one of the allowed ones', async () => {
    const user = userEvent.setup();
    // An alert saved with a frequency since removed from the server's set.
    renderForm({ alert: alert(1, { frequencyMinutes: 7 }), frequencies: [2, 10, 30] });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('Check every')).toHaveAccessibleDescription(/one of 2, 10, 30 minutes/);
  });

  it('posts a valid alert with parsed values', async () => {
    const created = alert(9, { searchPhrase: 'switch oled' });
    const fetchMock = mockFetch({ 'POST /api/alerts': () => json(created, 201) });
    const user = userEvent.setup();
    const props = renderForm();
    await user.type(screen.getByLabelText('Search phrase'), '  switch oled ');
    await user.selectOptions(screen.getByLabelText('Check every'), '10');
    await user.type(screen.getByLabelText('Max price'), '300');
    await user.type(screen.getByLabelText('Exclude words'), 'broken, parts box');
    await user.selectOptions(screen.getByLabelText('Condition'), 'USED');
    await user.click(screen.getByLabelText('New listings'));
    await user.type(screen.getByLabelText('Target price'), '250');
    await user.type(screen.getByLabelText('Quiet hours start'), '22:00');
    await user.type(screen.getByLabelText('Quiet hours end'), '07:30');
    await user.clear(screen.getByLabelText('Time zone'));
    await user.click(screen.getByLabelText('Time zone'));
    await user.paste('Europe/Berlin');
    await user.type(screen.getByLabelText('Max notices per day'), '20');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.click(screen.getByLabelText('Channel 2 Webhook URL'));
    await user.paste('https://example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.selectOptions(screen.getByLabelText('Channel 3 Type'), 'TELEGRAM');
    await user.click(screen.getByLabelText('Channel 3 Telegram chat id'));
    await user.paste('-1001234567890');
    await user.click(screen.getByLabelText('Channel 3 Enabled'));
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(props.onSaved).toHaveBeenCalledWith(created, true);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/alerts');
    expect(bodyOf(init)).toEqual({
      email: 'jane@example.com',
      searchPhrase: 'switch oled',
      frequencyMinutes: 10,
      minPrice: null,
      maxPrice: 300,
      currency: 'USD',
      condition: 'USED',
      buyingOption: 'ANY',
      excludeWords: ['broken', 'parts', 'box'],
      minDropPercent: 5,
      // The search filters a new alert starts with, sent explicitly.
      marketplace: 'EBAY_US',
      priceBasis: 'ITEM',
      shipToCountry: null,
      shipToPostalCode: null,
      freeShippingOnly: false,
      returnsAccepted: false,
      itemLocationCountry: null,
      categoryIds: [],
      excludedCategoryIds: [],
      sellers: [],
      excludedSellers: [],
      minSellerFeedbackScore: null,
      minSellerFeedbackPercent: null,
      minBids: null,
      maxBids: null,
      rules: {
        newListings: false,
        priceDrops: true,
        targetPrice: 250,
        endingSoonMinutes: null,
        quietStart: '22:00',
        quietEnd: '07:30',
        timeZone: 'Europe/Berlin',
        maxPerDay: 20,
      },
      channels: [
        { type: 'EMAIL', enabled: true },
        { type: 'WEBHOOK', url: 'https://example.com/hook', enabled: true },
        { type: 'TELEGRAM', chatId: '-1001234567890', enabled: false },
      ],
    });
  });

  it('starts a new alert in the browser’s time zone with an email channel to the signed-in address', () => {
    renderForm();
    expect(screen.getByLabelText('Time zone')).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(screen.getByLabelText('Channel 1 Type')).toHaveValue('EMAIL');
    expect(screen.getByText('To jane@example.com')).toBeInTheDocument();
    expect(screen.getByLabelText('New listings')).toBeChecked();
    expect(screen.getByLabelText('Price drops')).toBeChecked();
    // The only channel cannot be removed: an alert needs at least one.
    expect(screen.getByRole('button', { name: 'Remove channel 1' })).toBeDisabled();
  });

  it('shows client-side errors of rules and channels next to their inputs and focuses the first', async () => {
    const fetchMock = mockFetch({});
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText('Search phrase'), 'switch');
    await user.selectOptions(screen.getByLabelText('Check every'), '10');
    await user.type(screen.getByLabelText('Quiet hours start'), '22:00');
    await user.type(screen.getByLabelText('Auctions ending within (minutes)'), '20000');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.click(screen.getByLabelText('Channel 2 Webhook URL'));
    await user.paste('ftp://example.com/hook');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.selectOptions(screen.getByLabelText('Channel 3 Type'), 'TELEGRAM');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.selectOptions(screen.getByLabelText('Channel 4 Type'), 'EMAIL');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(screen.getByLabelText('Quiet hours end')).toHaveAccessibleDescription(/together with the start/);
    expect(screen.getByLabelText('Auctions ending within (minutes)')).toHaveAccessibleDescription(/from 1 to 10080/);
    expect(screen.getByLabelText('Channel 2 Webhook URL')).toHaveAccessibleDescription(/http\(s\) URL/);
    expect(screen.getByLabelText('Channel 3 Telegram chat id')).toHaveAccessibleDescription(
      /Telegram chat id must be given/,
    );
    expect(screen.getByLabelText('Channel 4 Type')).toHaveAccessibleDescription('Channel 4 must not repeat channel 1');
    expect(screen.getByLabelText('Channel 4 Type')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Channel 1 Type')).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(screen.getByLabelText('Auctions ending within (minutes)')).toHaveFocus());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('maps nested server field errors to the right rule and channel inputs', async () => {
    mockFetch({
      'POST /api/alerts': () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'The alert is not valid.',
            errors: [
              { field: 'rules.timeZone', message: 'must be an IANA time zone such as Europe/Berlin or UTC' },
              { field: 'rules.quietEnd', message: 'must be given together with quietStart (HH:mm), or both left out' },
              { field: 'channels[1].url', message: 'must be the http(s) URL of the WEBHOOK webhook' },
              {
                field: 'channels[2].chatId',
                message: 'must be a Telegram chat id such as -1001234567890 or @channelname',
              },
              { field: 'channels[2].type', message: 'is not available: no Telegram bot is set up' },
              { field: 'channels[3]', message: 'must not repeat another channel' },
              { field: 'channels', message: 'must hold at most 10 channels' },
            ],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    const props = renderForm();
    await user.type(screen.getByLabelText('Search phrase'), 'switch');
    await user.selectOptions(screen.getByLabelText('Check every'), '2');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.click(screen.getByLabelText('Channel 2 Webhook URL'));
    await user.paste('https://example.com/a');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.selectOptions(screen.getByLabelText('Channel 3 Type'), 'TELEGRAM');
    await user.click(screen.getByLabelText('Channel 3 Telegram chat id'));
    await user.paste('@ebay_deals');
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.click(screen.getByLabelText('Channel 4 Webhook URL'));
    await user.paste('https://example.com/b');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The alert is not valid.');
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(/Time zone must be an IANA time zone/);
    expect(screen.getByLabelText('Quiet hours end')).toHaveAccessibleDescription(/together with quietStart/);
    expect(screen.getByLabelText('Channel 2 Webhook URL')).toHaveAccessibleDescription(/http\(s\) URL of the WEBHOOK/);
    expect(screen.getByLabelText('Channel 3 Telegram chat id')).toHaveAccessibleDescription(/such as -1001234567890/);
    expect(screen.getByLabelText('Channel 3 Type')).toHaveAccessibleDescription(/no Telegram bot is set up/);
    expect(screen.getByLabelText('Channel 4 Webhook URL')).toHaveAccessibleDescription(
      /Channel 4 must not repeat another channel/,
    );
    expect(screen.getByLabelText('Channel 1 Type')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Channel 2 Webhook URL')).not.toHaveAccessibleDescription(/repeat/);
    expect(screen.getByRole('group', { name: 'Channels' })).toHaveAccessibleDescription(
      /Channels must hold at most 10 channels/,
    );
    expect(props.onSaved).not.toHaveBeenCalled();
  });

  it('edits the rules and channels of an existing alert, re-enabling a disabled webhook', async () => {
    const existing = alert(3, {
      version: 2,
      rules: {
        newListings: true,
        priceDrops: false,
        targetPrice: 99.5,
        endingSoonMinutes: 30,
        quietStart: '22:00:00',
        quietEnd: '06:00',
        timeZone: 'Europe/Vienna',
        maxPerDay: 5,
      },
      channels: [
        { id: 'c1', type: 'EMAIL', url: null, chatId: null, enabled: true, deliveryError: null },
        {
          id: 'c2',
          type: 'WEBHOOK',
          url: 'https://example.com/hook',
          chatId: null,
          enabled: true,
          deliveryError:
            'Not delivered: HTTP 5xx (10 failed attempts in a row). 1 message waits and is retried every hour until it works.',
        },
        {
          id: 'c3',
          type: 'SLACK',
          url: 'https://hooks.slack.com/services/x',
          chatId: null,
          enabled: true,
          deliveryError: null,
        },
      ],
    });
    const fetchMock = mockFetch({ 'PUT /api/alerts/id-3': () => json(existing) });
    const user = userEvent.setup();
    renderForm({ alert: existing });
    expect(screen.getByLabelText('Price drops')).not.toBeChecked();
    expect(screen.getByLabelText('Target price')).toHaveValue('99.5');
    expect(screen.getByLabelText('Quiet hours start')).toHaveValue('22:00');
    expect(screen.getByLabelText('Time zone')).toHaveValue('Europe/Vienna');
    expect(screen.getByText(/Not delivered: HTTP 5xx \(10 failed attempts in a row\)/)).toHaveClass('warn');

    await user.click(screen.getByRole('button', { name: 'Remove channel 3' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add channel' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(bodyOf(fetchMock.mock.calls[0][1])).toMatchObject({
      version: 2,
      rules: {
        priceDrops: false,
        targetPrice: 99.5,
        endingSoonMinutes: 30,
        quietStart: '22:00',
        quietEnd: '06:00',
        timeZone: 'Europe/Vienna',
        maxPerDay: 5,
      },
      channels: [
        { type: 'EMAIL', enabled: true },
        { type: 'WEBHOOK', url: 'https://example.com/hook', enabled: true },
      ],
    });
  });

  it('gets a one-time code to link a Telegram chat through the bot', async () => {
    mockFetch({
      'POST /api/telegram/link-codes': () =>
        json({ code: 'K7PQ2ZXM4A', command: '/start K7PQ2ZXM4A', expiresAt: '2026-12-01T07:00:00Z' }),
    });
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Add channel' }));
    await user.selectOptions(screen.getByLabelText('Channel 2 Type'), 'TELEGRAM');
    await user.click(screen.getByRole('button', { name: 'Link a chat' }));
    expect(await screen.findByText('/start K7PQ2ZXM4A')).toBeInTheDocument();
  });

  it('adds channels from the keyboard, up to 10', async () => {
    const user = userEvent.setup();
    renderForm();
    const add = screen.getByRole('button', { name: 'Add channel' });
    add.focus();
    await user.keyboard('{Enter}');
    // The new row takes the focus; a second email channel would repeat the first, so it is a webhook.
    expect(screen.getByLabelText('Channel 2 Type')).toHaveFocus();
    expect(screen.getByLabelText('Channel 2 Type')).toHaveValue('WEBHOOK');
    for (let i = 3; i <= 10; i++) await user.click(add);
    expect(within(screen.getByRole('group', { name: 'Channels' })).getAllByRole('listitem')).toHaveLength(10);
    expect(add).toBeDisabled();
  });

  it('keeps an old alert without rules or channels editable with the defaults', () => {
    renderForm({ alert: alert(4) });
    expect(screen.getByLabelText('Time zone')).toHaveValue('UTC');
    expect(screen.getByLabelText('Channel 1 Type')).toHaveValue('EMAIL');
    expect(screen.getByLabelText('New listings')).toBeChecked();
  });

  it('maps the field errors of a 400 ProblemDetail under their inputs', async () => {
    mockFetch({
      'POST /api/alerts': () =>
        json(
          {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            detail: 'The alert is not valid.',
            errors: [
              { field: 'searchPhrase', message: 'must be at most 100 characters: eBay ignores longer searches' },
              { field: 'excludeWords[1]', message: 'must hold single words without spaces' },
            ],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    const props = renderForm();
    await user.type(screen.getByLabelText('Search phrase'), 'switch');
    await user.selectOptions(screen.getByLabelText('Check every'), '2');
    await user.type(screen.getByLabelText('Exclude words'), 'broken');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The alert is not valid.');
    expect(screen.getByLabelText('Search phrase')).toHaveAccessibleDescription(/eBay ignores longer searches/);
    expect(screen.getByLabelText('Exclude words')).toHaveAccessibleDescription(/single words without spaces/);
    expect(props.onSaved).not.toHaveBeenCalled();
  });

  it('replaces an existing alert with PUT and its version', async () => {
    const existing = alert(3, { version: 4, excludeWords: ['broken'] });
    const fetchMock = mockFetch({
      'PUT /api/alerts/id-3': (_u, init) => json({ ...existing, ...bodyOf(init), version: 5 }),
    });
    const user = userEvent.setup();
    const props = renderForm({ alert: existing });
    const phrase = screen.getByLabelText('Search phrase');
    await user.clear(phrase);
    await user.type(phrase, 'new phrase');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(props.onSaved).toHaveBeenCalled();
    expect(bodyOf(fetchMock.mock.calls[0][1])).toMatchObject({
      searchPhrase: 'new phrase',
      version: 4,
      active: true,
      excludeWords: ['broken'],
    });
  });
});

describe('AlertForm search filters', () => {
  async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByLabelText('Search phrase'), 'switch oled');
    await user.selectOptions(screen.getByLabelText('Check every'), '10');
  }

  it('sends the currency of the chosen eBay site and shows it next to the prices', async () => {
    const fetchMock = mockFetch({ 'POST /api/alerts': () => json(alert(9), 201) });
    const user = userEvent.setup();
    renderForm();
    expect(screen.getByLabelText('Max price')).toHaveAccessibleDescription('in USD');
    await fillBasics(user);
    await user.selectOptions(screen.getByLabelText('eBay site'), 'EBAY_DE');
    expect(screen.getByLabelText('Min price')).toHaveAccessibleDescription('in EUR');
    expect(screen.getByLabelText('Max price')).toHaveAccessibleDescription('in EUR');
    expect(screen.getByLabelText('Target price')).toHaveAccessibleDescription(/in EUR/);
    await user.type(screen.getByLabelText('Max price'), '250');
    await user.selectOptions(screen.getByLabelText('Buying format'), 'Best Offer');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(bodyOf(fetchMock.mock.calls[0][1])).toMatchObject({
      marketplace: 'EBAY_DE',
      currency: 'EUR',
      maxPrice: 250,
      buyingOption: 'BEST_OFFER',
    });
  });

  it('sends every filter of “More filters” and shows them back when the alert is edited', async () => {
    const fetchMock = mockFetch({ 'POST /api/alerts': (_u, init) => json(alert(9, bodyOf(init)), 201) });
    const user = userEvent.setup();
    const props = renderForm();
    await fillBasics(user);
    // Folded away at first: the basic form stays short.
    expect(screen.queryByLabelText('Ships to')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    expect(screen.getByRole('button', { name: 'More filters' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByLabelText('Price + shipping'));
    await user.selectOptions(screen.getByLabelText('Ships to'), 'DE');
    await user.type(screen.getByLabelText('Ships-to postal code'), ' 10115 ');
    await user.selectOptions(screen.getByLabelText('Item located in'), 'Japan');
    await user.click(screen.getByLabelText('Free shipping only'));
    await user.click(screen.getByLabelText('Returns accepted'));
    await user.type(screen.getByLabelText('Only from sellers'), 'retro-games, Nintendo_Fan retro-GAMES');
    await user.type(screen.getByLabelText('Exclude sellers'), 'scalper99');
    await user.type(screen.getByLabelText('Min seller feedback score'), '100');
    await user.type(screen.getByLabelText('Min positive feedback %'), '98.5');
    await user.type(screen.getByLabelText('Min bids'), '0');
    await user.type(screen.getByLabelText('Max bids'), '3');
    expect(screen.getByText('12 in use')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    await waitFor(() => expect(props.onSaved).toHaveBeenCalled());
    const sent = bodyOf(fetchMock.mock.calls[0][1]);
    expect(sent).toMatchObject({
      priceBasis: 'TOTAL',
      shipToCountry: 'DE',
      shipToPostalCode: '10115',
      itemLocationCountry: 'JP',
      freeShippingOnly: true,
      returnsAccepted: true,
      sellers: ['retro-games', 'Nintendo_Fan'],
      excludedSellers: ['scalper99'],
      minSellerFeedbackScore: 100,
      minSellerFeedbackPercent: 98.5,
      minBids: 0,
      maxBids: 3,
    });

    cleanup();
    renderForm({ alert: alert(9, sent) });
    // Filters in use: "More filters" starts open.
    expect(screen.getByRole('button', { name: 'More filters' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Price + shipping')).toBeChecked();
    expect(screen.getByLabelText('Ships to')).toHaveValue('DE');
    expect(screen.getByLabelText('Ships-to postal code')).toHaveValue('10115');
    expect(screen.getByLabelText('Item located in')).toHaveValue('JP');
    expect(screen.getByLabelText('Free shipping only')).toBeChecked();
    expect(screen.getByLabelText('Returns accepted')).toBeChecked();
    expect(screen.getByLabelText('Only from sellers')).toHaveValue('retro-games, Nintendo_Fan');
    expect(screen.getByLabelText('Exclude sellers')).toHaveValue('scalper99');
    expect(screen.getByLabelText('Min seller feedback score')).toHaveValue('100');
    expect(screen.getByLabelText('Min positive feedback %')).toHaveValue('98.5');
    expect(screen.getByLabelText('Min bids')).toHaveValue('0');
    expect(screen.getByLabelText('Max bids')).toHaveValue('3');
    // It types into every filter: 13 to 17 s on a shared 2-core machine, past the default budget.
  }, 45_000);

  it('shows the eBay site, buying format and categories of an alert being edited', () => {
    renderForm({
      alert: alert(5, {
        marketplace: 'EBAY_GB',
        currency: 'GBP',
        buyingOption: 'BEST_OFFER',
        categoryIds: ['20349'],
        excludedCategoryIds: ['9355'],
      }),
    });
    expect(screen.getByLabelText('eBay site')).toHaveValue('EBAY_GB');
    expect(screen.getByLabelText('Max price')).toHaveAccessibleDescription('in GBP');
    expect(screen.getByLabelText('Buying format')).toHaveValue('BEST_OFFER');
    // Nothing in "More filters" is in use: it stays folded.
    expect(screen.getByRole('button', { name: 'More filters' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('keeps an alert of a service without marketplaces in its currency', () => {
    renderForm({ alert: alert(4, { currency: 'AUD' }) });
    expect(screen.getByLabelText('eBay site')).toHaveValue('EBAY_AU');
  });

  it('checks the filters before sending, naming the field, and opens “More filters” to show them', async () => {
    const fetchMock = mockFetch({});
    const user = userEvent.setup();
    renderForm();
    await fillBasics(user);
    const toggle = screen.getByRole('button', { name: 'More filters' });
    await user.click(toggle);
    await user.type(screen.getByLabelText('Ships-to postal code'), '10115');
    await user.type(screen.getByLabelText('Min positive feedback %'), '101');
    await user.type(screen.getByLabelText('Min bids'), '5');
    await user.type(screen.getByLabelText('Max bids'), '2');
    // Folded again: the errors must still be seen.
    await user.click(toggle);
    expect(screen.queryByLabelText('Max bids')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Max bids')).toHaveAccessibleDescription(
      /Max bids must be greater than or equal to Min bids/,
    );
    expect(screen.getByLabelText('Min positive feedback %')).toHaveAccessibleDescription(
      /Min positive feedback % must be between 0 and 100/,
    );
    expect(screen.getByLabelText('Ships-to postal code')).toHaveAccessibleDescription(
      /Ships-to postal code needs a ships-to country/,
    );
    await waitFor(() => expect(screen.getByLabelText('Ships-to postal code')).toHaveFocus());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server’s errors of the filters on their inputs, a refused currency on the eBay site', async () => {
    mockFetch({
      'POST /api/alerts': () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'The alert is not valid.',
            errors: [
              { field: 'currency', message: 'must be the currency of the marketplace (EUR for EBAY_DE)' },
              { field: 'excludedSellers[1]', message: 'must be an eBay user id' },
              { field: 'shipToCountry', message: 'must be a country eBay ships to' },
            ],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    renderForm();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    await user.selectOptions(screen.getByLabelText('Ships to'), 'AQ');
    await user.type(screen.getByLabelText('Exclude sellers'), 'a b');
    await user.click(screen.getByRole('button', { name: 'More filters' }));
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The alert is not valid.');
    expect(screen.getByLabelText('eBay site')).toHaveAccessibleDescription(
      /eBay site must be the currency of the marketplace/,
    );
    expect(screen.getByLabelText('Exclude sellers')).toHaveAccessibleDescription(
      /Exclude sellers must be an eBay user id/,
    );
    expect(screen.getByLabelText('Ships to')).toHaveAccessibleDescription(/must be a country eBay ships to/);
  });
});
