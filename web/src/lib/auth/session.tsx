import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, csrfToken, onUnauthorized, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Person = components['schemas']['SessionPersonDto'];
type SessionDto = components['schemas']['SessionDto'];

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'idle' | 'ended' }
  | { status: 'signedIn'; person: Person; idleTimeoutSeconds: number };

interface SessionApi {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(reason?: 'idle' | 'ended'): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The browser session: signed in once for a shift. The access cookie is renewed before it expires
 * while the person uses the page; with no use for the admin's idle timeout the page signs out
 * (the server refuses a late refresh anyway).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();
  const lastActivity = useRef(Date.now());
  const lastRefresh = useRef(Date.now());
  const expiresIn = useRef(300);

  const accept = useCallback((s: SessionDto) => {
    expiresIn.current = s.expiresIn;
    lastRefresh.current = Date.now();
    setState({ status: 'signedIn', person: s.person, idleTimeoutSeconds: s.idleTimeoutSeconds });
  }, []);

  const signOut = useCallback(
    async (reason?: 'idle' | 'ended') => {
      await api.DELETE('/v1/auth/session').catch(() => undefined);
      queryClient.clear();
      setState({ status: 'signedOut', reason });
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    const result = await api.POST('/v1/auth/session/refresh');
    if (result.response.ok && result.data) accept(result.data);
    else {
      queryClient.clear();
      setState({ status: 'signedOut', reason: 'ended' });
    }
  }, [accept, queryClient]);

  // On load: a live session (the CSRF cookie says there may be one) continues without signing in.
  useEffect(() => {
    if (csrfToken()) void refresh();
    else setState({ status: 'signedOut' });
  }, [refresh]);

  useEffect(() => onUnauthorized(() => void refresh()), [refresh]);

  useEffect(() => {
    if (state.status !== 'signedIn') return;
    const mark = () => (lastActivity.current = Date.now());
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current > state.idleTimeoutSeconds * 1000) {
        void signOut('idle');
        return;
      }
      const due = lastRefresh.current + (expiresIn.current - 60) * 1000;
      if (now >= due && lastActivity.current > lastRefresh.current - 60_000) void refresh();
    }, 15_000);
    return () => {
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [state, refresh, signOut]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = unwrap(await api.POST('/v1/auth/session', { body: { email, password } }));
      lastActivity.current = Date.now();
      accept(s);
    },
    [accept],
  );

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in person (inside the signed-in part of the app). */
export function usePerson(): Person {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('usePerson while signed out');
  return state.person;
}
