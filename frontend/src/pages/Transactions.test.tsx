import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { aCategory, aMember, aTransaction } from '../test/fixtures';
import { callsTo, json, mockFetch, page, renderWithProviders } from '../test/utils';
import { TransactionsPage } from './Transactions';

const tx = aTransaction({
  type: 'DEBT',
  amount: 42,
  categoryId: 'c1',
  categoryName: 'Camp',
  date: '2026-11-02',
  description: 'Tent',
});

function setup(route: string, transactions = () => json(page([tx]))) {
  const fetch = mockFetch((url) => {
    if (url.pathname === '/api/users') return json(page([aMember({ email: 'j@x.org' })]));
    if (url.pathname === '/api/categories') return json([aCategory({ color: '#00aa00' })]);
    if (url.pathname === '/api/transactions') return transactions();
    return undefined;
  });
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/transactions" element={<TransactionsPage />} />
      <Route path="*" element={null} />
    </Routes>,
    { route },
  );
  return { fetch, user };
}

const location = () => new URL(screen.getByTestId('location').textContent!, 'http://localhost');

describe('TransactionsPage filters and the URL', () => {
  it('asks the API with the filters of the URL and shows them as chips', async () => {
    const { fetch } = setup('/transactions?type=DEBT&q=tent&sort=amount,desc');
    await screen.findByTestId('transaction-row');
    const [call] = callsTo(fetch, '/api/transactions');
    expect(call.searchParams.get('type')).toBe('DEBT');
    expect(call.searchParams.get('q')).toBe('tent');
    expect(call.searchParams.get('sort')).toBe('amount,desc');
    const chips = screen.getAllByTestId('filter-chip');
    expect(chips.map((c) => c.querySelector('span')!.textContent)).toEqual(['Type: Debt', 'Text: tent']);
    // The form shows the URL's filters too.
    expect(screen.getByLabelText('Type')).toHaveValue('DEBT');
    expect(screen.getByLabelText('Text')).toHaveValue('tent');
  });

  it('puts applied filters into the URL, keeping the sort', async () => {
    const { user } = setup('/transactions?sort=amount,desc');
    await screen.findByTestId('transaction-row');
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await screen.findByRole('option', { name: 'Jane Doe' });
    await user.selectOptions(screen.getByLabelText('Member'), 'u1');
    await user.type(screen.getByLabelText('Minimum amount'), '10,5');
    await user.type(screen.getByLabelText('From'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const params = location().searchParams;
    expect(params.get('userId')).toBe('u1');
    expect(params.get('minAmount')).toBe('10.5');
    expect(params.get('from')).toBe('2026-01-01');
    expect(params.get('sort')).toBe('amount,desc');
    expect(await screen.findByText('Member: Jane Doe')).toBeInTheDocument();
  });

  it('folds the filters behind a button that says how many are active', async () => {
    const { user } = setup('/transactions');
    await screen.findByTestId('transaction-row');
    const toggle = screen.getByRole('button', { name: 'Filters' });
    const form = screen.getByTestId('filter-form');
    expect(toggle).toHaveAttribute('aria-controls', form.id);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(form).not.toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(form).toBeVisible();
    await user.type(screen.getByLabelText('Text'), 'tent');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Filters (1)' }));
    expect(screen.getByTestId('filter-form')).not.toBeVisible();
  });

  it('opens with the filters shown when the link has some', async () => {
    setup('/transactions?type=DEBT&q=tent');
    await screen.findByTestId('transaction-row');
    expect(screen.getByRole('button', { name: 'Filters (2)' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('filter-form')).toBeVisible();
  });

  it('removes one filter with its chip', async () => {
    const { user } = setup('/transactions?type=DEBT&q=tent');
    await screen.findByTestId('transaction-row');
    await user.click(screen.getByRole('button', { name: 'Remove filter Type: Debt' }));
    expect(location().search).toBe('?q=tent');
    expect(screen.getAllByTestId('filter-chip')).toHaveLength(1);
    expect(screen.getByLabelText('Type')).toHaveValue('');
  });

  it('sorts by amount from the column header', async () => {
    const { user } = setup('/transactions');
    await screen.findByTestId('transaction-row');
    await user.click(screen.getByRole('button', { name: /Amount/ }));
    expect(location().searchParams.get('sort')).toBe('amount,asc');
    await user.click(screen.getByRole('button', { name: /Amount/ }));
    expect(location().searchParams.get('sort')).toBe('amount,desc');
    expect(screen.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('opens the member with the transaction highlighted when a row is clicked', async () => {
    const { user } = setup('/transactions');
    const row = await screen.findByTestId('transaction-row');
    await user.click(within(row).getByText('Tent'));
    await waitFor(() => expect(location().pathname).toBe('/members/u1'));
    expect(location().searchParams.get('highlight')).toBe('t1');
  });

  it('checks a minimum above the maximum in the form, as it does a reversed date range', async () => {
    const { user, fetch } = setup('/transactions');
    await screen.findByTestId('transaction-row');
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.type(screen.getByLabelText('Minimum amount'), '50');
    await user.type(screen.getByLabelText('Maximum amount'), '10');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByTestId('error-maxAmount')).toHaveTextContent(
      'The maximum amount must not be below the minimum amount.',
    );
    expect(screen.getByLabelText('Maximum amount')).toHaveAccessibleDescription(
      'The maximum amount must not be below the minimum amount.',
    );
    expect(location().search).toBe('');
    expect(callsTo(fetch, '/api/transactions').every((u) => !u.searchParams.has('minAmount'))).toBe(true);
  });

  it("shows the server's messages about refused filters under their fields, with no Retry that cannot help", async () => {
    setup('/transactions?minAmount=50&maxAmount=10', () =>
      json(
        {
          status: 400,
          title: 'Bad Request',
          detail: 'Some fields are invalid.',
          errors: [{ field: 'minAmount', message: 'must not be above the maximum amount' }],
        },
        400,
      ),
    );
    expect(await screen.findByTestId('error-minAmount')).toHaveTextContent('must not be above the maximum amount');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'These filters cannot be applied: see the messages under the fields.',
    );
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});
