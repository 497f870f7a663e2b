import './i18n';
import { Alert, Group, Loader, NativeSelect, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePerson } from '../../lib/auth/session';
import { AdherencePanel } from './adherence-panel';
import { ForecastPanel } from './forecast-panel';
import { PlanningSettingsCard } from './planning-settings-card';
import { horizonDays } from './planner-model';
import { RequestsPanel } from './requests-panel';
import { SchedulePanel } from './schedule-panel';
import { StaffingPanel } from './staffing-panel';
import { useTeamSite } from '../../lib/use-team-site';
import { useTeamAgents } from './use-planner';
import { ShiftSettingsCard } from './shift-settings-card';
import { WorkProfilesPanel } from './work-profiles-panel';
import { DayInput } from '../../components/day-input';

/** The scheduler's planner: forecast, staffing, the schedule grid, requests, contracts, adherence. */
export default function SchedulerWorkspace() {
  const { t } = useTranslation('scheduler');
  const person = usePerson();
  if (!person.teamId) return <Alert color="yellow">{t('noTeam')}</Alert>;
  return <Planner teamId={person.teamId} />;
}

function Planner({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('scheduler');
  const site = useTeamSite(teamId);
  const { agents, loading } = useTeamAgents(teamId, i18n.language);
  const [params, setParams] = useSearchParams();
  const tomorrow = DateTime.now().setZone(site.timeZone).plus({ days: 1 }).toISODate()!;
  const [startDate, setStartDate] = useState<string | null>(null);
  const [days, setDays] = useState(7);
  const [intervalMinutes, setIntervalMinutes] = useState(30);
  const start = startDate ?? tomorrow;
  const horizon = useMemo(
    () => horizonDays(start, days, site.timeZone),
    [start, days, site.timeZone],
  );
  const tab = params.get('tab') ?? (params.get('schedule') ? 'schedule' : 'forecast');
  const scheduleId = params.get('schedule');
  const update = (patch: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  if (!site.ready || loading) return <Loader aria-label="…" />;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('subtitle', { team: site.teamName, zone: site.timeZone, agents: agents.length })}
          </Text>
        </div>
        <Paper withBorder p="xs">
          <Group gap="sm" align="flex-end">
            <DayInput
              label={t('horizon.start')}
              value={start}
              onChange={(day) => day && setStartDate(day)}
              size="xs"
              w={130}
            />
            <NativeSelect
              label={t('horizon.days')}
              value={String(days)}
              onChange={(e) => setDays(Number(e.currentTarget.value))}
              data={[1, 2, 3, 5, 7, 14].map((n) => ({ value: String(n), label: String(n) }))}
              size="xs"
            />
            <NativeSelect
              label={t('horizon.interval')}
              value={String(intervalMinutes)}
              onChange={(e) => setIntervalMinutes(Number(e.currentTarget.value))}
              data={[15, 30, 60].map((n) => ({
                value: String(n),
                label: t('horizon.minutes', { n }),
              }))}
              size="xs"
            />
          </Group>
        </Paper>
      </Group>
      <Tabs value={tab} onChange={(v) => v && update({ tab: v })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="forecast">{t('tabs.forecast')}</Tabs.Tab>
          <Tabs.Tab value="schedule">{t('tabs.schedule')}</Tabs.Tab>
          <Tabs.Tab value="requests">{t('tabs.requests')}</Tabs.Tab>
          <Tabs.Tab value="people">{t('tabs.people')}</Tabs.Tab>
          <Tabs.Tab value="adherence">{t('tabs.adherence')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="forecast" pt="md">
          <Stack>
            <ForecastPanel
              teamId={teamId}
              days={horizon}
              intervalMinutes={intervalMinutes}
              timeZone={site.timeZone}
              agents={agents}
            />
            <PlanningSettingsCard teamId={teamId} />
            <StaffingPanel
              teamId={teamId}
              startDate={start}
              days={days}
              intervalMinutes={intervalMinutes}
              timeZone={site.timeZone}
              agents={agents}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md">
          <SchedulePanel
            teamId={teamId}
            startDate={start}
            days={days}
            intervalMinutes={intervalMinutes}
            timeZone={site.timeZone}
            agents={agents}
            scheduleId={scheduleId}
            onSchedule={(id) => update({ schedule: id, tab: 'schedule' })}
            onForecast={() => update({ tab: 'forecast' })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          <RequestsPanel
            teamId={teamId}
            agents={agents}
            timeZone={site.timeZone}
            scheduleId={scheduleId}
          />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <Stack>
            <ShiftSettingsCard teamId={teamId} />
            <WorkProfilesPanel agents={agents} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="adherence" pt="md">
          <AdherencePanel teamId={teamId} agents={agents} timeZone={site.timeZone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
