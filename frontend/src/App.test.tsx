import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { LANGUAGE_KEY } from './i18n';
import { aMe, aMember, anEntity } from './test/fixtures';
import { callsTo, json, mockFetch, page, renderWithProviders, requestUrl } from './test/utils';

const me = aMe({ roles: ['admin', 'super-admin'] });

/** The JSON bodies of the PUTs to `path`. */
function putsTo(fetch: ReturnType<typeof mockFetch>, path: string): unknown[] {
  return fetch.mock.calls
    .filter(
      ([input, init]) => new URL(requestUrl(input), 'http://localhost').pathname === path && init?.method === 'PUT',
    )
    .map(([, init]) => JSON.parse(init!.body as string) as unknown);
}

function backend(overrides: Record<string, () => Response> = {}) {
  return mockFetch((url) => {
    if (overrides[url.pathname]) return overrides[url.pathname]();
    switch (url.pathname) {
      case '/api/entities':
        return json([anEntity()]);
      case '/api/me':
        return json(me);
      case '/api/me/language':
        return json(null, 204);
      case '/api/users':
        return json(
          page([
            aMember({
              firstName: '<img src=x onerror=alert(1)>',
              email: 'x@y.z',
              balance: { receivables: 50, debts: 0, collected: 20, outstanding: 30 },
            }),
          ]),
        );
      case '/api/notifications':
        return json(page([]));
      case '/api/notifications/unread-count':
        return json({ count: 0 });
      case '/api/transactions':
        return json(page([]));
      default:
        return undefined;
    }
  });
}

describe('App', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('welcomes the admin on the dashboard and signs out with a form post carrying the CSRF token', async () => {
    document.cookie = 'XSRF-TOKEN=tok-42';
    backend();
    renderWithProviders(<App />);
    expect(await screen.findByTestId('welcome')).toHaveTextContent(/^Welcome, Default Admin$/);
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    expect(signOut.textContent).toBe('Sign out');
    const form = signOut.closest('form')!;
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/logout');
    expect(form.querySelector('input[name=_csrf]')).toHaveValue('tok-42');
    expect(screen.getByTestId('current-user')).toHaveTextContent('Default Admin');
  });

  it('shows the dashboard totals and renders member names as text', async () => {
    backend();
    const { container } = renderWithProviders(<App />);
    expect(await screen.findByTestId('total-outstanding')).toHaveTextContent('€30.00');
    expect(screen.getByTestId('top-debtors')).toHaveTextContent('<img src=x onerror=alert(1)> Doe');
    expect(container.querySelector('img')).toBeNull();
    expect(await screen.findByText('No transactions in the last 12 months.')).toBeInTheDocument();
  });

  it('shows a 503 with a Retry instead of a blank page, and recovers', async () => {
    let down = true;
    const fetch = backend({
      '/api/me': () =>
        down ? json({ status: 503, detail: 'auth-service is not answering right now' }, 503) : json(me),
    });
    const user = userEvent.setup();
    renderWithProviders(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('A service is not answering right now');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('welcome')).toHaveTextContent('Welcome, Default Admin');
    expect(callsTo(fetch, '/api/me').length).toBeGreaterThanOrEqual(2);
  });

  it('offers to sign out beside Retry when the services cannot be reached', async () => {
    document.cookie = 'XSRF-TOKEN=tok-7';
    backend({ '/api/me': () => json({ status: 502, title: 'Bad Gateway', detail: 'auth-service is down' }, 502) });
    renderWithProviders(<App />);
    const alert = await screen.findByRole('alert');
    expect(screen.getByText('The console cannot reach its services right now.')).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    const signOut = within(alert).getByTestId('sign-out');
    expect(signOut).toHaveTextContent('Sign out');
    const form = signOut.closest('form')!;
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/logout');
    expect(form.querySelector('input[name=_csrf]')).toHaveValue('tok-7');
    expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
  });

  it('keeps the dashboard when one section fails', async () => {
    backend({ '/api/users': () => json({ status: 503, detail: 'user-service is not answering' }, 503) });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('welcome')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Retry' }).length).toBeGreaterThan(0));
  });

  it('switches to French and remembers it', async () => {
    backend();
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await screen.findByTestId('welcome');
    await user.selectOptions(screen.getByLabelText('Language'), 'fr');
    expect(await screen.findByTestId('welcome')).toHaveTextContent('Bienvenue, Default Admin');
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(await screen.findByTestId('total-outstanding')).toHaveTextContent(/30,00\s€/);
  });

  it('keeps the language picked for the account', async () => {
    const fetch = backend();
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await screen.findByTestId('welcome');
    await user.selectOptions(screen.getByLabelText('Language'), 'nl');
    expect(await screen.findByTestId('welcome')).toHaveTextContent('Welkom, Default Admin');
    expect(screen.getByRole('button', { name: 'Afmelden' })).toBeInTheDocument();
    expect(await screen.findByTestId('total-outstanding')).toHaveTextContent(/€\s30,00/);
    await waitFor(() => expect(putsTo(fetch, '/api/me/language')).toEqual([{ language: 'nl' }]));
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('nl');
  });

  it('stays in the language picked when the account cannot keep it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetch = backend({
      '/api/me/language': () => json({ status: 503, detail: 'auth-service is not answering right now' }, 503),
    });
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await screen.findByTestId('welcome');
    await user.selectOptions(screen.getByLabelText('Language'), 'fr');
    await waitFor(() => expect(warn).toHaveBeenCalled());
    expect(putsTo(fetch, '/api/me/language')).toEqual([{ language: 'fr' }]);
    expect(screen.getByTestId('welcome')).toHaveTextContent('Bienvenue, Default Admin');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("speaks the account's language once the profile is loaded, and remembers it in this browser", async () => {
    const fetch = backend({ '/api/me': () => json({ ...me, language: 'nl' }) });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('welcome')).toHaveTextContent('Welkom, Default Admin');
    expect(screen.getByLabelText('Taal')).toHaveValue('nl');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('nl');
    expect(putsTo(fetch, '/api/me/language')).toEqual([]);
  });

  it('shows the not-found screen for an unknown address', async () => {
    backend();
    renderWithProviders(<App />, { route: '/nowhere' });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
  });
});
