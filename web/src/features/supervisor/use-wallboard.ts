import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../lib/api/client';
import { useEvents } from '../../lib/events/event-stream';
import { useTeamSite } from '../../lib/use-team-site';
import {
  applyPresenceBatch,
  mergeSnapshot,
  type AgentRow,
  type PresenceChange,
} from './wallboard-model';

/** The team's site zone decides where "today" starts; its settings give the occupancy cap. */
export function useTeamContext(teamId: string) {
  const { timeZone } = useTeamSite(teamId);
  const settings = useQuery({
    queryKey: ['team', teamId, 'settings'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams/{id}/settings', { params: { path: { id: teamId } } })),
    staleTime: 60_000,
  });
  return {
    timeZone,
    occupancyCap: settings.data?.occupancyCap ?? 0.85,
  };
}

type LoadRow = {
  agentId: string;
  externalId: string;
  displayName: string;
  state: string;
  stale: boolean;
  occupancy: number;
  hostileCalls: number;
  since?: string;
  until?: string | null;
  reason?: string | null;
};

async function teamLoad(teamId: string, window: number): Promise<LoadRow[]> {
  const body = unwrap(
    await api.GET('/v1/teams/{teamId}/load', {
      params: { path: { teamId }, query: { window: String(window) } as never },
    }),
  );
  return body.agents as LoadRow[];
}

/** How long presence events are gathered before one render applies them all. */
const FLUSH_MS = 120;

/**
 * Every agent of the team, kept live: a snapshot from the load endpoint (refreshed now and then,
 * and the fallback when the stream is down) with presence events applied on top. Events are
 * gathered for FLUSH_MS and applied in one animation frame, so 50 changes a second cost about
 * 8 renders a second, and only the changed rows render.
 */
export function useWallboardRows(teamId: string, timeZone: string) {
  const [rows, setRows] = useState<ReadonlyMap<string, AgentRow>>(new Map());
  const queryClient = useQueryClient();
  const lastHour = useQuery({
    queryKey: ['team', teamId, 'load', 60],
    queryFn: () => teamLoad(teamId, 60),
    refetchInterval: 5_000,
  });
  const today = useQuery({
    queryKey: ['team', teamId, 'load', 'today', timeZone],
    queryFn: () => {
      const now = DateTime.now().setZone(timeZone);
      const minutes = Math.max(1, Math.ceil(now.diff(now.startOf('day'), 'minutes').minutes));
      return teamLoad(teamId, Math.min(minutes, 1440));
    },
    refetchInterval: 60_000,
  });

  useEffect(() => {
    if (!lastHour.data) return;
    const hostileToday = new Map((today.data ?? []).map((a) => [a.agentId, a.hostileCalls]));
    setRows((prev) =>
      mergeSnapshot(
        prev,
        lastHour.data.map((a) => ({
          agentId: a.agentId,
          externalId: a.externalId,
          displayName: a.displayName,
          state: a.state,
          reason: a.reason ?? null,
          since: a.since ?? prev.get(a.agentId)?.since ?? new Date().toISOString(),
          until: a.until ?? null,
          stale: a.stale,
          occupancyLastHour: a.occupancy,
          hostileLastHour: a.hostileCalls,
          hostileToday: Math.max(hostileToday.get(a.agentId) ?? 0, a.hostileCalls),
        })),
      ),
    );
  }, [lastHour.data, today.data]);

  const pending = useRef<PresenceChange[]>([]);
  const lastAlertLook = useRef(0);
  const timer = useRef<number | null>(null);
  const frame = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  useEvents(['presence.changed'], (e) => {
    const d = e.data as unknown as PresenceChange;
    if (typeof d.agentId !== 'string' || typeof d.state !== 'string') return;
    pending.current.push(d);
    // A hostile call just ended (recovery), so an alert may be due: look at the alerts again,
    // at most every 2 s however many agents go to recovery at once.
    if (d.state === 'recovery' && performance.now() - lastAlertLook.current > 2000) {
      lastAlertLook.current = performance.now();
      void queryClient.invalidateQueries({ queryKey: ['alerts', teamId] });
    }
    if (timer.current !== null || frame.current !== null) return;
    // Gathered for FLUSH_MS, then applied in the next animation frame: at most ~8 renders a
    // second however fast the events come, each well under the 1 s event-to-screen budget.
    timer.current = window.setTimeout(() => {
      timer.current = null;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        const batch = pending.current;
        pending.current = [];
        setRows((prev) => applyPresenceBatch(prev, batch));
      });
    }, FLUSH_MS);
  });

  return { rows, loading: lastHour.isPending, error: lastHour.error };
}
