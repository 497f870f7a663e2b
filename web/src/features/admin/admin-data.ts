import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

/** Every site and team (an admin sees them all; a call centre has tens, not hundreds). */
export function useSites() {
  return useQuery({
    queryKey: ['sites', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/sites', { params: { query: { pageSize: 200 } } })),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams', { params: { query: { pageSize: 200 } } })),
  });
}

/** The dialect and skill catalogue (shared by its editor and the forms that pick from it). */
export function useRoutingTags() {
  return useQuery({
    queryKey: ['routing-tags'],
    queryFn: async () => unwrap(await api.GET('/v1/routing-tags')),
  });
}

/** The IANA zones this browser knows, for the time-zone pickers. */
export function timeZones(current?: string): string[] {
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  ) ?? ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'UTC'];
  return current && !known.includes(current) ? [current, ...known] : known;
}
