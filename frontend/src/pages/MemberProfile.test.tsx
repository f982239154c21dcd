import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { aMember, aTransaction } from '../test/fixtures';
import { callsTo, cellLabels, json, mockFetch, page, renderWithProviders } from '../test/utils';
import { MemberProfilePage } from './MemberProfile';

const member = aMember({ balance: { receivables: 100, debts: 10, collected: 40, outstanding: 50 }, version: 1 });
const tx = (id: string, amount: number) =>
  aTransaction({ id, amount, date: '2026-11-0' + amount, description: `tx ${id}` });

function setup(
  route: string,
  transactions: Response | (() => Response) = json(page([tx('t1', 1), tx('t2', 2)])),
  profile = member,
) {
  const scrolled = vi.fn();
  Element.prototype.scrollIntoView = scrolled;
  const fetch = mockFetch((url, init) => {
    if (url.pathname === '/api/transactions/t2' && init.method === 'PUT') return json({ ...tx('t2', 2), version: 1 });
    if (url.pathname === '/api/users/u1') return json(profile);
    if (url.pathname === '/api/categories') return json([]);
    if (url.pathname === '/api/transactions')
      return typeof transactions === 'function' ? transactions() : transactions.clone();
    if (url.pathname === '/api/transactions/t9') return json(tx('t9', 9));
    return undefined;
  });
  renderWithProviders(
    <Routes>
      <Route path="/members/:id" element={<MemberProfilePage />} />
    </Routes>,
    { route },
  );
  return { scrolled, fetch };
}

describe('MemberProfilePage', () => {
  it('shows the balance and the transactions', async () => {
    setup('/members/u1');
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();
    expect(screen.getByTestId('balance-outstanding')).toHaveTextContent('€50.00');
    expect(await screen.findAllByTestId('transaction-row')).toHaveLength(2);
    // Each cell names its column, for the cards a phone shows instead of the table.
    const row = ['Date', 'Type', 'Category', 'Description', 'Amount (€)', null];
    expect(cellLabels(screen.getByTestId('transactions-table'))).toEqual([row, row]);
  });

  it('shows the standing reference and the sections, and an edit sends them back', async () => {
    const { fetch } = setup('/members/u1', json(page([])), {
      ...member,
      tags: ['Baladins', 'Louveteaux'],
      language: 'nl',
      iban: 'BE68539007547034',
    });
    expect(await screen.findByTestId('member-reference')).toHaveTextContent('+++090/9337/55493+++');
    expect(
      within(screen.getByTestId('member-tags'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Baladins', 'Louveteaux']);

    await userEvent.click(screen.getByTestId('member-edit'));
    const sections = screen.getByRole('textbox', { name: /Sections/ });
    expect(sections).toHaveValue('Baladins, Louveteaux');
    await userEvent.clear(sections);
    await userEvent.type(sections, 'Baladins, , Pionniers ');
    await userEvent.click(screen.getByTestId('member-save'));

    await waitFor(() => expect(callsTo(fetch, '/api/users/u1', 'PUT')).toHaveLength(1));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(put?.[1]?.body as string)).toMatchObject({
      tags: ['Baladins', 'Pionniers'],
      language: 'nl',
      iban: 'BE68539007547034',
      version: 1,
    });
  });

  it('captions a negative outstanding as owed to the member, not still to be paid in', async () => {
    setup('/members/u1', json(page([])), {
      ...member,
      balance: { receivables: 10, debts: 30, collected: 0, outstanding: -20 },
    });
    const outstanding = await screen.findByTestId('balance-outstanding');
    expect(outstanding).toHaveTextContent('-€20.00');
    const card = outstanding.closest('.card') as HTMLElement;
    expect(within(card).getByText('owed to the member')).toBeInTheDocument();
    expect(screen.queryByText('still to be paid in')).not.toBeInTheDocument();
  });

  it('scrolls to and highlights the transaction named in ?highlight=', async () => {
    const { scrolled } = setup('/members/u1?highlight=t2');
    const rows = await screen.findAllByTestId('transaction-row');
    const row = rows.find((r) => r.dataset.transactionId === 't2')!;
    expect(row).toHaveAttribute('data-highlighted', 'true');
    expect(row).toHaveClass('highlight');
    await waitFor(() => expect(row).toHaveFocus());
    expect(scrolled).toHaveBeenCalled();
    expect(rows.find((r) => r.dataset.transactionId === 't1')).not.toHaveAttribute('data-highlighted');
  });

  it('fetches a highlighted transaction that is not on the current page', async () => {
    setup('/members/u1?highlight=t9');
    await waitFor(() =>
      expect(screen.getAllByTestId('transaction-row').find((r) => r.dataset.transactionId === 't9')).toHaveAttribute(
        'data-highlighted',
        'true',
      ),
    );
  });

  it('shows a 503 with a Retry, keeping the rest of the profile', async () => {
    let fail = true;
    setup('/members/u1', () =>
      fail
        ? json({ status: 503, title: 'Service Unavailable', detail: 'transaction-service is not answering' }, 503)
        : json(page([tx('t1', 1)])),
    );
    expect(await screen.findByText(/A service is not answering right now/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();
    fail = false;
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(await screen.findByTestId('transaction-row')).toBeInTheDocument();
  });

  it('re-opens the transaction being edited, for the same transaction, after coming back', async () => {
    const user = userEvent.setup();
    setup('/members/u1');
    await screen.findAllByTestId('transaction-row');
    await user.click(screen.getByRole('button', { name: /^Edit the transaction of .*€2\.00$/ }));
    const amount = within(screen.getByRole('dialog', { name: 'Edit transaction' })).getByLabelText('Amount (€)');
    await user.clear(amount);
    await user.type(amount, '7,50');

    cleanup();
    const { fetch } = setup('/members/u1');
    const dialog = await screen.findByRole('dialog', { name: 'Edit transaction' });
    expect(within(dialog).getByLabelText('Amount (€)')).toHaveValue('7,50');
    expect(within(dialog).getByLabelText('Description (optional)')).toHaveValue('tx t2');
    expect(within(dialog).getByTestId('draft-restored')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(fetch, '/api/transactions/t2', 'PUT')).toHaveLength(1));
    const [, init] = fetch.mock.calls.find(([, i]) => i?.method === 'PUT')!;
    expect(JSON.parse(init!.body as string)).toMatchObject({ amount: 7.5, version: 0 });
    expect(Object.keys(sessionStorage).filter((k) => k.includes('draft'))).toEqual([]);
  });
});
