import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../lib/api/client';
import { useTagName } from '../../lib/i18n/tag-names';

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

/** The router keys (never the keys themselves): the keys tab and the audit log's names. */
export function useApiKeys() {
  return useQuery({
    queryKey: ['api-keys'],
    queryFn: async () => unwrap(await api.GET('/v1/api-keys')),
  });
}

/** The dialect and skill catalogue (shared by its editor and the forms that pick from it). */
export function useRoutingTags() {
  return useQuery({
    queryKey: ['routing-tags'],
    queryFn: async () => unwrap(await api.GET('/v1/routing-tags')),
  });
}

/**
 * The catalogue with each tag named in the person's language (seeded tags from the common
 * dictionary, an admin's own label as written), for the forms and tables that show tags by name.
 */
export function useNamedRoutingTags() {
  const tagName = useTagName();
  const tags = useRoutingTags().data?.tags;
  return useMemo(
    () => (tags ?? []).map((x) => ({ ...x, label: tagName(x.kind, x.tag, x.label) })),
    [tags, tagName],
  );
}

/** The IANA zones this browser knows, for the time-zone pickers. */
export function timeZones(current?: string): string[] {
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  ) ?? ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'UTC'];
  return current && !known.includes(current) ? [current, ...known] : known;
}
