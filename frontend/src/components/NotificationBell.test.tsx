import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aNotification } from '../test/fixtures';
import { callsTo, json, mockFetch, page, renderWithProviders } from '../test/utils';
import { switchEntity } from '../entity';
import i18n from '../i18n';
import { NotificationBell, POLL_INTERVAL_MS } from './NotificationBell';

const notifications = [
  aNotification({
    id: 'n1',
    message: 'Debt of €12.00 for Jane Doe',
    userId: 'u1',
    transactionId: 't1',
    createdAt: '2026-11-20T10:00:00Z',
  }),
  aNotification({
    id: 'n2',
    type: 'UserCreated',
    message: 'New member <b>Bob</b>',
    userId: 'u2',
    createdAt: '2026-11-19T10:00:00Z',
    read: true,
  }),
];

function backend() {
  return mockFetch((url, init) => {
    if (url.pathname === '/api/notifications/unread-count') return json({ count: 2 });
    if (url.pathname === '/api/notifications' && !init.method) return json(page(notifications));
    if (init.method === 'POST') return json(null, 204);
    return undefined;
  });
}

function setup() {
  const fetch = backend();
  const user = userEvent.setup();
  const view = renderWithProviders(
    <>
      <NotificationBell />
      <button type="button">Somewhere else</button>
    </>,
  );
  return { fetch, user, ...view };
}

async function openPanel(user: ReturnType<typeof userEvent.setup>) {
  const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
  await user.click(bell);
  const panel = await screen.findByRole('dialog', { name: 'Notifications' });
  await screen.findAllByTestId('notification-item');
  return { bell, panel };
}

describe('NotificationBell', () => {
  it('shows the unread count on the bell', async () => {
    setup();
    expect(await screen.findByTestId('notification-badge')).toHaveTextContent('2');
    expect(screen.getByTestId('notification-bell')).toHaveAttribute('aria-expanded', 'false');
  });

  it('names the bell with the count its badge shows, "99+" past 99 (axe: label-content-name-mismatch)', async () => {
    mockFetch((url) => (url.pathname === '/api/notifications/unread-count' ? json({ count: 701 }) : undefined));
    renderWithProviders(<NotificationBell />);
    const badge = await screen.findByTestId('notification-badge');
    expect(badge).toHaveTextContent(/^99\+$/);
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Notifications, 99+ unread');
  });

  it('opens the panel with focus inside it', async () => {
    const { user } = setup();
    const { bell, panel } = await openPanel(user);
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toContainElement(document.activeElement as HTMLElement);
    // Notification text is shown as text, never as markup.
    expect(screen.getByText('New member <b>Bob</b>')).toBeInTheDocument();
  });

  it('closes on Escape and gives focus back to the bell', async () => {
    const { user } = setup();
    const { bell } = await openPanel(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('notification-panel')).not.toBeInTheDocument();
    expect(bell).toHaveFocus();
  });

  it('closes on its close button and gives focus back to the bell', async () => {
    const { user } = setup();
    const { bell } = await openPanel(user);
    await user.click(screen.getByRole('button', { name: 'Close notifications' }));
    expect(screen.queryByTestId('notification-panel')).not.toBeInTheDocument();
    expect(bell).toHaveFocus();
  });

  it('closes on a click outside it', async () => {
    const { user } = setup();
    await openPanel(user);
    await user.click(screen.getByRole('button', { name: 'Somewhere else' }));
    expect(screen.queryByTestId('notification-panel')).not.toBeInTheDocument();
  });

  it('stays open on a click inside it', async () => {
    const { user } = setup();
    const { panel } = await openPanel(user);
    await user.click(screen.getByRole('heading', { name: 'Notifications' }));
    expect(panel).toBeInTheDocument();
  });

  it('keeps Tab inside the panel', async () => {
    const { user } = setup();
    await openPanel(user);
    const items = screen.getAllByTestId('notification-item');
    items[items.length - 1].focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close notifications' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(items[items.length - 1]).toHaveFocus();
  });

  it('opens the member with the transaction highlighted and marks the entry read', async () => {
    const { user, fetch } = setup();
    await openPanel(user);
    await user.click(screen.getByText('Debt of €12.00 for Jane Doe'));
    expect(screen.getByTestId('location')).toHaveTextContent('/members/u1?highlight=t1');
    expect(screen.queryByTestId('notification-panel')).not.toBeInTheDocument();
    await waitFor(() => expect(callsTo(fetch, '/api/notifications/n1/read', 'POST')).toHaveLength(1));
  });

  it('marks all read', async () => {
    const { user, fetch } = setup();
    await openPanel(user);
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(callsTo(fetch, '/api/notifications/read-all', 'POST')).toHaveLength(1));
  });
});

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener() {}
  close() {
    this.closed = true;
  }
}

describe('live unread count', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });

  it('refreshes the count when the stream says something happened', async () => {
    const { fetch } = setup();
    await screen.findByTestId('notification-badge');
    const source = FakeEventSource.instances[0];
    expect(source.url).toBe('/api/notifications/stream?lang=en');
    const before = callsTo(fetch, '/api/notifications/unread-count').length;
    act(() => source.onmessage?.(new MessageEvent('message', { data: '{}' })));
    await waitFor(() => expect(callsTo(fetch, '/api/notifications/unread-count').length).toBeGreaterThan(before));
  });

  it('falls back to polling every 30 s when the stream fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { fetch } = setup();
      await screen.findByTestId('notification-badge');
      const source = FakeEventSource.instances[0];
      act(() => source.onerror?.());
      expect(source.closed).toBe(true);
      const before = callsTo(fetch, '/api/notifications/unread-count').length;
      await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS + 100));
      await waitFor(() => expect(callsTo(fetch, '/api/notifications/unread-count').length).toBeGreaterThan(before));
    } finally {
      vi.useRealTimers();
    }
  });

  it("names the current entity in the stream's address (EventSource cannot send X-Entity), and follows a switch", async () => {
    switchEntity('unit-a');
    setup();
    await screen.findByTestId('notification-badge');
    expect(FakeEventSource.instances.map((source) => source.url)).toEqual([
      '/api/notifications/stream?entity=unit-a&lang=en',
    ]);

    act(() => switchEntity('unit b'));
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2));
    expect(FakeEventSource.instances[0].closed).toBe(true);
    expect(FakeEventSource.instances[1].url).toBe('/api/notifications/stream?entity=unit+b&lang=en');
  });

  it("names the console's language in the stream's address (EventSource cannot send Accept-Language), and follows a change", async () => {
    setup();
    await screen.findByTestId('notification-badge');
    expect(FakeEventSource.instances.map((source) => source.url)).toEqual(['/api/notifications/stream?lang=en']);

    await act(() => i18n.changeLanguage('nl'));
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2));
    expect(FakeEventSource.instances[0].closed).toBe(true);
    expect(FakeEventSource.instances[1].url).toBe('/api/notifications/stream?lang=nl');
  });
});
