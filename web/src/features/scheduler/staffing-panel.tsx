import { Alert, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import type { components } from '../../lib/api/schema';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLineName } from './line-name';
import { staffingLines } from './planner-model';
import { headcountOf, useRequirementsPreview, type PlannerHorizon } from './use-planner';

type HostileRateFigure = components['schemas']['HostileRateFigureDto'];

/**
 * The staffing preview: agents needed per interval (Erlang C, then base shrinkage, then the
 * wellbeing shrinkage of enforced recovery, shown apart) against the agents the team has.
 */
export function StaffingPanel({
  teamId,
  startDate,
  days,
  intervalMinutes,
  timeZone,
  agents,
}: PlannerHorizon) {
  const { t, i18n } = useTranslation('scheduler');
  const name = useLineName();
  const preview = useRequirementsPreview(teamId, startDate, days, intervalMinutes);
  const rows = useMemo(() => preview.data?.requirements ?? [], [preview.data]);
  const lines = useMemo(
    () => staffingLines(rows, intervalMinutes, (d) => headcountOf(agents, d)),
    [rows, intervalMinutes, agents],
  );
  const [dialect, setDialect] = useState('');
  const shown = lines.some((l) => l.dialect === dialect) ? dialect : (lines[0]?.dialect ?? '');
  const pct = (v: number) =>
    formatNumber(v, i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  // From history the rate is a blend with the setting; the words say of how many calls.
  const hostileSource = (f: HostileRateFigure) =>
    f.source === 'history' && f.settingWeightCalls !== undefined
      ? t('staffing.source.hostileHistory', {
          calls: formatNumber(f.answeredCalls, i18n.language),
          hostileCalls: formatNumber(f.hostileCalls, i18n.language),
          weight: formatNumber(f.settingWeightCalls, i18n.language),
        })
      : t(`staffing.source.${f.source}`);
  const option = useMemo(() => {
    const mine = rows
      .filter((r) => (r.dialect ?? '') === shown)
      .sort((a, b) => a.start.localeCompare(b.start));
    const erlang = mine.map((r) => r.rawAgents);
    const base = mine.map((r) =>
      Math.max(0, Math.ceil(r.rawAgents / (1 - r.shrinkage.base) - 1e-9) - r.rawAgents),
    );
    const wellbeing = mine.map((r, i) => Math.max(0, r.agents - erlang[i] - base[i]));
    const headcount = headcountOf(agents, shown);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      xAxis: {
        type: 'category',
        data: mine.map((r) => formatDateTime(r.start, i18n.language, timeZone)),
      },
      yAxis: { type: 'value', name: t('staffing.agentsAxis') },
      series: [
        { name: t('staffing.erlang'), type: 'bar', stack: 'need', data: erlang, color: '#1c7ed6' },
        { name: t('staffing.base'), type: 'bar', stack: 'need', data: base, color: '#74c0fc' },
        {
          name: t('staffing.wellbeing'),
          type: 'bar',
          stack: 'need',
          data: wellbeing,
          color: '#f59f00',
        },
        {
          name: t('staffing.headcount'),
          type: 'line',
          showSymbol: false,
          data: mine.map(() => headcount),
          color: '#e03131',
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [rows, shown, agents, i18n.language, timeZone, t]);
  const wellbeingAvg = useMemo(() => {
    const own = rows.filter((r) => !r.dialect && r.agents > 0);
    return own.length ? own.reduce((s, r) => s + r.shrinkage.wellbeing, 0) / own.length : 0;
  }, [rows]);
  const sources = preview.data?.shrinkage;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('staffing.title')}
        </Title>
        {preview.error && (
          <Alert color="red" role="alert">
            {t('failed', { message: preview.error.message })}
          </Alert>
        )}
        {preview.isSuccess && rows.length === 0 && <Text c="dimmed">{t('staffing.none')}</Text>}
        {lines.length > 0 && (
          <Stack gap={4} data-testid="staffing-words">
            {lines.map((l) => (
              <Text key={l.dialect} c={l.shortBy > 0 ? 'red.8' : undefined}>
                {t(l.shortBy > 0 ? 'staffing.short' : 'staffing.enough', {
                  who: name(l.dialect),
                  peak: l.peakRequired,
                  at: l.peakAt ? formatDateTime(l.peakAt, i18n.language, timeZone) : '—',
                  headcount: l.headcount,
                  count: l.shortBy,
                  intervals: l.shortIntervals,
                })}
              </Text>
            ))}
            {lines.some((l) => !l.dialect) && (
              <Text size="sm">
                {t('staffing.hours', {
                  hours: formatNumber(
                    lines.find((l) => !l.dialect)!.requiredAgentHours,
                    i18n.language,
                    { maximumFractionDigits: 1 },
                  ),
                })}
              </Text>
            )}
          </Stack>
        )}
        {sources && (
          <Text size="sm" data-testid="shrinkage-words">
            {t('staffing.shrinkage', {
              base: pct(sources.base.value),
              wellbeing: pct(wellbeingAvg),
              hostile: pct(sources.wellbeing.hostileCallRate.value),
              hostileSource: hostileSource(sources.wellbeing.hostileCallRate),
              recovery: formatNumber(
                sources.wellbeing.recoveryMinutesPerHostileCall.value,
                i18n.language,
                { maximumFractionDigits: 1 },
              ),
              recoverySource: t(
                `staffing.source.${sources.wellbeing.recoveryMinutesPerHostileCall.source}`,
              ),
            })}
          </Text>
        )}
        {(preview.data?.warnings ?? []).map((w) => (
          <Alert key={w.code} color="orange">
            {t('staffing.capped', { intervals: w.intervals })}
          </Alert>
        ))}
        {lines.length > 1 && (
          <Group>
            <SegmentedControl
              aria-label={t('staffing.dialectPick')}
              value={shown}
              onChange={setDialect}
              data={lines.map((l) => ({ value: l.dialect, label: name(l.dialect) }))}
            />
          </Group>
        )}
        {rows.length > 0 && (
          <EChart option={option} label={t('staffing.chartLabel')} height={300} />
        )}
      </Stack>
    </Paper>
  );
}
