import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { usePerson } from '../../lib/auth/session';

/** The signed-in agent's id and workplace (the site's zone decides days and clock times). */
export function useAgent() {
  const person = usePerson();
  const agentId = person.agentId!;
  const workplace = useQuery({
    queryKey: ['agent', agentId, 'workplace'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/agents/{agentId}/workplace', { params: { path: { agentId } } })),
    staleTime: 5 * 60_000,
  });
  return { agentId, person, timeZone: workplace.data?.timeZone ?? 'UTC', workplace };
}

/** Keeps the clock of a timer moving. */
export { useInterval } from '@mantine/hooks';
