import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm } from './test/form';
import { alert, bodyOf, json, mockFetch } from './test/http';

const protectors = {
  total: 1234,
  categories: [
    { id: '20349', name: 'Screen Protectors', count: 1037, share: 0.84 },
    { id: '20373', name: 'Cases, Covers & Skins', count: 185, share: 0.15 },
    { id: '9355', name: 'Cell Phones & Smartphones', count: 3, share: 0.0024 },
  ],
};

/** The category look-ups made, as "phrase @ marketplace". */
const lookUps = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls
    .map(([u]) => String(u))
    .filter((u) => u.startsWith('/api/category-suggestions?'))
    .map((u) => {
      const query = new URL(u, 'http://x').searchParams;
      return `${query.get('phrase')} @ ${query.get('marketplace')}`;
    });

describe('CategorySuggestions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('looks up nothing until asked, then follows the phrase once it has not changed for 800 ms', async () => {
    // Testing Library's async helpers wait on setTimeout: with it faked, keys are typed with fireEvent.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetchMock = mockFetch({ 'GET /api/category-suggestions': () => json(protectors) });
    const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
    /** One change event per key, as typing sends them. */
    const type = (label: string, text: string) => {
      const input = screen.getByLabelText(label) as HTMLInputElement;
      for (const key of text) fireEvent.change(input, { target: { value: input.value + key } });
    };
    renderForm();

    const suggest = screen.getByRole('button', { name: 'Suggest categories' });
    type('Search phrase', 'sc');
    expect(suggest).toBeDisabled();
    type('Search phrase', 'reen protector');
    await wait(5000);
    expect(lookUps(fetchMock)).toEqual([]);

    fireEvent.click(suggest);
    await wait(0);
    expect(lookUps(fetchMock)).toEqual(['screen protector @ EBAY_US']);
    expect(screen.getByText('84 %', { exact: false })).toHaveTextContent(
      '84 % of results are in Screen Protectors (1,037)',
    );
    expect(screen.getByText(/1,234 listings for “screen protector” on eBay US/)).toBeInTheDocument();
    expect(screen.getByText(/< 1 % of results are in/)).toBeInTheDocument();

    // Typing on: no look-up per keystroke, one after the phrase rests.
    type('Search phrase', ' iphone');
    await wait(799);
    expect(lookUps(fetchMock)).toHaveLength(1);
    await wait(1);
    expect(lookUps(fetchMock)).toEqual(['screen protector @ EBAY_US', 'screen protector iphone @ EBAY_US']);

    fireEvent.change(screen.getByLabelText('eBay site'), { target: { value: 'EBAY_DE' } });
    await wait(800);
    expect(lookUps(fetchMock).at(-1)).toBe('screen protector iphone @ EBAY_DE');
    expect(screen.getByText(/listings for “screen protector iphone” on eBay Germany/)).toBeInTheDocument();

    // Back to a search asked before: its answer is kept, eBay is not asked again.
    fireEvent.change(screen.getByLabelText('eBay site'), { target: { value: 'EBAY_US' } });
    await wait(800);
    expect(lookUps(fetchMock)).toHaveLength(3);
    expect(screen.getByText(/listings for “screen protector iphone” on eBay US/)).toBeInTheDocument();

    // Too short a phrase is never looked up.
    fireEvent.change(screen.getByLabelText('Search phrase'), { target: { value: '' } });
    type('Search phrase', 'ab');
    await wait(2000);
    expect(lookUps(fetchMock)).toHaveLength(3);
  });

  it('sends the picked categories as categoryIds and the excluded ones as excludedCategoryIds', async () => {
    const existing = alert(1, { searchPhrase: 'screen protector', version: 2, categoryIds: ['99999'] });
    const fetchMock = mockFetch({
      'GET /api/category-suggestions': () => json(protectors),
      'PUT /api/alerts/id-1': () => json(existing),
    });
    const user = userEvent.setup();
    renderForm({ alert: existing });
    // A chosen id without a suggestion yet shows as its id.
    const only = () => screen.getByRole('list', { name: 'Only in:' });
    expect(within(only()).getByText('Category 99999')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Suggest categories' }));
    await user.click(await screen.findByRole('button', { name: 'Search in Screen Protectors' }));
    await user.click(screen.getByRole('button', { name: 'Exclude Cases, Covers & Skins' }));
    await user.click(screen.getByRole('button', { name: 'Search in Cell Phones & Smartphones' }));
    // Excluding a picked category moves it.
    await user.click(screen.getByRole('button', { name: 'Exclude Cell Phones & Smartphones' }));

    expect(screen.getByRole('button', { name: 'Search in Screen Protectors' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Search in Cell Phones & Smartphones' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(
      within(only())
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Category 99999', 'Screen Protectors']);
    const notIn = screen.getByRole('list', { name: 'Not in:' });
    expect(within(notIn).getByText('Cases, Covers & Skins')).toBeInTheDocument();

    await user.click(within(notIn).getByRole('button', { name: 'Stop leaving out Cases, Covers & Skins' }));
    expect(screen.getByRole('button', { name: 'Exclude Cases, Covers & Skins' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'PUT')).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')!;
    expect(bodyOf(init)).toMatchObject({ categoryIds: ['99999', '20349'], excludedCategoryIds: ['9355'] });
  });

  it('shows why there are no suggestions when the address has used up its eBay searches', async () => {
    mockFetch({
      'GET /api/category-suggestions': () =>
        json(
          {
            title: 'Too Many Requests',
            status: 429,
            detail: 'This address has used its 1000 eBay searches of today; try again tomorrow.',
          },
          429,
        ),
    });
    const user = userEvent.setup();
    const props = renderForm();
    await user.type(screen.getByLabelText('Search phrase'), 'screen protector');
    await user.click(screen.getByRole('button', { name: 'Suggest categories' }));

    expect(
      await screen.findByText(
        'No category suggestions: This address has used its 1000 eBay searches of today; try again tomorrow.',
      ),
    ).toBeInTheDocument();
    expect(props.onSaved).not.toHaveBeenCalled();
  });

  it('shows the server’s errors of the category lists under the categories', async () => {
    mockFetch({
      'POST /api/alerts': () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'The alert is not valid.',
            errors: [{ field: 'categoryIds[0]', message: 'must be an eBay category of the marketplace' }],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText('Search phrase'), 'switch');
    await user.selectOptions(screen.getByLabelText('Check every'), '10');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The alert is not valid.');
    const group = screen.getByRole('group', { name: 'Categories' });
    expect(group).toHaveAccessibleDescription(/Categories to search in must be an eBay category of the marketplace/);
    await waitFor(() => expect(within(group).getByText(/must be an eBay category/)).toHaveFocus());
  });
});
