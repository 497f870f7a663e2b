import './i18n';
import {
  Alert,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../../lib/auth/session';
import { TodaysAdherence } from '../../components/todays-adherence';
import { AgentsTable } from './agents-table';
import { AlertsPanel } from './alerts-panel';
import { CallbacksPanel } from './callbacks-panel';
import { QueuePanel } from './queue-panel';
import { ShortenRecoveryModal } from './shorten-recovery-modal';
import { useTeamContext, useWallboardRows } from './use-wallboard';
import { displayNames, summarise, type AgentRow } from './wallboard-model';

// ECharts is heavy: it loads when the report tab opens.
const WellbeingReport = lazy(() => import('./wellbeing-report'));
const ServiceLevelPanel = lazy(() => import('./service-level-panel'));

/** The supervisor's live wallboard: the team's agents, alerts, queue, report and adherence. */
export default function SupervisorWallboard() {
  const { t } = useTranslation('supervisor');
  const person = usePerson();
  if (!person.teamId) return <Alert color="yellow">{t('noTeam')}</Alert>;
  return <Wallboard teamId={person.teamId} />;
}

function Wallboard({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('supervisor');
  const { timeZone, occupancyCap } = useTeamContext(teamId);
  const { rows, loading } = useWallboardRows(teamId, timeZone);
  const [tab, setTab] = useState<string | null>('board');
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [shortening, setShortening] = useState<AgentRow | null>(null);
  const onShorten = useCallback((row: AgentRow) => setShortening(row), []);
  // The order depends on names only: recomputed when the roster changes, not on every state change
  // (sorting 500 names with a collator each frame would cost more than the rows themselves).
  const rosterKey = useMemo(() => [...rows.keys()].join(','), [rows.size, rows]);
  const order = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return [...rows.values()]
      .sort(
        (a, b) =>
          collator.compare(a.displayName, b.displayName) ||
          collator.compare(a.externalId, b.externalId),
      )
      .map((r) => r.agentId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rosterKey, i18n.language]);
  const list = useMemo(() => {
    const f = deferredFilter.trim().toLowerCase();
    const out: AgentRow[] = [];
    for (const id of order) {
      const r = rows.get(id);
      if (r && (!f || r.displayName.toLowerCase().includes(f) || r.externalId.includes(f)))
        out.push(r);
    }
    return out;
  }, [rows, order, deferredFilter]);
  // Names only for the alerts and adherence panels: the same map while only presence changes.
  const lastNames = useRef<ReadonlyMap<string, string>>(new Map());
  const names = useMemo(() => (lastNames.current = displayNames(lastNames.current, rows)), [rows]);
  const summary = useMemo(() => summarise(rows.values(), occupancyCap), [rows, occupancyCap]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="board-summary">
        {(
          [
            ['agents', summary.agents],
            ['onCall', summary.onCall],
            ['wrapUp', summary.wrapUp],
            ['available', summary.available],
            ['recovery', summary.recovery],
            ['aboveCap', summary.aboveCap],
          ] as const
        ).map(([k, v]) => (
          <Paper key={k} withBorder p="sm" data-testid={`summary-${k}`}>
            <Text size="xs" c="dimmed">
              {t(`summary.${k}`)}
            </Text>
            <Text size="xl" fw={700}>
              {v}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="board">{t('tabs.board')}</Tabs.Tab>
          <Tabs.Tab value="report">{t('tabs.report')}</Tabs.Tab>
          <Tabs.Tab value="adherence">{t('tabs.adherence')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 9 }}>
              <TextInput
                label={t('filter')}
                value={filter}
                onChange={(e) => setFilter(e.currentTarget.value)}
                mb="sm"
                maw={320}
              />
              {loading ? (
                <Loader aria-label="…" />
              ) : (
                <AgentsTable rows={list} occupancyCap={occupancyCap} onShorten={onShorten} />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 3 }}>
              <Stack>
                <AlertsPanel teamId={teamId} timeZone={timeZone} names={names} />
                <QueuePanel />
                <Suspense fallback={null}>
                  <ServiceLevelPanel teamId={teamId} timeZone={timeZone} />
                </Suspense>
                <CallbacksPanel />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <Suspense fallback={<Loader aria-label="…" />}>
            <WellbeingReport
              teamId={teamId}
              timeZone={timeZone}
              rows={list}
              occupancyCap={occupancyCap}
            />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="adherence" pt="md">
          <TodaysAdherence teamId={teamId} timeZone={timeZone} names={names} />
        </Tabs.Panel>
      </Tabs>
      <ShortenRecoveryModal
        row={shortening}
        teamId={teamId}
        timeZone={timeZone}
        onClose={() => setShortening(null)}
      />
    </Stack>
  );
}
