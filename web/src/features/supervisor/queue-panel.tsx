import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { useTagName } from '../../lib/i18n/tag-names';
import { formatDuration } from './wallboard-model';

/** Waiting calls per dialect and skills (`GET /v1/routing/queue`), refreshed every 3 seconds. */
export function QueuePanel() {
  const { t } = useTranslation('supervisor');
  const tagName = useTagName();
  // "Cantonese · Returns": what the waiting calls ask for, by name.
  const asked = (q: { dialect?: string | null; skills: string[] }) =>
    [
      q.dialect ? tagName('dialect', q.dialect) : t('queue.anyDialect'),
      ...q.skills.map((s) => tagName('skill', s)),
    ].join(' · ');
  const queue = useQuery({
    queryKey: ['routing-queue'],
    queryFn: async () => unwrap(await api.GET('/v1/routing/queue')),
    refetchInterval: 3_000,
  });
  if (!queue.data) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h4" id="queue-title" mb="sm">
        {t('queue.title')}
      </Title>
      {queue.data.queues.length === 0 ? (
        <Text c="dimmed">{t('queue.empty')}</Text>
      ) : (
        <Table data-testid="queue-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queue.dialect')}</Table.Th>
              <Table.Th>{t('queue.waiting')}</Table.Th>
              <Table.Th>{t('queue.longest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.queues.map((q, i) => (
              <Table.Tr key={i}>
                <Table.Td>{asked(q)}</Table.Td>
                <Table.Td>{q.waiting}</Table.Td>
                <Table.Td>{formatDuration(q.longestWaitSeconds)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
