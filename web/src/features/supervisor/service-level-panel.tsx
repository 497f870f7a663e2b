import { Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatNumber, formatTime } from '../../lib/format';
import { EChart } from '../../components/echart';
import { intervalsToDraw } from './service-level-model';

/** Today's service level per 15 minutes against the team's target (a small line; loads with ECharts). */
export default function ServiceLevelPanel({
  teamId,
  timeZone,
}: {
  teamId: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const day = useQuery({
    queryKey: ['service-level', teamId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams/{teamId}/service-level', { params: { path: { teamId } } })),
    refetchInterval: 60_000,
  });
  const d = day.data;
  const pct = (v: number) => formatNumber(v, i18n.language, { style: 'percent' });
  const option = useMemo(() => {
    if (!d) return null;
    const shown = intervalsToDraw(d.intervals);
    return {
      grid: { left: 40, right: 12, top: 12, bottom: 24 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`),
      },
      xAxis: {
        type: 'category',
        data: shown.map((i) => formatTime(i.start, i18n.language, timeZone)),
        axisLabel: { fontSize: 10 },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%', fontSize: 10 },
      },
      series: [
        {
          type: 'line',
          name: t('serviceLevel.series'),
          data: shown.map((i) =>
            i.serviceLevel === null ? null : Math.round(i.serviceLevel * 100),
          ),
          connectNulls: false,
          symbolSize: 4,
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#d9480f' },
            label: { show: false },
            data: [{ yAxis: Math.round(d.targetServiceLevel * 100) }],
          },
        },
      ],
    };
  }, [d, i18n.language, timeZone, t]);
  if (!d) return null;
  const calls = d.intervals.reduce((n, i) => n + i.offered, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="service-level-title">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id="service-level-title">
          {t('serviceLevel.title')}
        </Title>
        {d.serviceLevel !== null && (
          <Text
            fw={700}
            c={d.serviceLevel >= d.targetServiceLevel ? 'green' : 'red'}
            data-testid="service-level-now"
          >
            {pct(d.serviceLevel)}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('serviceLevel.goal', {
          target: pct(d.targetServiceLevel),
          seconds: d.targetAnswerSeconds,
        })}
      </Text>
      {calls === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          {t('serviceLevel.noCalls')}
        </Text>
      ) : (
        option && (
          <EChart
            option={option}
            height={160}
            label={t('serviceLevel.chart', { value: pct(d.serviceLevel ?? 0), calls })}
          />
        )
      )}
    </Paper>
  );
}
