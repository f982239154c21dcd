import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { ReportsPage } from './pages/Reports';
import i18n from './i18n';
import { LOGIN_PATH, resetSession, RETURN_KEY, session } from './session';
import { aMe, aMember, anEntity } from './test/fixtures';
import { callsTo, json, mockFetch, page, renderWithProviders } from './test/utils';

const me = aMe();
const jane = aMember({ version: 4 });

/** The gateway: answers as signed in until `expired` is set, then 401 for every API call. */
function gateway() {
  const state = { expired: false };
  const fetch = mockFetch((url, init) => {
    if (state.expired) return json({ status: 401, title: 'Unauthorized', detail: 'The session has ended.' }, 401);
    if (url.pathname === '/api/entities') return json([anEntity()]);
    if (url.pathname === '/api/me') return json(me);
    if (url.pathname === '/api/users/u1' && init.method === 'PUT')
      return json({ ...jane, ...JSON.parse(init.body as string), version: 5 });
    if (url.pathname === '/api/users/u1') return json(jane);
    if (url.pathname === '/api/transactions') return json(page([]));
    if (url.pathname === '/api/categories') return json([]);
    if (url.pathname === '/api/notifications') return json(page([]));
    if (url.pathname === '/api/notifications/unread-count') return json({ count: 0 });
    return undefined;
  });
  return { state, fetch };
}

function drafts(): string[] {
  return Object.keys(sessionStorage).filter((k) => k.startsWith('finance-tracker.draft:'));
}

const ROUTE = '/members/u1?page=0';

describe('when the session ends', () => {
  it('keeps the open form, goes once through the sign-in back to the same screen, and re-opens the form there', async () => {
    window.history.replaceState(null, '', ROUTE);
    const { state, fetch } = gateway();
    const user = userEvent.setup();
    const first = renderWithProviders(<App />, { route: ROUTE });
    // The entities, the profile, then the member's screen (loaded on demand): slow on a busy machine.
    await user.click(await screen.findByRole('button', { name: 'Edit member' }, { timeout: 5000 }));
    const firstName = within(screen.getByRole('dialog', { name: 'Edit member' })).getByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');

    // The session ends; every screen section asks again at once and gets a 401.
    state.expired = true;
    void first.queryClient.invalidateQueries();
    await waitFor(() => expect(session.assign).toHaveBeenCalled());
    await waitFor(() => expect(callsTo(fetch, '/api/me').length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(callsTo(fetch, '/api/transactions').length).toBeGreaterThanOrEqual(2));
    expect(session.assign).toHaveBeenCalledOnce();
    expect(session.assign).toHaveBeenCalledWith(ROUTE);
    // The page is on its way out: nothing in between, neither an error nor the signed-out screen.
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(screen.queryByTestId('signed-out')).not.toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Edit member' })).toBeInTheDocument();
    expect(drafts()).toHaveLength(1);
    expect(sessionStorage.getItem(drafts()[0])).toContain('Janet');
    expect(localStorage.length).toBe(0);

    // The gateway brings the browser back to the same address with a new session: a fresh page load.
    first.unmount();
    resetSession();
    sessionStorage.setItem(RETURN_KEY, String(Date.now() - 60_000)); // the sign-in took a while
    state.expired = false;
    renderWithProviders(<App />, { route: ROUTE });
    const dialog = await screen.findByRole('dialog', { name: 'Edit member' });
    expect(within(dialog).getByLabelText('First name')).toHaveValue('Janet');
    expect(within(dialog).getByLabelText('Last name')).toHaveValue('Doe');
    expect(within(dialog).getByTestId('draft-restored')).toHaveTextContent('Your unsaved changes were restored.');
    expect(within(dialog).getByTestId('draft-restored')).toHaveAttribute('role', 'status');

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [put] = fetch.mock.calls.filter(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(put[1]!.body as string)).toMatchObject({ firstName: 'Janet', lastName: 'Doe', version: 4 });
    expect(drafts()).toEqual([]);
  });

  it('shows the restored notice in the current language', async () => {
    window.history.replaceState(null, '', ROUTE);
    gateway();
    const user = userEvent.setup();
    const first = renderWithProviders(<App />, { route: ROUTE });
    // The entities, the profile, then the member's screen (loaded on demand): slow on a busy machine.
    await user.click(await screen.findByRole('button', { name: 'Edit member' }, { timeout: 5000 }));
    await user.type(within(screen.getByRole('dialog')).getByLabelText('Phone (optional)'), '+32 470 00 00 00');
    // Loaded again (e.g. back from the sign-in), now in French.
    first.unmount();
    await i18n.changeLanguage('fr');
    renderWithProviders(<App />, { route: ROUTE });
    expect(await screen.findByTestId('draft-restored')).toHaveTextContent(
      'Vos modifications non enregistrées ont été récupérées.',
    );
    expect(screen.getByLabelText('Téléphone (facultatif)')).toHaveValue('+32 470 00 00 00');
  });

  it('stops on a calm signed-out screen instead of going round again right after coming back', async () => {
    window.history.replaceState(null, '', ROUTE);
    sessionStorage.setItem(RETURN_KEY, String(Date.now() - 2000));
    const { state } = gateway();
    state.expired = true;
    const { queryClient } = renderWithProviders(<App />, { route: ROUTE });
    const screenOut = await screen.findByTestId('signed-out');
    await waitFor(() => expect(queryClient.getQueryState(['entities'])?.status).toBe('error'));
    expect(screenOut).toHaveTextContent('Your session has ended');
    expect(within(screenOut).getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', LOGIN_PATH);
    expect(session.assign).not.toHaveBeenCalled();
    expect(screen.queryByText('The console cannot reach its services right now.')).not.toBeInTheDocument();
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(screen.queryByTestId('nav-members')).not.toBeInTheDocument();
  });

  it('never shows "cannot reach" for a 401 on the first call: it goes to the sign-in', async () => {
    window.history.replaceState(null, '', '/members?q=jo');
    const { state, fetch } = gateway();
    state.expired = true;
    renderWithProviders(<App />, { route: '/members?q=jo' });
    await waitFor(() => expect(session.assign).toHaveBeenCalledWith('/members?q=jo'));
    // The entities are asked for first: the profile depends on the entity chosen.
    expect(callsTo(fetch, '/api/entities')).toHaveLength(1);
    expect(callsTo(fetch, '/api/me')).toHaveLength(0);
    expect(screen.getByTestId('loading')).toBeInTheDocument();
    expect(screen.queryByText('The console cannot reach its services right now.')).not.toBeInTheDocument();
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sign-out')).not.toBeInTheDocument();
  });

  it('keeps the report period being chosen, and forgets it once the report is generated', async () => {
    const fetch = mockFetch((url, init) => {
      if (url.pathname === '/api/reports' && init.method === 'POST')
        return json({ id: 'r1', ...JSON.parse(init.body as string) }, 201);
      if (url.pathname === '/api/reports') return json(page([]));
      return undefined;
    });
    const user = userEvent.setup();
    const first = renderWithProviders(<ReportsPage />, { route: '/reports' });
    await user.selectOptions(screen.getByLabelText('Granularity'), 'WEEK');
    first.unmount();

    renderWithProviders(<ReportsPage />, { route: '/reports' });
    expect(screen.getByLabelText('Granularity')).toHaveValue('WEEK');
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/reports/r1'));
    expect(JSON.parse(fetch.mock.calls.find(([, i]) => i?.method === 'POST')![1]!.body as string)).toMatchObject({
      granularity: 'WEEK',
    });
    expect(drafts()).toEqual([]);
  });
});
