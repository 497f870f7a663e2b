import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useTodaysAdherence } from '../../lib/use-todays-adherence';
import type { Agent } from './use-planner';

/** Today's adherence per agent against the published schedule, and who is out of it now. */
export function AdherencePanel({
  teamId,
  agents,
  timeZone,
}: {
  teamId: string;
  agents: Agent[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const { live, totals: summed } = useTodaysAdherence(teamId, timeZone);
  const names = useMemo(() => new Map(agents.map((a) => [a.id, a.displayName])), [agents]);
  const totals = useMemo(
    () =>
      [...summed.agents].sort((a, b) =>
        (names.get(a.agentId) ?? '').localeCompare(names.get(b.agentId) ?? '', i18n.language),
      ),
    [summed, names, i18n.language],
  );
  const team = summed.team;
  const pct = (share: number | null) =>
    share === null ? '—' : formatNumber(share, i18n.language, { style: 'percent' });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('adherence.title')}
      </Title>
      <Stack>
        {(live.data?.outOfAdherence.length ?? 0) > 0 && (
          <div>
            <Text fw={600} mb={4}>
              {t('adherence.outNow')}
            </Text>
            {live.data!.outOfAdherence.map((o) => (
              <Badge key={o.agentId} color="orange" variant="light" mr={6}>
                {names.get(o.agentId) ?? o.agentId.slice(0, 8)}:{' '}
                {t(`adherence.expected.${o.expected}`)}
              </Badge>
            ))}
          </div>
        )}
        {totals.length === 0 ? (
          <Text c="dimmed">{t('adherence.none')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adherence.agent')}</Table.Th>
                <Table.Th>{t('adherence.scheduled')}</Table.Th>
                <Table.Th>{t('adherence.adherent')}</Table.Th>
                <Table.Th>{t('adherence.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.map((a) => (
                <Table.Tr key={a.agentId}>
                  <Table.Td>{names.get(a.agentId) ?? a.agentId.slice(0, 8)}</Table.Td>
                  <Table.Td>{a.scheduledMinutes}</Table.Td>
                  <Table.Td>{a.adherentMinutes}</Table.Td>
                  <Table.Td>{pct(a.share)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('adherence.total')}</Table.Th>
                <Table.Th>{team.scheduledMinutes}</Table.Th>
                <Table.Th>{team.adherentMinutes}</Table.Th>
                <Table.Th>{pct(team.share)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
