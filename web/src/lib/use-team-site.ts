import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client';

/**
 * A team, its site and the site's zone: where the team's "today" starts and in which clock its
 * shifts are drawn (the planner and the wallboard). Both rarely change, so they are cached for minutes.
 */
export function useTeamSite(teamId: string) {
  const team = useQuery({
    queryKey: ['team', teamId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams/{id}', { params: { path: { id: teamId } } })),
    staleTime: 10 * 60_000,
  });
  const siteId = team.data?.siteId;
  const site = useQuery({
    queryKey: ['site', siteId],
    enabled: !!siteId,
    queryFn: async () =>
      unwrap(await api.GET('/v1/sites/{id}', { params: { path: { id: siteId! } } })),
    staleTime: 10 * 60_000,
  });
  return {
    ready: site.isSuccess,
    timeZone: site.data?.timeZone ?? 'Asia/Shanghai',
    siteId,
    teamName: team.data?.name ?? '',
  };
}
