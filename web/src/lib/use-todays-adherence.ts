import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { adherenceByAgent } from './adherence';
import { api, unwrap } from './api/client';

/**
 * A team's adherence for the site's day (refreshed every minute), summed per agent with the team
 * total, and who is out of adherence now (every 15 s): the wallboard's and the planner's panels.
 */
export function useTodaysAdherence(teamId: string, timeZone: string) {
  const day = DateTime.now().setZone(timeZone).startOf('day');
  const from = day.toUTC().toISO()!;
  const to = day.plus({ days: 1 }).toUTC().toISO()!;
  const report = useQuery({
    queryKey: ['adherence', teamId, from],
    queryFn: async () =>
      unwrap(await api.GET('/v1/adherence', { params: { query: { teamId, from, to } as never } })),
    refetchInterval: 60_000,
  });
  const live = useQuery({
    queryKey: ['adherence', teamId, 'live'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/adherence/live', { params: { query: { teamId } as never } })),
    refetchInterval: 15_000,
  });
  const totals = useMemo(() => adherenceByAgent(report.data?.items ?? []), [report.data]);
  return { report, live, totals };
}
