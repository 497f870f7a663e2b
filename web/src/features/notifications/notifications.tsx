import { notifications as toast } from '@mantine/notifications';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvents, type StreamEvent } from '../../lib/events/event-stream';

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
}

const NotificationsContext = createContext<NotificationsApi>({
  items: [],
  unread: 0,
  markAllRead: () => undefined,
});

/** Keeps the page's notifications (newest first) and shows each one as it arrives. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AppNotification[]>([]);
  useEvents(NOTIFYING_EVENTS, (e: StreamEvent) => {
    const at = typeof e.data.at === 'string' ? e.data.at : new Date().toISOString();
    setItems((list) =>
      list.some((n) => n.id === e.id)
        ? list
        : [{ id: e.id, type: e.type, at, data: e.data, read: false }, ...list].slice(0, 100),
    );
    toast.show({
      title: t(`notifications.types.${e.type}`, { defaultValue: e.type }),
      message: '',
      autoClose: 6000,
    });
  });
  const markAllRead = useCallback(
    () => setItems((list) => list.map((n) => ({ ...n, read: true }))),
    [],
  );
  const value = useMemo(
    () => ({ items, unread: items.filter((n) => !n.read).length, markAllRead }),
    [items, markAllRead],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export const useNotifications = () => useContext(NotificationsContext);
