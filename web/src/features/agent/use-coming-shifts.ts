import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

/**
 * My published shifts of the next four weeks: `current` the one in progress or next (to open the
 * week view on), `coming` those not started yet, soonest first (the list and the trade dialog).
 * One query for both: the window is taken when it is read.
 */
export function useComingShifts(agentId: string) {
  const shifts = useQuery({
    queryKey: ['agent', agentId, 'shifts', 'coming'],
    queryFn: async () => {
      const from = new Date();
      return unwrap(
        await api.GET('/v1/agents/{agentId}/shifts', {
          params: {
            path: { agentId },
            query: {
              from: from.toISOString(),
              to: new Date(from.getTime() + 28 * 86_400_000).toISOString(),
              pageSize: 100,
            } as never,
          },
        }),
      );
    },
  });
  const items = shifts.data?.items ?? [];
  const now = Date.now();
  return {
    coming: items.filter((s) => Date.parse(s.startsAt) > now),
    current: items.find((s) => Date.parse(s.endsAt) > now),
    loaded: shifts.isSuccess,
    settled: shifts.isFetched,
  };
}
