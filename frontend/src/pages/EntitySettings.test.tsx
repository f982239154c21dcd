import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { switchEntity } from '../entity';
import type { EntitySettings } from '../model';
import { aMe, anEntity } from '../test/fixtures';
import { callsTo, json, mockFetch, renderWithProviders } from '../test/utils';
import { EntitySettingsPage } from './EntitySettings';

const saved: EntitySettings = {
  name: 'Unité Saint-Jean',
  currency: 'EUR',
  iban: null,
  bic: null,
  beneficiary: null,
  defaultLanguage: 'fr',
  address: null,
  receiptEmails: false,
  version: 3,
};

const PATH = '/api/entities/scouts/settings';

function backend(put: (body: EntitySettings) => Response, roles = ['admin', 'super-admin']) {
  switchEntity('scouts');
  return mockFetch((url, init) => {
    if (url.pathname === '/api/me') return json(aMe({ roles }));
    if (url.pathname === '/api/entities') return json([anEntity({ id: 'scouts', name: 'Unité Saint-Jean' })]);
    if (url.pathname === PATH && init.method === 'PUT') return put(JSON.parse(init.body as string) as EntitySettings);
    if (url.pathname === PATH) return json(saved);
    return undefined;
  });
}

describe('EntitySettingsPage', () => {
  it('saves the current entity’s settings with PUT, with the version it read', async () => {
    const fetch = backend((body) => json(body));
    const user = userEvent.setup();
    renderWithProviders(<EntitySettingsPage />, { route: '/settings' });
    expect(await screen.findByRole('heading', { name: 'Settings of Unité Saint-Jean' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Name')).toHaveValue('Unité Saint-Jean');
    expect(screen.getByLabelText('Default language')).toHaveValue('fr');
    await user.type(screen.getByLabelText('IBAN (optional)'), 'BE68 5390 0754 7034');
    await user.type(screen.getByLabelText('Beneficiary (optional)'), 'Unité Saint-Jean ASBL');
    await user.selectOptions(screen.getByLabelText('Default language'), 'nl');
    await user.click(screen.getByLabelText('E-mail members a receipt when their payment is booked'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(callsTo(fetch, PATH, 'PUT')).toHaveLength(1));
    const [put] = fetch.mock.calls.filter(([, init]) => init?.method === 'PUT');
    expect(new Headers(put[1]!.headers).get('X-Entity')).toBe('scouts');
    expect(JSON.parse(put[1]!.body as string)).toEqual({
      ...saved,
      iban: 'BE68539007547034',
      beneficiary: 'Unité Saint-Jean ASBL',
      defaultLanguage: 'nl',
      receiptEmails: true,
    });
    // The top bar shows the name from the list of entities: asked for again.
    await waitFor(() => expect(callsTo(fetch, '/api/entities').length).toBeGreaterThanOrEqual(2));
  });

  it('shows an invalid IBAN under the IBAN', async () => {
    backend(() =>
      json(
        {
          status: 400,
          detail: 'Some fields are invalid.',
          errors: [{ field: 'iban', message: 'is not a valid IBAN' }],
        },
        400,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<EntitySettingsPage />, { route: '/settings' });
    await user.type(await screen.findByLabelText('IBAN (optional)'), 'BE00 0000 0000 0000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('error-iban')).toHaveTextContent('is not a valid IBAN');
    expect(screen.getByLabelText('IBAN (optional)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('IBAN (optional)')).toHaveAccessibleDescription(/is not a valid IBAN/);
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });

  it('tells an admin who is not super-admin of the entity that the settings are not theirs', async () => {
    const fetch = backend(() => json(saved), ['admin']);
    renderWithProviders(<EntitySettingsPage />, { route: '/settings' });
    expect(await screen.findByTestId('settings-forbidden')).toBeInTheDocument();
    expect(callsTo(fetch, PATH)).toHaveLength(0);
  });
});
