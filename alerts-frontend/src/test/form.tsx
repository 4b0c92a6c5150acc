import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { AlertForm } from '../AlertForm';

/** The alert form for a new alert (or the given one) of jane@example.com, with spies as callbacks. */
export function renderForm(overrides: Partial<Parameters<typeof AlertForm>[0]> = {}) {
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
