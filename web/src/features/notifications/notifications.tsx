import { notifications as toast } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useEvents, type StreamEvent } from '../../lib/events/event-stream';
import { usePerson } from '../../lib/auth/session';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  DATE_VALUES,
  describeNotification,
  INSTANT_VALUES,
  isNewsFor,
} from './describe-notification';

/** The events that are news for a person (the rest only refresh what is on screen). */
export const NOTIFYING_EVENTS = [
  'offer.created',
  'schedule.published',
  'time_off.decided',
  'shift_swap.decided',
  'counseling.booking.cancelled',
  'counseling.booking.rescheduled',
  'call.offered',
] as const;

export interface AppNotification {
  id: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
  read: boolean;
}

interface NotificationsApi {
  items: AppNotification[];
  unread: number;
  markAllRead(): void;
  markRead(id: string): void;
}

const NotificationsContext = createContext<NotificationsApi>({
  items: [],
  unread: 0,
  markAllRead: () => undefined,
  markRead: () => undefined,
});

/** The title, sentence and page of a notification, in the person's language. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useCallback(
    (n: Pick<AppNotification, 'type' | 'data'>) => {
      const view = describeNotification(n.type, n.data);
      const values: Record<string, string | number> = { ...view.values };
      for (const k of INSTANT_VALUES)
        if (typeof values[k] === 'string')
          values[k] = formatDateTime(values[k] as string, i18n.language, zone);
      for (const k of DATE_VALUES)
        if (typeof values[k] === 'string')
          values[k] = formatDate(`${values[k] as string}T00:00:00Z`, i18n.language, 'UTC');
      return {
        title: t(`notifications.types.${n.type}`, { defaultValue: n.type }),
        body: view.bodyKey ? t(view.bodyKey, values) : '',
        link: view.link,
      };
    },
    [t, i18n.language, zone],
  );
}

/**
 * Keeps the page's notifications (newest first), shows each one as it arrives (a click opens its
 * page) and refreshes what is on screen, so the schedule or the sessions shown are the new ones.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const text = useNotificationText();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { agentId } = usePerson();
  const [items, setItems] = useState<AppNotification[]>([]);
  // A replayed event (the stream resumes with Last-Event-ID) is shown once.
  const seen = useRef(new Set<string>());
  const markRead = useCallback(
    (id: string) => setItems((list) => list.map((n) => (n.id === id ? { ...n, read: true } : n))),
    [],
  );
  useEvents(NOTIFYING_EVENTS, (e: StreamEvent) => {
    const at = typeof e.data.at === 'string' ? e.data.at : new Date().toISOString();
    if (seen.current.has(e.id) || !isNewsFor(e.type, e.data, agentId)) return;
    seen.current.add(e.id);
    setItems((list) =>
      [{ id: e.id, type: e.type, at, data: e.data, read: false }, ...list].slice(0, 100),
    );
    const { title, body, link } = text(e);
    toast.show({
      id: `notification-${e.id}`,
      title,
      message: body,
      autoClose: 8000,
      style: { cursor: 'pointer' },
      onClick: () => {
        markRead(e.id);
        toast.hide(`notification-${e.id}`);
        navigate(link);
      },
    });
    if (e.type !== 'call.offered') void queries.invalidateQueries({ refetchType: 'active' });
  });
  const markAllRead = useCallback(
    () => setItems((list) => list.map((n) => ({ ...n, read: true }))),
    [],
  );
  const value = useMemo(
    () => ({ items, unread: items.filter((n) => !n.read).length, markAllRead, markRead }),
    [items, markAllRead, markRead],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export const useNotifications = () => useContext(NotificationsContext);
