import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetSession, session } from '../session';
import { aMe, anAdmin } from '../test/fixtures';
import { callsTo, cellLabels, json, mockFetch, renderWithProviders } from '../test/utils';
import { AdminPage } from './Admin';

const admins = [
  anAdmin({ superAdmin: true }),
  anAdmin({ id: 'a2', username: 'treasurer', email: 't@example.com', firstName: 'Tess', lastName: 'Urer' }),
];

function setup(roles: string[], extra?: (url: URL, init: RequestInit) => Response | undefined) {
  const fetch = mockFetch((url, init) => {
    const answer = extra?.(url, init);
    if (answer) return answer;
    if (url.pathname === '/api/me') return json(aMe({ roles }));
    if (url.pathname === '/api/admins' && !init.method) return json(admins);
    if (url.pathname === '/api/admins' && init.method === 'POST')
      return json(
        anAdmin({
          id: 'a3',
          username: 'newbie',
          email: 'n@example.com',
          firstName: null,
          lastName: null,
          temporaryPassword: 'Tmp-123-xyz',
        }),
        201,
      );
    if (url.pathname === '/api/me/password')
      return json(
        {
          status: 400,
          detail: 'Some fields are invalid.',
          errors: [{ field: 'currentPassword', message: 'is not your current password' }],
        },
        400,
      );
    return undefined;
  });
  const user = userEvent.setup();
  renderWithProviders(<AdminPage />, { route: '/admin' });
  return { fetch, user };
}

describe('AdminPage', () => {
  it('hides creating and deleting admins from a plain admin', async () => {
    setup(['admin']);
    expect(await screen.findAllByTestId('admin-row')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'New administrator' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('admin-delete')).not.toBeInTheDocument();
  });

  it('names the column on every cell, for the cards a phone shows instead of the table', async () => {
    setup(['admin', 'super-admin']);
    await screen.findAllByTestId('admin-row');
    const row = ['Username', 'Name', 'Email', 'Role', null];
    expect(cellLabels(screen.getByTestId('admins-table'))).toEqual([row, row]);
  });

  it('lets a super-admin create an admin and shows the temporary password once', async () => {
    const { user, fetch } = setup(['admin', 'super-admin']);
    await screen.findAllByTestId('admin-row');
    // Nobody deletes themselves.
    expect(screen.getAllByTestId('admin-delete')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'New administrator' }));
    const dialog = screen.getByRole('dialog', { name: 'New administrator' });
    await user.type(within(dialog).getByLabelText('Username'), 'newbie');
    await user.type(within(dialog).getByLabelText('Email'), 'n@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create administrator' }));
    expect(await screen.findByTestId('admin-temporary-password')).toHaveTextContent('Tmp-123-xyz');
    const [post] = fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(JSON.parse(post[1]!.body as string)).toMatchObject({
      username: 'newbie',
      email: 'n@example.com',
      password: '',
      superAdmin: false,
    });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a wrong current password under its field', async () => {
    const { user, fetch } = setup(['admin']);
    await user.type(await screen.findByLabelText('Current password'), 'nope');
    await user.type(screen.getByLabelText('New password'), 'N3w-password!');
    await user.type(screen.getByLabelText('New password again'), 'N3w-password!');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByTestId('error-currentPassword')).toHaveTextContent('is not your current password');
    await waitFor(() => expect(callsTo(fetch, '/api/me/password', 'PUT')).toHaveLength(1));
  });

  it('checks the two new passwords match before calling the API', async () => {
    const { user, fetch } = setup(['admin']);
    await user.type(await screen.findByLabelText('Current password'), 'old');
    await user.type(screen.getByLabelText('New password'), 'one');
    await user.type(screen.getByLabelText('New password again'), 'two');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByTestId('error-confirm')).toHaveTextContent('The two new passwords differ.');
    expect(callsTo(fetch, '/api/me/password', 'PUT')).toHaveLength(0);
  });

  it('keeps a new administrator being typed through a sign-in, but never the password', async () => {
    const secret = 'S3cret-pass!';
    let expired = false;
    const { user } = setup(['admin', 'super-admin'], () =>
      expired ? json({ status: 401, title: 'Unauthorized' }, 401) : undefined,
    );
    await screen.findAllByTestId('admin-row');
    await user.click(screen.getByRole('button', { name: 'New administrator' }));
    let dialog = screen.getByRole('dialog', { name: 'New administrator' });
    await user.type(within(dialog).getByLabelText('Username'), 'newbie');
    await user.type(within(dialog).getByLabelText('Initial password (optional)'), secret);
    await user.click(within(dialog).getByLabelText('Super-admin (can manage administrators)'));
    // The session ends as the form is sent.
    expired = true;
    await user.click(within(dialog).getByRole('button', { name: 'Create administrator' }));
    await waitFor(() => expect(session.assign).toHaveBeenCalledWith('/'));
    const stored = Object.keys(sessionStorage)
      .map((k) => `${k}=${sessionStorage.getItem(k)}`)
      .join('\n');
    expect(stored).toContain('newbie');
    expect(stored).not.toContain(secret);
    expect(stored).not.toMatch(/password/i);
    expect(JSON.stringify(localStorage)).not.toContain(secret);

    // Back from the sign-in: the dialog opens again, without the password.
    cleanup();
    resetSession();
    expired = false;
    renderWithProviders(<AdminPage />, { route: '/admin' });
    dialog = await screen.findByRole('dialog', { name: 'New administrator' });
    expect(within(dialog).getByLabelText('Username')).toHaveValue('newbie');
    expect(within(dialog).getByLabelText('Initial password (optional)')).toHaveValue('');
    expect(within(dialog).getByLabelText('Super-admin (can manage administrators)')).toBeChecked();
    expect(within(dialog).getByTestId('draft-restored')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sessionStorage.length).toBe(1); // only the time of the trip to the sign-in
  });

  it('restores the profile being edited and forgets the draft once saved', async () => {
    const { user, fetch } = setup(['admin'], (url, init) =>
      url.pathname === '/api/me' && init.method === 'PUT'
        ? json({ ...JSON.parse(init.body as string), id: 'a1', username: 'admin', roles: ['admin'] })
        : undefined,
    );
    const lastName = await screen.findByLabelText('Last name', { selector: '[data-testid=profile-form] input' });
    await user.clear(lastName);
    await user.type(lastName, 'Adminson');
    expect(screen.queryByTestId('draft-restored')).not.toBeInTheDocument();

    cleanup();
    renderWithProviders(<AdminPage />, { route: '/admin' });
    const form = await screen.findByTestId('profile-form');
    expect(within(form).getByLabelText('Last name')).toHaveValue('Adminson');
    expect(within(form).getByTestId('draft-restored')).toHaveTextContent('Your unsaved changes were restored.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(fetch, '/api/me', 'PUT')).toHaveLength(1));
    await waitFor(() => expect(within(form).queryByTestId('draft-restored')).not.toBeInTheDocument());
    expect(Object.keys(sessionStorage).filter((k) => k.includes('draft'))).toEqual([]);
  });

  it('shows the saved name in the administrators table without a reload', async () => {
    let saved: Record<string, string> | null = null;
    const { user } = setup(['admin'], (url, init) => {
      if (url.pathname === '/api/me' && init.method === 'PUT') {
        saved = JSON.parse(init.body as string) as Record<string, string>;
        return json({ ...aMe({ roles: ['admin'] }), ...saved });
      }
      if (url.pathname === '/api/admins' && saved) return json([{ ...admins[0], ...saved }, admins[1]]);
      return undefined;
    });
    const form = await screen.findByTestId('profile-form');
    const row = () => screen.getAllByTestId('admin-row').find((r) => r.dataset.username === admins[0].username)!;
    await waitFor(() => expect(row()).toBeInTheDocument());
    await user.clear(within(form).getByLabelText('Last name'));
    await user.type(within(form).getByLabelText('Last name'), 'Adminson');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(row()).toHaveTextContent(`${admins[0].firstName} Adminson`));
  });
});
