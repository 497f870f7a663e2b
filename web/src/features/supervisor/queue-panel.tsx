import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDialectName } from '../../lib/i18n/tag-names';
import { formatDuration } from './wallboard-model';

interface QueueView {
  asOf: string;
  queues: {
    dialect?: string | null;
    skills: string[];
    waiting: number;
    longestWaitSeconds: number;
  }[];
}

/**
 * Waiting calls per dialect, when the service queues calls (`GET /v1/routing/queue`). On a
 * service without the queue the endpoint answers 404 and the panel stays away.
 */
export function QueuePanel() {
  const { t } = useTranslation('supervisor');
  const dialectName = useDialectName();
  const queue = useQuery({
    queryKey: ['routing-queue'],
    queryFn: async (): Promise<QueueView | null> => {
      // Not in the generated client until the queue lands; a plain request keeps this build typed.
      const res = await fetch('/v1/routing/queue', { credentials: 'same-origin' });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as QueueView;
    },
    refetchInterval: (q) => (q.state.data === null ? false : 3_000),
    retry: false,
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
                <Table.Td>{q.dialect ? dialectName(q.dialect) : t('queue.anyDialect')}</Table.Td>
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
