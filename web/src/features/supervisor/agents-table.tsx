import { Badge, Button, Group, Progress, Table, Text } from '@mantine/core';
import { createContext, memo, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNowSecond } from './now-second';
import { formatDuration, occupancyPercent, secondsLeft, type AgentRow } from './wallboard-model';

const STATE_COLOURS: Record<string, string> = {
  available: 'green',
  reserved: 'yellow',
  on_call: 'blue',
  wrap_up: 'cyan',
  break: 'grape',
  recovery: 'orange',
  not_ready: 'gray',
  offline: 'dark',
};

/** Time in state, ticking: the only part of a row that redraws every second. */
function TimeInState({ since }: { since: string }) {
  const now = useNowSecond() * 1000;
  return <>{formatDuration(Math.max(0, (now - Date.parse(since)) / 1000))}</>;
}

/** What is left of a recovery, ticking (rendered for agents in recovery only). */
function RecoveryLeft({ until }: { until: string | null }) {
  const { t } = useTranslation('supervisor');
  const left = secondsLeft(until, useNowSecond() * 1000);
  return <>{left !== null ? t('recoveryLeft', { time: formatDuration(left) }) : '—'}</>;
}

interface RowProps {
  /** Rows redraw only when their agent changes; the clocks in them tick by themselves. */
  row: AgentRow;
  occupancyCap: number;
  onShorten: (row: AgentRow) => void;
}

const AgentTableRow = memo(function AgentTableRow({ row, occupancyCap, onShorten }: RowProps) {
  const { t } = useTranslation('supervisor');
  const stateLabel = row.stale
    ? t('state.stale')
    : row.reason === 'private'
      ? t('state.private')
      : t(`state.${row.state}`, { defaultValue: row.state });
  const occupancy = Math.round(row.occupancyLastHour * 100);
  const above = row.occupancyLastHour > occupancyCap;
  return (
    <Table.Tr data-testid={`agent-row-${row.externalId}`} className="sw-board-row">
      <Table.Td>
        <Text fw={600} size="sm">
          {row.displayName}
        </Text>
        <Text size="xs" c="dimmed">
          {row.externalId}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge
          color={row.stale ? 'red' : (STATE_COLOURS[row.state] ?? 'gray')}
          variant="light"
          data-testid="agent-state"
          style={{ overflow: 'visible' }}
          styles={{ label: { overflow: 'visible' } }}
        >
          {stateLabel}
        </Badge>
      </Table.Td>
      <Table.Td ff="monospace">
        <TimeInState since={row.since} />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Progress
            value={occupancy}
            color={above ? 'red' : 'teal'}
            w={70}
            aria-label={t('table.occupancy')}
          />
          <Text size="sm" c={above ? 'red' : undefined} fw={above ? 700 : undefined}>
            {occupancyPercent(row.occupancyLastHour, occupancyCap)}%
          </Text>
        </Group>
      </Table.Td>
      <Table.Td ta="center">{row.hostileToday}</Table.Td>
      <Table.Td ta="center">{row.hostileLastHour}</Table.Td>
      <Table.Td ff="monospace" data-testid="recovery-left">
        {row.state === 'recovery' ? <RecoveryLeft until={row.until} /> : '—'}
      </Table.Td>
      <Table.Td>
        {row.state === 'recovery' && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => onShorten(row)}
            aria-label={t('shorten.openFor', { name: row.displayName })}
          >
            {t('shorten.open')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * The visible rows reach the table body through a context, not a prop: Mantine's `Table` gives
 * its cells a fresh context value whenever it renders, which would redraw every cell of all 500
 * (memoised) rows. This way a new list renders only the body's row list and the changed rows.
 */
const RowsContext = createContext<readonly AgentRow[]>([]);

export function AgentsTable({
  rows,
  occupancyCap,
  onShorten,
}: {
  rows: readonly AgentRow[];
  occupancyCap: number;
  onShorten: (row: AgentRow) => void;
}): ReactNode {
  return (
    <RowsContext.Provider value={rows}>
      <AgentsTableFrame occupancyCap={occupancyCap} onShorten={onShorten} />
    </RowsContext.Provider>
  );
}

interface FrameProps {
  occupancyCap: number;
  onShorten: (row: AgentRow) => void;
}

const AgentsTableFrame = memo(function AgentsTableFrame({ occupancyCap, onShorten }: FrameProps) {
  const { t } = useTranslation('supervisor');
  return (
    // Sized so the whole row, its action included, fits beside the side panels on a 1366-pixel
    // laptop screen: at equal widths (900 px) the action column scrolled out of sight.
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover stickyHeader layout="fixed" data-testid="wallboard-table">
        <Table.Caption>{t('table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.agent')}</Table.Th>
            <Table.Th w={112}>{t('table.state')}</Table.Th>
            <Table.Th w={76}>{t('table.timeInState')}</Table.Th>
            <Table.Th w={120}>
              {t('table.occupancy')}{' '}
              <Text span size="xs" c="dimmed">
                ({t('cap', { cap: Math.round(occupancyCap * 100) })})
              </Text>
            </Table.Th>
            <Table.Th w={72}>{t('table.hostileToday')}</Table.Th>
            <Table.Th w={72}>{t('table.hostileHour')}</Table.Th>
            <Table.Th w={92}>{t('table.recovery')}</Table.Th>
            <Table.Th w={148}>{t('table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <AgentRows occupancyCap={occupancyCap} onShorten={onShorten} />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

function AgentRows({ occupancyCap, onShorten }: FrameProps) {
  const { t } = useTranslation('supervisor');
  const rows = useContext(RowsContext);
  if (rows.length === 0)
    return (
      <Table.Tr>
        <Table.Td colSpan={8}>{t('table.empty')}</Table.Td>
      </Table.Tr>
    );
  return rows.map((r) => (
    <AgentTableRow key={r.agentId} row={r} occupancyCap={occupancyCap} onShorten={onShorten} />
  ));
}
