import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { ENTITY_KEY } from './entity';
import { aMe, aMember, anEntity } from './test/fixtures';
import { json, mockFetch, page, renderWithProviders, requestUrl } from './test/utils';

const scouts = anEntity({ id: 'scouts', name: 'Unité Saint-Jean', slug: 'scouts' });
const club = anEntity({ id: 'club', name: 'Tennis club', slug: 'club', role: 'admin' });

/** The gateway for an account of `entities`; each entity has one member of its own, and the roles of the account there. */
function gateway(entities = [scouts, club], roles: Record<string, string[]> = {}) {
  return mockFetch((url, init) => {
    const entity = new Headers(init.headers).get('X-Entity');
    switch (url.pathname) {
      case '/api/entities':
        return json(entities);
      case '/api/me':
        return json(aMe({ roles: (entity ? roles[entity] : undefined) ?? ['admin'] }));
      case '/api/users':
        return json(page([aMember({ id: `m-${entity}`, firstName: `Member of ${entity}` })]));
      case '/api/notifications':
      case '/api/transactions':
        return json(page([]));
      case '/api/notifications/unread-count':
        return json({ count: 0 });
      default:
        return undefined;
    }
  });
}

/** The X-Entity of every call made to `path`, in order. */
/** The entities the calls to `path` named in X-Entity, in the order they were first named (a page may call twice). */
function entitiesCalled(fetch: ReturnType<typeof gateway>, path: string): (string | null)[] {
  return [
    ...new Set(
      fetch.mock.calls
        .filter(([input]) => new URL(requestUrl(input), 'http://localhost').pathname === path)
        .map(([, init]) => new Headers(init?.headers).get('X-Entity')),
    ),
  ];
}

describe('entities', () => {
  it('acts in the first entity, shows its name, and sends it as X-Entity (the list itself is asked for without)', async () => {
    const fetch = gateway();
    renderWithProviders(<App />, { route: '/members' });
    expect(await screen.findByText('Member of scouts Doe')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Organisation' })).toHaveDisplayValue('Unité Saint-Jean');
    expect(entitiesCalled(fetch, '/api/entities')).toEqual([null]);
    expect(entitiesCalled(fetch, '/api/me')).toEqual(['scouts']);
    expect(entitiesCalled(fetch, '/api/users')).toEqual(['scouts']);
  });

  it('starts in the entity chosen last time', async () => {
    localStorage.setItem(ENTITY_KEY, 'club');
    gateway();
    renderWithProviders(<App />, { route: '/members' });
    expect(await screen.findByText('Member of club Doe')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Organisation' })).toHaveDisplayValue('Tennis club');
  });

  it('switches entity: lists the entities, and refetches everything under the new X-Entity', async () => {
    const fetch = gateway([scouts, club], { scouts: ['admin', 'super-admin'], club: ['admin'] });
    const user = userEvent.setup();
    renderWithProviders(<App />, { route: '/members' });
    await screen.findByText('Member of scouts Doe');
    expect(screen.getByTestId('nav-settings')).toBeInTheDocument();
    const switcher = screen.getByRole('combobox', { name: 'Organisation' });
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Unité Saint-Jean', 'Tennis club']);

    await user.selectOptions(switcher, 'Tennis club');

    expect(await screen.findByText('Member of club Doe')).toBeInTheDocument();
    expect(screen.queryByText('Member of scouts Doe')).not.toBeInTheDocument();
    expect(entitiesCalled(fetch, '/api/users')).toEqual(['scouts', 'club']);
    // The roles are those held in the new entity: no settings there.
    expect(entitiesCalled(fetch, '/api/me')).toEqual(['scouts', 'club']);
    expect(screen.queryByTestId('nav-settings')).not.toBeInTheDocument();
    expect(localStorage.getItem(ENTITY_KEY)).toBe('club');
    expect(screen.getByText('Now working in Tennis club.')).toBeInTheDocument();
  });

  it('leaves the page of a record of the previous entity for its list', async () => {
    gateway();
    const user = userEvent.setup();
    renderWithProviders(<App />, { route: '/members/m-scouts' });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Organisation' }), 'club');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/members$/));
  });

  it('shows just the name to an admin of one entity', async () => {
    gateway([club]);
    renderWithProviders(<App />);
    expect(await screen.findByTestId('current-entity')).toHaveTextContent('Tennis club');
    expect(screen.queryByRole('combobox', { name: 'Organisation' })).not.toBeInTheDocument();
  });

  it('tells an account of no entity so, once, without the console or an error', async () => {
    const fetch = gateway([]);
    renderWithProviders(<App />);
    const none = await screen.findByTestId('no-entity');
    expect(within(none).getByRole('heading', { name: 'Your account belongs to no organisation' })).toHaveFocus();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('error-state')).not.toBeInTheDocument();
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Organisations' })).not.toBeInTheDocument();
    expect(entitiesCalled(fetch, '/api/entities')).toEqual([null]);
    expect(entitiesCalled(fetch, '/api/me')).toEqual([null]);
    expect(entitiesCalled(fetch, '/api/users')).toEqual([]);
  });

  it('lets the operator of the deployment create an organisation even without one', async () => {
    mockFetch((url) => {
      if (url.pathname === '/api/entities') return json([]);
      if (url.pathname === '/api/me') return json(aMe({ roles: ['platform-admin'] }));
      return undefined;
    });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('no-entity')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'New organisation' })).toBeInTheDocument();
  });

  it('offers Organisations to the operator and Settings to a super-admin of the entity', async () => {
    gateway([scouts], { scouts: ['platform-admin', 'super-admin', 'admin'] });
    renderWithProviders(<App />);
    expect(await screen.findByTestId('nav-organisations')).toHaveAttribute('href', '/organisations');
    expect(screen.getByTestId('nav-settings')).toHaveAttribute('href', '/settings');
  });
});
