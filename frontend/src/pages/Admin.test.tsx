import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callsTo, json, mockFetch, renderWithProviders } from '../test/utils';
import { AdminPage } from './Admin';

const admins = [
  { id: 'a1', username: 'admin', email: 'admin@example.com', firstName: 'Default', lastName: 'Admin', superAdmin: true, enabled: true },
  { id: 'a2', username: 'treasurer', email: 't@example.com', firstName: 'Tess', lastName: 'Urer', superAdmin: false, enabled: true },
];

function setup(roles: string[]) {
  const fetch = mockFetch((url, init) => {
    if (url.pathname === '/api/me') return json({ id: 'a1', username: 'admin', email: 'admin@example.com', firstName: 'Default', lastName: 'Admin', roles });
    if (url.pathname === '/api/admins' && !init.method) return json(admins);
    if (url.pathname === '/api/admins' && init.method === 'POST')
      return json({ id: 'a3', username: 'newbie', email: 'n@example.com', superAdmin: false, enabled: true, temporaryPassword: 'Tmp-123-xyz' }, 201);
    if (url.pathname === '/api/me/password')
      return json({ status: 400, detail: 'Some fields are invalid.', errors: [{ field: 'currentPassword', message: 'is not your current password' }] }, 400);
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
    expect(JSON.parse(post[1]!.body as string)).toMatchObject({ username: 'newbie', email: 'n@example.com', password: '', superAdmin: false });
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
});
