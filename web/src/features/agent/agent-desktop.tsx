import { Center, Grid, Loader, Stack, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, Routes, Route } from 'react-router-dom';
import { BreaksPanel } from './components/breaks-panel';
import { CalendarLink } from './components/calendar-link';
import { CounsellingPanel } from './components/counselling-panel';
import { LoadToday } from './components/load-today';
import { RecentCalls } from './components/recent-calls';
import { StatePanel } from './components/state-panel';

// FullCalendar is the largest piece: only the schedule tab loads it.
const WeekSchedule = lazy(() => import('./components/week-schedule'));
const ShiftRequestsPanel = lazy(() => import('./components/shift-requests-panel'));

function AgentTabs() {
  const { t } = useTranslation();
  const { tab = 'today' } = useParams();
  const navigate = useNavigate();
  return (
    <Tabs value={tab} onChange={(v) => navigate(`/agent/${v ?? 'today'}`)} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="today">{t('agent.tabs.today')}</Tabs.Tab>
        <Tabs.Tab value="schedule">{t('agent.tabs.schedule')}</Tabs.Tab>
        <Tabs.Tab value="counselling">{t('agent.tabs.counselling')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="today">
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <StatePanel />
              <LoadToday />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <BreaksPanel />
              <RecentCalls />
            </Stack>
          </Grid.Col>
        </Grid>
      </Tabs.Panel>
      <Tabs.Panel value="schedule">
        <Stack>
          <Suspense
            fallback={
              <Center h={200}>
                <Loader />
              </Center>
            }
          >
            <WeekSchedule />
            <ShiftRequestsPanel />
          </Suspense>
          <CalendarLink />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="counselling">
        <CounsellingPanel />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The agent desktop: my day (state, load, breaks, calls), my week, my counselling. */
export default function AgentDesktop() {
  return (
    <Routes>
      <Route path=":tab?" element={<AgentTabs />} />
    </Routes>
  );
}
