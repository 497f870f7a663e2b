import { Badge, Stack, Table, Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { useTodaysAdherence } from '../lib/use-todays-adherence';

/**
 * Today's adherence by agent name with the team total, and who is out of adherence now: the
 * supervisor's wallboard tab and the scheduler's planner tab show the same figures the same way.
 */
export const TodaysAdherence = memo(function TodaysAdherence({
  teamId,
  timeZone,
  names,
}: {
  teamId: string;
  timeZone: string;
  /** Agent names by id: unchanged while only presence changes, so the table does not redraw. */
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const { live, totals } = useTodaysAdherence(teamId, timeZone);
  const name = (id: string) => names.get(id) ?? id.slice(0, 8);
  // Sorted copy: `totals` is the query's memoised value, shared with the next render.
  const agents = useMemo(
    () =>
      [...totals.agents].sort((a, b) =>
        (names.get(a.agentId) ?? a.agentId).localeCompare(
          names.get(b.agentId) ?? b.agentId,
          i18n.language,
        ),
      ),
    [totals, names, i18n.language],
  );
  const pct = (v: number | null) =>
    v === null ? '—' : formatNumber(v, i18n.language, { style: 'percent' });
  return (
    <Stack>
      {(live.data?.outOfAdherence.length ?? 0) > 0 && (
        <div>
          <Text fw={600} mb={4}>
            {t('adherence.outNow')}
          </Text>
          {live.data!.outOfAdherence.map((o) => (
            <Badge key={o.agentId} color="orange" variant="light" mr={6}>
              {name(o.agentId)}: {t(`adherence.expected.${o.expected}`)}
            </Badge>
          ))}
        </div>
      )}
      {agents.length === 0 ? (
        <Text c="dimmed">{t('adherence.none')}</Text>
      ) : (
        <Table striped data-testid="adherence-table">
          <Table.Caption>{t('adherence.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adherence.agent')}</Table.Th>
              <Table.Th>{t('adherence.scheduled')}</Table.Th>
              <Table.Th>{t('adherence.adherent')}</Table.Th>
              <Table.Th>{t('adherence.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.map((a) => (
              <Table.Tr key={a.agentId}>
                <Table.Td>{name(a.agentId)}</Table.Td>
                <Table.Td>{a.scheduledMinutes}</Table.Td>
                <Table.Td>{a.adherentMinutes}</Table.Td>
                <Table.Td>{pct(a.share)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('adherence.total')}</Table.Th>
              <Table.Th>{totals.team.scheduledMinutes}</Table.Th>
              <Table.Th>{totals.team.adherentMinutes}</Table.Th>
              <Table.Th>{pct(totals.team.share)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
});
