import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Agent = components['schemas']['AgentDto'];
export type Schedule = components['schemas']['ScheduleDto'];
export type Shift = components['schemas']['ShiftDto'];

/** The planner's horizon and team, as the forecast-side panels take them. */
export interface PlannerHorizon {
  teamId: string;
  startDate: string;
  days: number;
  intervalMinutes: number;
  timeZone: string;
  agents: Agent[];
}

/** The team's latest schedules (the planner's list; the newest first). */
export function useTeamSchedules(teamId: string) {
  return useQuery({
    queryKey: ['schedules', teamId],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/schedules', { params: { query: { teamId, pageSize: 20 } as never } }),
      ),
  });
}

/** Every agent of the team (pages of 200), sorted by name. */
export function useTeamAgents(teamId: string, locale: string) {
  const query = useQuery({
    queryKey: ['agents', 'team', teamId],
    queryFn: async () => {
      const all: Agent[] = [];
      for (let page = 1; ; page++) {
        const body = unwrap(
          await api.GET('/v1/agents', {
            params: { query: { teamId, page, pageSize: 200 } as never },
          }),
        );
        all.push(...body.items);
        if (all.length >= body.total || body.items.length === 0) return all;
      }
    },
    staleTime: 60_000,
  });
  const agents = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return [...(query.data ?? [])].sort(
      (a, b) =>
        collator.compare(a.displayName, b.displayName) ||
        collator.compare(a.externalId, b.externalId),
    );
  }, [query.data, locale]);
  return { agents, loading: query.isLoading };
}

/** Agents at proficiency ≥ 3 in a dialect ('' = everyone): who can take that dialect's calls. */
export function headcountOf(agents: readonly Agent[], dialect: string): number {
  if (!dialect) return agents.filter((a) => a.active).length;
  return agents.filter(
    (a) => a.active && a.dialects.some((d) => d.tag === dialect && d.proficiency >= 3),
  ).length;
}

/** Agents needed per interval over the horizon, from the team's forecast (empty: no forecast). */
export function useRequirementsPreview(
  teamId: string,
  startDate: string,
  days: number,
  intervalMinutes: number,
) {
  return useQuery({
    queryKey: ['preview', teamId, startDate, days, intervalMinutes],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/schedules/requirements-preview', {
          params: { query: { teamId, startDate, days, intervalMinutes } as never },
        }),
      ),
  });
}
