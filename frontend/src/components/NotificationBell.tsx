import { RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query, send } from '../api';
import { useCurrentEntity } from '../entity';
import { useFormat } from '../hooks';
import type { Notification, NotificationPage, UnreadCount } from '../model';
import { BellIcon } from './Icons';
import { Empty, ErrorState, Loading } from './QueryState';
import { useFocusTrap } from './useFocusTrap';

export const STREAM_PATH = '/api/notifications/stream';
export const POLL_INTERVAL_MS = 30_000;
/** The badge shows at most this many unread, then "99+". */
export const BADGE_MAX = 99;

/** Refreshes what depends on notifications, members' balances included (they move with the same events). */
function refreshAfterEvent(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  void queryClient.invalidateQueries({ queryKey: ['users'] });
  void queryClient.invalidateQueries({ queryKey: ['user'] });
}

/**
 * The stream of the entity's notifications. EventSource cannot send headers: the gateway makes `X-Entity` of
 * `?entity=`, and the service reads the language of its messages from `?lang=`.
 */
export function streamUrl(entity: string | null, language: string): string {
  return STREAM_PATH + query({ entity, lang: language });
}

/**
 * Listens to the server-sent events of the notification service, for the current entity. Returns false when the
 * stream is not available (no EventSource, or the stream failed): the caller then polls instead.
 */
export function useNotificationStream(): boolean {
  const queryClient = useQueryClient();
  const entity = useCurrentEntity();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [live, setLive] = useState(() => typeof EventSource !== 'undefined');

  useEffect(() => {
    // Without EventSource the initial state already says "not live".
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(streamUrl(entity, language));
    const refresh = () => refreshAfterEvent(queryClient);
    source.onmessage = refresh;
    source.addEventListener('notification', refresh);
    source.onopen = () => setLive(true);
    source.onerror = () => {
      // The stream is down (service unavailable, proxy cutting it…): polling every 30 s does the job.
      source.close();
      setLive(false);
    };
    return () => source.close();
  }, [queryClient, entity, language]);

  return live;
}

export function useUnreadCount(live: boolean) {
  return useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<UnreadCount>('/api/notifications/unread-count'),
    refetchInterval: live ? false : POLL_INTERVAL_MS,
  });
}

export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const bellRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const live = useNotificationStream();
  const unread = useUnreadCount(live);
  const count = unread.data?.count ?? 0;
  // The button's name says the count the badge shows ("99+", not 701): what is seen is what is heard.
  const label =
    count > BADGE_MAX
      ? t('notifications.bellUnreadOver', { max: BADGE_MAX })
      : count > 0
        ? t('notifications.bellUnread', { count })
        : t('notifications.bell');
  const close = useCallback(() => setOpen(false), []);

  return (
    <div className="bell-wrap">
      <button
        ref={bellRef}
        type="button"
        className="icon-button bell"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        <BellIcon />
        {count > 0 && (
          <span className="badge" aria-hidden="true" data-testid="notification-badge">
            {count > BADGE_MAX ? `${BADGE_MAX}+` : count}
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} bellRef={bellRef} onClose={close} />}
    </div>
  );
}

interface PanelProps {
  id: string;
  bellRef: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
}

/** The side panel: closes on a click outside it, on its close button and on Escape; focus stays inside. */
export function NotificationPanel({ id, bellRef, onClose }: PanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusTrap(ref, onClose);

  useEffect(() => {
    const onPointerDown = (event: MouseEvent | TouchEvent) => {
      const target = event.target as Node | null;
      if (!target || ref.current?.contains(target) || bellRef.current?.contains(target)) return;
      onClose();
    };
    document.addEventListener('mousedown', onPointerDown);
    document.addEventListener('touchstart', onPointerDown);
    return () => {
      document.removeEventListener('mousedown', onPointerDown);
      document.removeEventListener('touchstart', onPointerDown);
    };
  }, [bellRef, onClose]);

  const list = useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: () => api<NotificationPage>('/api/notifications?size=30'),
  });

  const readAll = useMutation({
    mutationFn: () => send<void>('POST', '/api/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });

  const open = (n: Notification) => {
    if (!n.read) {
      void send('POST', `/api/notifications/${encodeURIComponent(n.id)}/read`)
        .catch(() => undefined)
        .finally(() => queryClient.invalidateQueries({ queryKey: ['notifications'] }));
    }
    onClose();
    if (n.userId) void navigate(notificationTarget(n));
  };

  const notifications = list.data?.content ?? [];
  const anyUnread = notifications.some((n) => !n.read);

  // Rendered at the end of the body: above everything, and styled on its own rather than as part of the top bar.
  return createPortal(
    <div
      ref={ref}
      id={id}
      className="notification-panel"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="notification-panel"
    >
      <div className="panel-head">
        <h2 id={titleId}>{t('notifications.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('notifications.close')}
          onClick={onClose}
          data-testid="notification-close"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="panel-actions">
        <button
          type="button"
          onClick={() => readAll.mutate()}
          disabled={readAll.isPending || !anyUnread}
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} compact />}
      {list.isSuccess && notifications.length === 0 && <Empty>{t('notifications.empty')}</Empty>}
      {notifications.length > 0 && (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.read ? 'notification' : 'notification unread'}
                onClick={() => open(n)}
                data-testid="notification-item"
                data-read={n.read}
              >
                {!n.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                <span className="message">{n.message}</span>
                <time dateTime={n.createdAt} className="muted small">
                  {format.dateTime(n.createdAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>,
    document.body,
  );
}

/** Where a notification leads: the member's profile with the transaction highlighted. */
export function notificationTarget(n: Pick<Notification, 'userId' | 'transactionId'>): string {
  const base = `/members/${encodeURIComponent(n.userId ?? '')}`;
  return n.transactionId ? `${base}?highlight=${encodeURIComponent(n.transactionId)}` : base;
}
