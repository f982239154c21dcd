import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CreatedEntity } from '../model';
import { aMe, anEntity } from '../test/fixtures';
import { callsTo, json, mockFetch, renderWithProviders } from '../test/utils';
import { OrganisationsPage, slugOf } from './Organisations';

function backend(create: (body: Record<string, unknown>) => Response, roles = ['platform-admin', 'super-admin']) {
  return mockFetch((url, init) => {
    if (url.pathname === '/api/me') return json(aMe({ roles }));
    if (url.pathname === '/api/entities' && init.method === 'POST')
      return create(JSON.parse(init.body as string) as Record<string, unknown>);
    if (url.pathname === '/api/entities') return json([anEntity()]);
    return undefined;
  });
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, password = '') {
  await user.type(await screen.findByLabelText('Name'), 'Unité Saint-Jean');
  const admin = screen.getByRole('group', { name: 'Its first administrator' });
  await user.type(within(admin).getByLabelText('Username'), 'jean');
  await user.type(within(admin).getByLabelText('Email'), 'jean@example.org');
  await user.type(within(admin).getByLabelText('First name'), 'Jean');
  await user.type(within(admin).getByLabelText('Last name'), 'Dupont');
  if (password) await user.type(within(admin).getByLabelText('Initial password (optional)'), password);
}

describe('OrganisationsPage', () => {
  it('lists the caller’s organisations', async () => {
    backend(() => json({}, 500));
    renderWithProviders(<OrganisationsPage />);
    const row = await screen.findByTestId('entity-row');
    expect(row).toHaveTextContent('Default');
    expect(row).toHaveTextContent('EUR');
    expect(row).toHaveTextContent('Super-admin');
  });

  it('creates one and shows its first admin’s temporary password once', async () => {
    const created: CreatedEntity = {
      id: 'e2',
      name: 'Unité Saint-Jean',
      slug: 'unite-saint-jean',
      currency: 'EUR',
      firstAdmin: { id: 'a9', username: 'jean', temporaryPassword: 'Tmp-42-abc' },
    };
    const fetch = backend(() => json(created, 201));
    const user = userEvent.setup();
    renderWithProviders(<OrganisationsPage />);
    await fillIn(user);
    // The slug follows the name until typed in.
    expect(screen.getByLabelText('Short name')).toHaveValue('unite-saint-jean');
    await user.click(screen.getByRole('button', { name: 'Create organisation' }));

    const dialog = await screen.findByRole('dialog', { name: 'Unité Saint-Jean created' });
    expect(within(dialog).getByTestId('entity-temporary-password')).toHaveTextContent('Tmp-42-abc');
    expect(dialog).toHaveTextContent('Give jean this temporary password');
    const [post] = fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      name: 'Unité Saint-Jean',
      slug: 'unite-saint-jean',
      firstAdmin: { username: 'jean', email: 'jean@example.org', firstName: 'Jean', lastName: 'Dupont' },
    });
    // The list is asked for again, and the form is empty for the next one.
    await waitFor(() => expect(callsTo(fetch, '/api/entities').length).toBeGreaterThanOrEqual(2));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('entity-temporary-password')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('');
  });

  it('says nothing of a password when one was given', async () => {
    backend((body) =>
      json(
        {
          id: 'e2',
          name: body.name,
          slug: body.slug,
          currency: 'EUR',
          firstAdmin: { id: 'a9', username: 'jean', temporaryPassword: null },
        },
        201,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<OrganisationsPage />);
    await fillIn(user, 'Secret-Pass-1');
    await user.click(screen.getByRole('button', { name: 'Create organisation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unité Saint-Jean created' });
    expect(dialog).toHaveTextContent('Its super-admin is jean.');
    expect(screen.queryByTestId('entity-temporary-password')).not.toBeInTheDocument();
  });

  it('shows a slug already taken under the slug', async () => {
    backend(() => json({ status: 409, title: 'Conflict', detail: 'The slug unite-saint-jean is already taken.' }, 409));
    const user = userEvent.setup();
    renderWithProviders(<OrganisationsPage />);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create organisation' }));
    expect(await screen.findByTestId('error-slug')).toHaveTextContent('The slug unite-saint-jean is already taken.');
    expect(screen.getByLabelText('Short name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the field errors of a 400 under their fields, the first admin’s included', async () => {
    backend(() =>
      json(
        {
          status: 400,
          detail: 'Some fields are invalid.',
          errors: [
            { field: 'currency', message: 'must be three capital letters' },
            { field: 'firstAdmin.email', message: 'must be a well-formed email address' },
          ],
        },
        400,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<OrganisationsPage />);
    await fillIn(user);
    await user.type(screen.getByLabelText('Currency (optional)'), 'eu');
    await user.click(screen.getByRole('button', { name: 'Create organisation' }));
    expect(await screen.findByTestId('error-currency')).toHaveTextContent('must be three capital letters');
    expect(screen.getByTestId('error-email')).toHaveTextContent('must be a well-formed email address');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });

  it('tells anyone else that only the operator creates organisations', async () => {
    backend(() => json({}, 500), ['super-admin']);
    renderWithProviders(<OrganisationsPage />);
    expect(await screen.findByTestId('organisations-forbidden')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create organisation' })).not.toBeInTheDocument();
  });
});

describe('slugOf', () => {
  it('makes a slug of a name', () => {
    expect(slugOf('  Unité Saint-Jean (Liège) ')).toBe('unite-saint-jean-liege');
  });
});
