import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvDropZone } from '../../components/csv-drop-zone';
import { EChart } from '../../components/echart';
import { api, unwrap } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { ForecastFromHistory } from './forecast-from-history';
import { useLineName } from './line-name';
import { parseForecastCsv, type ForecastRow, type ParsedForecast } from './forecast-csv';
import type { Day } from './planner-model';
import type { Agent } from './use-planner';

/**
 * Upload a forecast file (dropped or chosen), checked row by row here first, or build it from the
 * team's answered calls; the horizon's forecast as a chart.
 */
export function ForecastPanel({
  teamId,
  days,
  intervalMinutes,
  timeZone,
  agents,
}: {
  teamId: string;
  days: Day[];
  intervalMinutes: number;
  timeZone: string;
  agents: Agent[];
}) {
  const { t, i18n } = useTranslation('scheduler');
  const lineName = useLineName();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; parsed: ParsedForecast } | null>(null);
  const from = new Date(days[0].start).toISOString();
  const to = new Date(days[days.length - 1].end).toISOString();
  const forecast = useQuery({
    queryKey: ['forecast', teamId, from, to],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/teams/{teamId}/forecast', {
          params: { path: { teamId }, query: { from, to } as never },
        }),
      ),
  });
  const upload = useMutation({
    mutationFn: async (parsed: ParsedForecast) =>
      unwrap(
        await api.PUT('/v1/teams/{teamId}/forecast', {
          params: { path: { teamId } },
          body: { intervalMinutes, intervals: parsed.rows },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['forecast', teamId] });
      void queryClient.invalidateQueries({ queryKey: ['preview', teamId] });
    },
  });
  const read = async (f: File) => {
    upload.reset();
    setFile({ name: f.name, parsed: parseForecastCsv(await f.text(), intervalMinutes) });
  };
  const option = useMemo(() => {
    // Each stored interval carries its length (the generated type omits it).
    const rows = (
      (forecast.data?.intervals ?? []) as Array<ForecastRow & { intervalMinutes: number }>
    ).filter((r) => r.intervalMinutes === intervalMinutes);
    const starts = [...new Set(rows.map((r) => Date.parse(r.start)))].sort((a, b) => a - b);
    const index = new Map(starts.map((s, i) => [s, i]));
    const dialects = [...new Set(rows.map((r) => r.dialect ?? ''))].sort();
    const series = dialects.map((d) => {
      const data: Array<number | null> = starts.map(() => null);
      for (const r of rows)
        if ((r.dialect ?? '') === d) data[index.get(Date.parse(r.start))!] = r.calls;
      return {
        name: lineName(d),
        type: 'line',
        showSymbol: false,
        step: 'start',
        data,
      };
    });
    return {
      empty: rows.length === 0,
      option: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 32, bottom: 40 },
        xAxis: {
          type: 'category',
          data: starts.map((s) => formatDateTime(new Date(s), i18n.language, timeZone)),
        },
        yAxis: { type: 'value', name: t('forecast.callsAxis') },
        series,
      },
    };
  }, [forecast.data, intervalMinutes, i18n.language, timeZone, t, lineName]);
  const parsed = file?.parsed;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {t('forecast.title')}
          </Title>
          <ForecastFromHistory
            teamId={teamId}
            startDate={days[0].date}
            days={days.length}
            intervalMinutes={intervalMinutes}
            timeZone={timeZone}
            agents={agents}
          />
        </Group>
        <CsvDropZone
          testId="forecast-drop"
          prompt={t('forecast.drop')}
          hint={t('forecast.format')}
          chooseLabel={t('forecast.file')}
          onFile={(f) => void read(f)}
        />
        {parsed?.fileProblem && (
          <Alert color="red" role="alert">
            {t(`forecast.fileProblem.${parsed.fileProblem}`)}
          </Alert>
        )}
        {parsed && !parsed.fileProblem && (
          <Stack gap="xs">
            <Text fw={600} data-testid="forecast-summary">
              {t('forecast.summary', {
                name: file.name,
                rows: parsed.rows.length,
                bad: parsed.errors.length,
              })}
            </Text>
            {parsed.errors.length > 0 && (
              <Table striped data-testid="forecast-errors" maw={720}>
                <Table.Caption>{t('forecast.errorsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('forecast.line')}</Table.Th>
                    <Table.Th>{t('forecast.problem')}</Table.Th>
                    <Table.Th>{t('forecast.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {parsed.errors.slice(0, 50).map((e) => (
                    <Table.Tr key={e.line}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{t(`forecast.problems.${e.problem}`)}</Table.Td>
                      <Table.Td ff="monospace">{e.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group>
              <Button
                disabled={parsed.rows.length === 0 || upload.isSuccess}
                loading={upload.isPending}
                onClick={() => upload.mutate(parsed)}
              >
                {t('forecast.upload', { count: parsed.rows.length })}
              </Button>
            </Group>
            {upload.isSuccess && (
              <Alert color="green" role="status">
                {t('forecast.stored', { count: upload.data.stored })}
              </Alert>
            )}
            {upload.error && (
              <Alert color="red" role="alert">
                {t('failed', { message: upload.error.message })}
              </Alert>
            )}
          </Stack>
        )}
        {option.empty ? (
          <Text c="dimmed">{t('forecast.none')}</Text>
        ) : (
          <EChart option={option.option} label={t('forecast.chartLabel')} height={280} />
        )}
      </Stack>
    </Paper>
  );
}
