import { render, screen } from '@testing-library/react';
import { ApiError } from '../api';
import { ErrorState } from './QueryState';

describe('ErrorState', () => {
  it('says what the server refused in a request rather than "Some fields are invalid", with no useless Retry', () => {
    const error = new ApiError(400, 'Some fields are invalid.', {
      errors: [{ field: 'sort', message: 'names no column' }],
    });
    render(<ErrorState error={error} onRetry={() => undefined} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^sort: names no column$/);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('offers Retry for a failure that may pass', () => {
    render(<ErrorState error={new ApiError(503, 'Service Unavailable')} onRetry={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
