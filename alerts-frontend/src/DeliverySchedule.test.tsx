import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DeliverySchedule } from './DeliverySchedule';
import { bodyOf, json, mockFetch } from './test/http';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function stored(schedule: object | null) {
  const puts: unknown[] = [];
  const fetchMock = mockFetch({
    'GET /api/delivery-schedule': () => (schedule ? json(schedule) : json({ title: 'Not Found', status: 404 }, 404)),
    'PUT /api/delivery-schedule': (_u, init) => {
      puts.push(bodyOf(init));
      return json(bodyOf(init));
    },
  });
  return { fetchMock, puts };
}

async function open(user: ReturnType<typeof userEvent.setup>, summary: RegExp = /^Delivery:/) {
  render(<DeliverySchedule onUnauthorized={vi.fn()} />);
  await user.click(await screen.findByText(summary));
}

describe('DeliverySchedule', () => {
  it('starts instant, in the browser’s time zone, with both exceptions checked', async () => {
    const { puts } = stored(null);
    const user = userEvent.setup();
    await open(user, /^Delivery: instant$/);
    expect(screen.getByLabelText('Instant')).toBeChecked();
    expect(screen.queryByLabelText('Daily at')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save delivery schedule' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      mode: 'INSTANT',
      dailyAt: null,
      timeZone: browserZone,
      alwaysInstant: ['TARGET_PRICE', 'ENDING_SOON'],
    });
    expect(await screen.findByText('Saved: instant.')).toBeInTheDocument();
  });

  it('saves an hourly digest with what is always sent at once', async () => {
    const { puts } = stored({
      mode: 'INSTANT',
      dailyAt: null,
      timeZone: 'Europe/Berlin',
      alwaysInstant: ['TARGET_PRICE', 'ENDING_SOON'],
    });
    const user = userEvent.setup();
    await open(user);
    await user.click(screen.getByLabelText('Hourly'));
    expect(screen.getByRole('group', { name: 'Always send at once' })).toBeInTheDocument();
    expect(screen.getByLabelText('Target price reached')).toBeChecked();
    await user.click(screen.getByLabelText('Auction ending soon'));
    await user.click(screen.getByRole('button', { name: 'Save delivery schedule' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      mode: 'HOURLY',
      dailyAt: null,
      timeZone: 'Europe/Berlin',
      alwaysInstant: ['TARGET_PRICE'],
    });
    expect(await screen.findByText('Delivery: hourly digest')).toBeInTheDocument();
  });

  it('saves a daily digest at a local time in a chosen zone, and asks for the time first', async () => {
    const { puts } = stored(null);
    const user = userEvent.setup();
    await open(user);
    await user.click(screen.getByLabelText('Daily'));
    expect(screen.getByLabelText('Time zone')).toHaveValue(browserZone);

    await user.click(screen.getByRole('button', { name: 'Save delivery schedule' }));
    expect(screen.getByLabelText('Daily at')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Daily at')).toHaveAccessibleDescription('Enter the time the daily digest goes out.');
    expect(puts).toHaveLength(0);

    await user.type(screen.getByLabelText('Daily at'), '07:30');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Berlin');
    await user.click(screen.getByRole('button', { name: 'Save delivery schedule' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      mode: 'DAILY',
      dailyAt: '07:30',
      timeZone: 'Europe/Berlin',
      alwaysInstant: ['TARGET_PRICE', 'ENDING_SOON'],
    });
    expect(await screen.findByText('Saved: daily at 07:30 (Europe/Berlin).')).toBeInTheDocument();
    expect(screen.getByLabelText('Daily at')).not.toHaveAttribute('aria-invalid');
  });

  it('shows the stored schedule and the server’s field errors on their fields', async () => {
    mockFetch({
      'GET /api/delivery-schedule': () =>
        json({ mode: 'DAILY', dailyAt: '08:00', timeZone: 'America/New_York', alwaysInstant: [] }),
      'PUT /api/delivery-schedule': () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'Invalid request content.',
            errors: [
              { field: 'timeZone', message: 'must be an IANA zone' },
              { field: 'dailyAt', message: 'must be on a quarter hour' },
            ],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    await open(user, /^Delivery: daily at 08:00 \(America\/New_York\)$/);
    expect(screen.getByLabelText('Daily at')).toHaveValue('08:00');
    expect(screen.getByLabelText('Time zone')).toHaveValue('America/New_York');
    expect(screen.getByLabelText('Target price reached')).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save delivery schedule' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: check the fields marked below.');
    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription('must be an IANA zone');
    expect(screen.getByLabelText('Time zone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Daily at')).toHaveAccessibleDescription('must be on a quarter hour');
  });

  it('names a refused field that is not on screen', async () => {
    mockFetch({
      'GET /api/delivery-schedule': () =>
        json({ mode: 'HOURLY', dailyAt: null, timeZone: 'Mars/Olympus', alwaysInstant: [] }),
      'PUT /api/delivery-schedule': () =>
        json(
          { title: 'Bad Request', status: 400, errors: [{ field: 'timeZone', message: 'must be an IANA zone' }] },
          400,
        ),
    });
    const user = userEvent.setup();
    await open(user, /hourly/);
    await user.click(screen.getByRole('button', { name: 'Save delivery schedule' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: timeZone must be an IANA zone');
  });

  it('returns to sign-in on 401', async () => {
    mockFetch({ 'GET /api/delivery-schedule': () => json({ title: 'Unauthorized', status: 401 }, 401) });
    const onUnauthorized = vi.fn();
    render(<DeliverySchedule onUnauthorized={onUnauthorized} />);
    await waitFor(() => expect(onUnauthorized).toHaveBeenCalled());
  });
});
