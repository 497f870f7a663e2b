import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface StreamEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** When the page received it (for the event-to-screen figure). */
  receivedAt: number;
}
type Listener = (e: StreamEvent) => void;

interface EventStreamApi {
  subscribe(types: readonly string[], listener: Listener): () => void;
  connected: boolean;
}

const EventStreamContext = createContext<EventStreamApi | null>(null);

/** The event types the pages react to; the stream may send more (ignored). */
export const KNOWN_EVENT_TYPES = [
  'presence.changed',
  'call.offered',
  'call.connected',
  'call.ended',
  'reservation.lapsed',
  'alert.stranded_call',
  'offer.created',
  'schedule.published',
  'time_off.decided',
  'shift_swap.decided',
  'counseling.booking.cancelled',
  'counseling.booking.rescheduled',
] as const;

/**
 * One `GET /v1/events` connection per signed-in page (cookies authenticate it). The browser's
 * EventSource resumes with Last-Event-ID by itself; if the stream is closed for good (401 after
 * the access cookie expired), it reopens with `?lastEventId=` so nothing is lost.
 */
export function EventStreamProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Map<Listener, readonly string[]>());
  const [connected, setConnected] = useState(false);
  const api = useRef<EventStreamApi>({
    subscribe(types, listener) {
      listeners.current.set(listener, types);
      return () => listeners.current.delete(listener);
    },
    connected: false,
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let retry: number | undefined;
    let stopped = false;
    const dispatch = (type: string) => (msg: MessageEvent) => {
      lastId = msg.lastEventId || lastId;
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(msg.data);
      } catch {
        return;
      }
      const event: StreamEvent = { id: msg.lastEventId, type, data, receivedAt: performance.now() };
      for (const [listener, types] of listeners.current) if (types.includes(type)) listener(event);
    };
    const open = (delay: number) => {
      if (stopped) return;
      const url = lastId ? `/v1/events?lastEventId=${encodeURIComponent(lastId)}` : '/v1/events';
      source = new EventSource(url, { withCredentials: true });
      source.onopen = () => setConnected(true);
      for (const type of KNOWN_EVENT_TYPES) source.addEventListener(type, dispatch(type));
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          setConnected(false);
          source.close();
          retry = window.setTimeout(() => open(Math.min(delay * 2, 30_000)), delay);
        }
      };
    };
    open(1000);
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, []);

  api.current.connected = connected;
  return <EventStreamContext.Provider value={api.current}>{children}</EventStreamContext.Provider>;
}

/** Calls `listener` for each event of the given types while the component is mounted. */
export function useEvents(types: readonly string[], listener: Listener): void {
  const ctx = useContext(EventStreamContext);
  const latest = useRef(listener);
  latest.current = listener;
  const key = types.join(',');
  useEffect(() => {
    if (!ctx) return;
    return ctx.subscribe(key.split(','), (e) => latest.current(e));
  }, [ctx, key]);
}
