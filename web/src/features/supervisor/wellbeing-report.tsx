import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatNumber } from '../../lib/format';
import { EChart } from '../../components/echart';
import { contiguousBuckets, type AgentRow } from './wallboard-model';
import { DayInput } from '../../components/day-input';

/** Report fields that newer services add; read when present. */
interface ReportExtras {
  hostileCallsRecoveredBeforeNextCall?: number;
  recoveryBeforeNextCallShare?: number | null;
}

/**
 * `value` itself while it equals (as JSON) the last one: the charts read hostile calls and
 * occupancy only, so presence changes (50 a second) keep their options and ECharts is not redrawn.
 */
function useSameWhileEqual<T>(value: T): T {
  const last = useRef<{ json: string; value: T } | null>(null);
  const json = JSON.stringify(value);
  if (last.current?.json !== json) last.current = { json, value };
  return last.current.value;
}

/** The team's wellbeing day as charts: exposure per agent, recovery, occupancy against the cap. */
export default function WellbeingReport({
  teamId,
  timeZone,
  rows,
  occupancyCap,
}: {
  teamId: string;
  timeZone: string;
  rows: readonly AgentRow[];
  occupancyCap: number;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const [date, setDate] = useState(() => DateTime.now().setZone(timeZone).toISODate()!);
  const report = useQuery({
    queryKey: ['wellbeing-report', teamId, date],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/wellbeing/report', { params: { query: { teamId, date } } }),
      ) as import('../../lib/api/schema').components['schemas']['WellbeingReportDto'] &
        ReportExtras,
    refetchInterval: 60_000,
  });
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined
      ? t('report.notAvailable')
      : formatNumber(v, i18n.language, { style: 'percent' });
  const byExposure = useSameWhileEqual(
    useMemo(
      () =>
        [...rows]
          .sort((a, b) => b.hostileToday - a.hostileToday)
          .slice(0, 30)
          .map(({ displayName, hostileToday }) => ({ displayName, hostileToday })),
      [rows],
    ),
  );
  const byOccupancy = useSameWhileEqual(
    useMemo(
      () =>
        [...rows]
          .sort((a, b) => b.occupancyLastHour - a.occupancyLastHour)
          .slice(0, 30)
          .map(({ displayName, occupancyLastHour }) => ({ displayName, occupancyLastHour })),
      [rows],
    ),
  );
  const aboveCap = rows.filter((r) => r.occupancyLastHour > occupancyCap).length;
  const r = report.data;
  const exposureOption = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1, name: t('report.hostileAxis') },
      yAxis: { type: 'category', inverse: true, data: byExposure.map((a) => a.displayName) },
      series: [
        {
          type: 'bar',
          data: byExposure.map((a) => a.hostileToday),
          itemStyle: { color: '#e8590c' },
        },
      ],
    }),
    [byExposure, t],
  );
  const occupancyOption = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 110, right: 30, top: 26, bottom: 30 },
      xAxis: { type: 'value', max: 100, name: t('report.occupancyAxis') },
      yAxis: { type: 'category', inverse: true, data: byOccupancy.map((a) => a.displayName) },
      series: [
        {
          type: 'bar',
          data: byOccupancy.map((a) => ({
            value: Math.round(a.occupancyLastHour * 100),
            itemStyle: { color: a.occupancyLastHour > occupancyCap ? '#e03131' : '#12b886' },
          })),
          markLine: {
            symbol: 'none',
            data: [{ xAxis: Math.round(occupancyCap * 100), name: t('report.capLine') }],
            lineStyle: { color: '#e03131', type: 'dashed' },
            // Above the bars (the category axis runs top down, so the line starts at the top),
            // clear of the axis's own numbers.
            label: { position: 'start', formatter: '{b} {c}%', color: '#e03131' },
          },
        },
      ],
    }),
    [byOccupancy, occupancyCap, t],
  );
  const distributionOption = useMemo(() => {
    const buckets = contiguousBuckets(r?.hostileCallsPerAgent ?? []);
    return {
      tooltip: {},
      grid: { left: 40, right: 20, top: 10, bottom: 40 },
      xAxis: {
        type: 'category',
        name: t('report.hostileAxis'),
        data: buckets.map((b) => String(b.hostileCalls)),
      },
      yAxis: { type: 'value', minInterval: 1, name: t('report.agentsAxis') },
      series: [
        {
          type: 'bar',
          data: buckets.map((b) => b.agents),
          itemStyle: { color: '#7048e8' },
        },
      ],
    };
  }, [r, t]);
  const figures: [string, string][] = [
    [t('report.hostileCalls'), r ? String(r.hostileCalls) : '…'],
    [t('report.recoveryMinutes'), r ? String(r.recoveryMinutesGranted) : '…'],
    [t('report.recoveredShare'), r ? pct(r.recoveryBeforeNextCallShare) : '…'],
    [t('report.fullRecoveryShare'), r ? pct(r.fullRecoveryShare) : '…'],
    [t('report.microBreaks'), r ? String(r.microBreaksGiven) : '…'],
    [t('report.aboveCap'), String(aboveCap)],
  ];
  return (
    <Stack>
      <DayInput
        label={t('report.date')}
        value={date}
        onChange={(day) => day && setDate(day)}
        w={200}
      />
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} data-testid="report-figures">
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={700}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Paper withBorder p="sm">
          <Title order={3} size="h5">
            {t('report.exposureChart')}
          </Title>
          <EChart
            option={exposureOption}
            label={t('report.exposureChart')}
            height={Math.max(200, byExposure.length * 22)}
          />
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5">
            {t('report.occupancyChart')}
          </Title>
          <EChart
            option={occupancyOption}
            label={t('report.occupancyChart')}
            height={Math.max(200, byOccupancy.length * 22)}
          />
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5">
            {t('report.distributionChart')}
          </Title>
          <EChart option={distributionOption} label={t('report.distributionChart')} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
