import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { resetSession, session } from '../session';
import { aMember, aTransaction } from '../test/fixtures';
import { callsTo, cellLabels, json, mockFetch, page, renderWithProviders } from '../test/utils';
import { MembersPage } from './Members';

const jane = aMember({
  phone: '0470',
  balance: { receivables: 100, debts: 0, collected: 40, outstanding: 60 },
  version: 2,
});
const evil = { ...jane, id: 'u2', firstName: '<img src=x onerror=alert(1)>', lastName: '', email: 'e@x.org' };

function render() {
  return renderWithProviders(
    <Routes>
      <Route path="/members" element={<MembersPage />} />
      <Route path="*" element={null} />
    </Routes>,
    { route: '/members' },
  );
}

function setup(extra?: (url: URL, init: RequestInit) => Response | undefined) {
  const fetch = mockFetch((url, init) => {
    const answer = extra?.(url, init);
    if (answer) return answer;
    if (url.pathname === '/api/users' && !init.method) return json(page([jane, evil]));
    if (url.pathname === '/api/transactions') return json(page([aTransaction()], 3, 1));
    if (init.method === 'DELETE') return json(null, 204);
    return undefined;
  });
  const user = userEvent.setup();
  const view = render();
  return { fetch, user, ...view };
}

describe('MembersPage', () => {
  it('filters by section and shows archived members on request', async () => {
    const { fetch, user } = setup((url) =>
      url.pathname === '/api/users'
        ? json(
            page([
              { ...jane, tags: ['Louveteaux', 'Baladins'] },
              { ...evil, tags: ['Baladins'], archived: true },
            ]),
          )
        : undefined,
    );
    const section = await screen.findByTestId('member-section');
    expect(
      within(section)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All sections', 'Baladins', 'Louveteaux']);
    await user.selectOptions(section, 'Baladins');
    await user.click(screen.getByTestId('member-archived'));
    await waitFor(() =>
      expect(callsTo(fetch, '/api/users').map((u) => u.search)).toContainEqual(
        expect.stringMatching(/tag=Baladins.*archived=true/),
      ),
    );
    expect(screen.getAllByText('Archived')).toHaveLength(1);
  });

  it('lists members with their outstanding balance, names as plain text', async () => {
    const { container } = setup();
    const rows = await screen.findAllByTestId('member-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('€60.00')).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('names the column on every cell, for the cards a phone shows instead of the table', async () => {
    setup();
    await screen.findAllByTestId('member-row');
    const row = ['Name', 'Email', 'Phone', 'Outstanding', null];
    expect(cellLabels(screen.getByTestId('members-table'))).toEqual([row, row]);
  });

  it('says how many transactions go with a member before deleting', async () => {
    const { user, fetch } = setup();
    await screen.findAllByTestId('member-row');
    await user.click(screen.getByRole('button', { name: 'Delete Jane Doe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Jane Doe?' });
    expect(
      await within(dialog).findByText('Jane Doe has 3 transactions; they go with the member.'),
    ).toBeInTheDocument();
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
    await waitFor(() =>
      expect(callsTo(fetch, '/api/users').some((u) => u.searchParams.get('q') === 'jane')).toBe(true),
    );
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

  it('re-opens the new member being typed after the sign-in, until Cancel forgets it', async () => {
    window.history.replaceState(null, '', '/members');
    let expired = false;
    const { user } = setup(() => (expired ? json({ status: 401, title: 'Unauthorized' }, 401) : undefined));
    await screen.findAllByTestId('member-row');
    await user.click(screen.getByRole('button', { name: 'New member' }));
    await user.type(screen.getByLabelText('First name'), 'Jo');
    await user.type(screen.getByLabelText('Email'), 'jo@x.org');
    // The session ended meanwhile: the save answers 401.
    expired = true;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(session.assign).toHaveBeenCalledWith('/members'));
    expect(screen.getByRole('dialog', { name: 'New member' })).toBeInTheDocument();

    // Back from the sign-in on /members.
    cleanup();
    resetSession();
    expired = false;
    render();
    const dialog = await screen.findByRole('dialog', { name: 'New member' });
    expect(within(dialog).getByLabelText('First name')).toHaveValue('Jo');
    expect(within(dialog).getByLabelText('Email')).toHaveValue('jo@x.org');
    expect(within(dialog).getByTestId('draft-restored')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    cleanup();
    render();
    await screen.findAllByTestId('member-row');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('re-opens the edit dialog of the same member once the list is back', async () => {
    const { user } = setup((url, init) =>
      url.pathname === '/api/users/u1' && init.method === 'PUT' ? json({ ...jane, version: 3 }) : undefined,
    );
    await screen.findAllByTestId('member-row');
    await user.click(screen.getByRole('button', { name: 'Edit Jane Doe' }));
    await user.type(screen.getByLabelText('Phone (optional)'), '99');

    // Loaded again (e.g. back from the sign-in).
    cleanup();
    const again = setup((url, init) =>
      url.pathname === '/api/users/u1' && init.method === 'PUT' ? json({ ...jane, version: 3 }) : undefined,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit member' });
    expect(within(dialog).getByLabelText('First name')).toHaveValue('Jane');
    expect(within(dialog).getByLabelText('Phone (optional)')).toHaveValue('047099');
    await again.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(again.fetch, '/api/users/u1', 'PUT')).toHaveLength(1));
    expect(JSON.parse(again.fetch.mock.calls.find(([, i]) => i?.method === 'PUT')![1]!.body as string)).toMatchObject({
      phone: '047099',
      version: 2,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(Object.keys(sessionStorage).filter((k) => k.includes('draft'))).toEqual([]);
  });

  it('drops a draft older than an hour', async () => {
    const { user } = setup();
    await screen.findAllByTestId('member-row');
    await user.click(screen.getByRole('button', { name: 'New member' }));
    await user.type(screen.getByLabelText('First name'), 'Jo');
    const [key] = Object.keys(sessionStorage).filter((k) => k.includes('draft'));
    const stored = JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown>;
    sessionStorage.setItem(key, JSON.stringify({ ...stored, at: Date.now() - 2 * 60 * 60_000 }));

    cleanup();
    render();
    await screen.findAllByTestId('member-row');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sessionStorage.getItem(key)).toBeNull();
  });
});
