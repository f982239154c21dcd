import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { callsTo, json, mockFetch, page, renderWithProviders } from '../test/utils';
import { MembersPage } from './Members';

const jane = {
  id: 'u1', firstName: 'Jane', lastName: 'Doe', email: 'jane@x.org', phone: '0470',
  balance: { receivables: 100, debts: 0, collected: 40, outstanding: 60 }, version: 2,
};
const evil = { ...jane, id: 'u2', firstName: '<img src=x onerror=alert(1)>', lastName: '', email: 'e@x.org' };

function setup(extra?: (url: URL, init: RequestInit) => Response | undefined) {
  const fetch = mockFetch((url, init) => {
    const answer = extra?.(url, init);
    if (answer) return answer;
    if (url.pathname === '/api/users' && !init.method) return json(page([jane, evil]));
    if (url.pathname === '/api/transactions') return json(page([{ id: 't1' }], 3, 1));
    if (init.method === 'DELETE') return json(null, 204);
    return undefined;
  });
  const user = userEvent.setup();
  const view = renderWithProviders(
    <Routes>
      <Route path="/members" element={<MembersPage />} />
      <Route path="*" element={null} />
    </Routes>,
    { route: '/members' },
  );
  return { fetch, user, ...view };
}

describe('MembersPage', () => {
  it('lists members with their outstanding balance, names as plain text', async () => {
    const { container } = setup();
    const rows = await screen.findAllByTestId('member-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('€60.00')).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says how many transactions go with a member before deleting', async () => {
    const { user, fetch } = setup();
    await screen.findAllByTestId('member-row');
    await user.click(screen.getByRole('button', { name: 'Delete Jane Doe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Jane Doe?' });
    expect(await within(dialog).findByText('Jane Doe has 3 transactions; they go with the member.')).toBeInTheDocument();
    const [count] = callsTo(fetch, '/api/transactions');
    expect(count.searchParams.get('userId')).toBe('u1');
    expect(count.searchParams.get('size')).toBe('1');
    await user.click(within(dialog).getByRole('button', { name: 'Delete member' }));
    await waitFor(() => expect(callsTo(fetch, '/api/users/u1', 'DELETE')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('searches through the URL', async () => {
    const { user, fetch } = setup();
    await screen.findAllByTestId('member-row');
    await user.type(screen.getByLabelText('Search members'), 'jane');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/members?q=jane'));
    await waitFor(() => expect(callsTo(fetch, '/api/users').some((u) => u.searchParams.get('q') === 'jane')).toBe(true));
  });

  it('shows the email conflict under the email field', async () => {
    const { user } = setup((url, init) =>
      url.pathname === '/api/users' && init.method === 'POST'
        ? json({ status: 409, title: 'Conflict', detail: 'A member with this email already exists.' }, 409)
        : undefined,
    );
    await screen.findAllByTestId('member-row');
    await user.click(screen.getByRole('button', { name: 'New member' }));
    await user.type(screen.getByLabelText('First name'), 'Jo');
    await user.type(screen.getByLabelText('Last name'), 'Doe');
    await user.type(screen.getByLabelText('Email'), 'jane@x.org');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('error-email')).toHaveTextContent('A member with this email already exists.');
  });
});
