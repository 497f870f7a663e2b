import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { formatNumber, instantAtLocalTime, minutesSinceLocalMidnight } from '../../../lib/format';
import { useAgent } from '../use-agent';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0} miw={90}>
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
        <Figure label={t('load.calls')} value={n(load.data?.callsAnswered)} />
        <Figure label={t('load.hostile')} value={n(load.data?.hostileCalls)} />
        <Figure label={t('load.breaks')} value={n(breaks.data ? taken : undefined)} />
        <Figure
          label={t('load.occupancy')}
          value={
            load.data ? formatNumber(load.data.occupancy, i18n.language, { style: 'percent' }) : '—'
          }
        />
      </Group>
    </Paper>
  );
}
