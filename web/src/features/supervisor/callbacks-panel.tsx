import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatDuration } from './wallboard-model';

/** Today from local midnight: the promises the team made for today. */
function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/**
 * Promised callbacks kept, per dialect (`GET /v1/routing/callbacks/stats`, the team's own): how
 * many, the share reached inside their window, how soon a person first tried, attempts, missed.
 * Stays away while the team has promised none today.
 */
export function CallbacksPanel() {
  const { t, i18n } = useTranslation('supervisor');
  const stats = useQuery({
    queryKey: ['callback-stats'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/routing/callbacks/stats', {
          params: { query: { from: startOfToday() } },
        }),
      ),
    refetchInterval: 30_000,
    retry: false,
  });
  const dialects = stats.data?.dialects ?? [];
  if (dialects.length === 0) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const dash = '–';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="callbacks-title">
      <Title order={2} size="h4" id="callbacks-title" mb="sm">
        {t('callbacks.title')}
      </Title>
      <Table data-testid="callbacks-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queue.dialect')}</Table.Th>
            <Table.Th>{t('callbacks.promised')}</Table.Th>
            <Table.Th>{t('callbacks.kept')}</Table.Th>
            <Table.Th>{t('callbacks.firstTry')}</Table.Th>
            <Table.Th>{t('callbacks.attempts')}</Table.Th>
            <Table.Th>{t('callbacks.missed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dialects.map((d) => (
            <Table.Tr key={d.dialect ?? '*'}>
              <Table.Td>{d.dialect ?? t('queue.anyDialect')}</Table.Td>
              <Table.Td>{d.callbacks}</Table.Td>
              <Table.Td>
                {d.reachedInWindowShare === null ? dash : percent.format(d.reachedInWindowShare)}
              </Table.Td>
              <Table.Td>
                {d.medianSecondsToFirstAttempt === null
                  ? dash
                  : formatDuration(d.medianSecondsToFirstAttempt)}
              </Table.Td>
              <Table.Td>
                {d.attemptsPerCallback === null ? dash : decimal.format(d.attemptsPerCallback)}
              </Table.Td>
              <Table.Td>{d.missed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t('callbacks.note')}
      </Text>
    </Paper>
  );
}
