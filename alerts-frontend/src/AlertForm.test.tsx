import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AlertForm } from './AlertForm';
import { alert, bodyOf, json, mockFetch } from './test/http';

function renderForm(overrides: Partial<Parameters<typeof AlertForm>[0]> = {}) {
  const props = {
    email: 'jane@example.com',
    alert: null,
    frequencies: [2, 10, 30],
    onSaved: vi.fn(),
    onCancel: vi.fn(),
    onUnauthorized: vi.fn(),
    ...overrides,
  };
  render(<AlertForm {...props} />);
  return props;
}

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
    });
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
    const fetchMock = mockFetch({ 'PUT /api/alerts/id-3': (_u, init) => json({ ...existing, ...bodyOf(init), version: 5 }) });
    const user = userEvent.setup();
    const props = renderForm({ alert: existing });
    const phrase = screen.getByLabelText('Search phrase');
    await user.clear(phrase);
    await user.type(phrase, 'new phrase');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(props.onSaved).toHaveBeenCalled();
    expect(bodyOf(fetchMock.mock.calls[0][1])).toMatchObject({ searchPhrase: 'new phrase', version: 4, active: true, excludeWords: ['broken'] });
  });
});
