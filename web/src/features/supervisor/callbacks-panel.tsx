import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDialectName } from '../../lib/i18n/tag-names';
import { api, unwrap } from '../../lib/api/client';
import { formatDuration } from './wallboard-model';

/** Today, from local midnight to the next: the promises whose window opens today. */
function today(): { from: string; to: string } {
  const from = new Date();
  from.setHours(0, 0, 0, 0);
  const to = new Date(from);
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * Promised callbacks kept, per dialect (`GET /v1/routing/callbacks/stats`, the team's own): how
 * many, the share reached inside their window, how soon a person first tried, attempts, missed.
 * Stays away while the team has promised none today.
 */
export function CallbacksPanel() {
  const { t, i18n } = useTranslation('supervisor');
  const dialectName = useDialectName();
  const stats = useQuery({
    queryKey: ['callback-stats'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/routing/callbacks/stats', {
          params: { query: today() },
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
      {/* The side column is narrow: one small two-column table per dialect, not six columns. */}
      <Stack gap="sm" data-testid="callbacks-table">
        {dialects.map((d) => (
          <Table
            key={d.dialect ?? '*'}
            data-testid="callbacks-dialect"
            aria-label={d.dialect ? dialectName(d.dialect) : t('queue.anyDialect')}
            withRowBorders={false}
            verticalSpacing={2}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{d.dialect ? dialectName(d.dialect) : t('queue.anyDialect')}</Table.Th>
                <Table.Th ta="right">
                  {t('callbacks.promisedCount', { count: d.callbacks })}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('callbacks.kept')}</Table.Td>
                <Table.Td ta="right">
                  {d.reachedInWindowShare === null ? dash : percent.format(d.reachedInWindowShare)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('callbacks.firstTry')}</Table.Td>
                <Table.Td ta="right">
                  {d.medianSecondsToFirstAttempt === null
                    ? dash
                    : formatDuration(d.medianSecondsToFirstAttempt)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('callbacks.attempts')}</Table.Td>
                <Table.Td ta="right">
                  {d.attemptsPerCallback === null ? dash : decimal.format(d.attemptsPerCallback)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('callbacks.missed')}</Table.Td>
                <Table.Td ta="right">{d.missed}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {t('callbacks.note')}
      </Text>
    </Paper>
  );
}
