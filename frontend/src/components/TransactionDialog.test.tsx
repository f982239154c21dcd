import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aCategory, aTransaction } from '../test/fixtures';
import { json, mockFetch, renderWithProviders, requestUrl } from '../test/utils';
import { TransactionDialog } from './TransactionDialog';

const categories = [aCategory({ id: 'c1', name: 'Camp' })];

describe('TransactionDialog', () => {
  it('shows the API field errors under their fields and stays open', async () => {
    mockFetch((url, init) => {
      if (url.pathname === '/api/categories') return json(categories);
      if (url.pathname === '/api/transactions' && init.method === 'POST')
        return json(
          {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            detail: 'Invalid request',
            errors: [
              { field: 'amount', message: 'must be greater than 0' },
              { field: 'date', message: 'must not be in the far future' },
            ],
          },
          400,
        );
      return undefined;
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TransactionDialog userId="u1" onClose={onClose} />);

    const dialog = await screen.findByRole('dialog', { name: 'New transaction' });
    await user.type(screen.getByLabelText('Amount (€)'), '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const amount = screen.getByLabelText('Amount (€)');
    expect(await screen.findByTestId('error-amount')).toHaveTextContent('must be greater than 0');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(expect.stringContaining('must be greater than 0'));
    expect(screen.getByTestId('error-date')).toHaveTextContent('must not be in the far future');
    expect(screen.getByLabelText('Category')).not.toHaveAttribute('aria-invalid');
    expect(dialog).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends the typed amount as a number and closes when saved', async () => {
    const fetch = mockFetch((url, init) => {
      if (url.pathname === '/api/categories') return json(categories);
      if (url.pathname === '/api/transactions' && init.method === 'POST') return json(aTransaction({ id: 't9' }), 201);
      return undefined;
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TransactionDialog userId="u1" onClose={onClose} />);

    await screen.findByRole('option', { name: 'Camp' });
    await user.selectOptions(screen.getByLabelText('Type'), 'COLLECTED');
    await user.type(screen.getByLabelText('Amount (€)'), '12,50');
    await user.selectOptions(screen.getByLabelText('Category'), 'c1');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-11-20');
    await user.type(screen.getByLabelText('Description (optional)'), 'Camp fee');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      userId: 'u1',
      type: 'COLLECTED',
      amount: 12.5,
      categoryId: 'c1',
      date: '2026-11-20',
      description: 'Camp fee',
    });
  });

  it('refuses an amount it cannot read without calling the API', async () => {
    const fetch = mockFetch((url) => (url.pathname === '/api/categories' ? json([]) : undefined));
    const user = userEvent.setup();
    renderWithProviders(<TransactionDialog userId="u1" onClose={() => undefined} />);
    await user.type(screen.getByLabelText('Amount (€)'), 'twelve');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('error-amount')).toHaveTextContent('Enter an amount such as 12.50.');
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('sends back the version when editing', async () => {
    const fetch = mockFetch((url, init) => {
      if (url.pathname === '/api/categories') return json([]);
      if (init.method === 'PUT') return json(aTransaction({ id: 't1' }));
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(
      <TransactionDialog
        userId="u1"
        transaction={aTransaction({
          id: 't1',
          type: 'DEBT',
          amount: 5,
          date: '2026-01-02',
          description: 'x',
          version: 3,
        })}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('dialog', { name: 'Edit transaction' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const [url, init] = fetch.mock.calls.find(([, i]) => i?.method === 'PUT')!;
    expect(requestUrl(url)).toBe('/api/transactions/t1');
    expect(JSON.parse(init!.body as string)).toMatchObject({ amount: 5, type: 'DEBT', version: 3 });
  });
});
