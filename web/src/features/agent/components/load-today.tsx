import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { useEvents } from '../../../lib/events/event-stream';
import { formatNumber, instantAtLocalTime, minutesSinceLocalMidnight } from '../../../lib/format';
import { useAgent } from '../use-agent';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0} miw={90} data-testid={testId}>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** My load today (the site's day): calls, hostile calls, breaks taken. */
export function LoadToday() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone, workplace } = useAgent();
  const load = useQuery({
    queryKey: ['agent', agentId, 'load', timeZone],
    enabled: workplace.isSuccess,
    queryFn: async () => {
      const window = Math.max(1, minutesSinceLocalMidnight(new Date(), timeZone));
      return unwrap(
        await api.GET('/v1/agents/{agentId}/load', {
          params: { path: { agentId }, query: { window } as never },
        }),
      );
    },
    refetchInterval: 60_000,
  });
  // A call that ends or a break that starts changes the figures now, not at the next minute's refetch.
  const queryClient = useQueryClient();
  useEvents(['call.ended', 'presence.changed'], (e) => {
    if (e.data.agentId !== agentId) return;
    void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'load'] });
    void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'breaks'] });
  });
  const breaks = useQuery({
    queryKey: ['agent', agentId, 'breaks', timeZone],
    enabled: workplace.isSuccess,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/breaks', {
          params: {
            query: { from: instantAtLocalTime(new Date(), '00:00', timeZone).toISOString() },
          },
        }),
      ),
  });
  const now = Date.now();
  const taken = (breaks.data?.breaks ?? []).filter(
    (b) => b.status === 'booked' && Date.parse(b.startsAt) <= now,
  ).length;
  const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, i18n.language));
  return (
    <Paper withBorder p="md" aria-labelledby="load-title">
      <Title id="load-title" order={2} size="h4" mb="sm">
        {t('load.title')}
      </Title>
      <Group gap="xl">
        <Figure testId="load-calls" label={t('load.calls')} value={n(load.data?.callsAnswered)} />
        <Figure
          testId="load-hostile"
          label={t('load.hostile')}
          value={n(load.data?.hostileCalls)}
        />
        <Figure
          testId="load-breaks"
          label={t('load.breaks')}
          value={n(breaks.data ? taken : undefined)}
        />
        <Figure
          testId="load-occupancy"
          label={t('load.occupancy')}
          value={
            load.data ? formatNumber(load.data.occupancy, i18n.language, { style: 'percent' }) : '—'
          }
        />
      </Group>
    </Paper>
  );
}
