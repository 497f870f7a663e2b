import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession, type Person } from '../lib/auth/session';
import { EventStreamProvider } from '../lib/events/event-stream';
import { SignInPage } from '../features/auth/sign-in-page';
import { NotificationsProvider } from '../features/notifications/notifications';
import { AppLayout } from './app-layout';

// One chunk per workspace: an agent's first load carries none of the others. The workspace in the
// address starts loading at once, alongside the session check, not after it.
const loadAgent = () => import('../features/agent/agent-desktop');
const loadCounsellor = () => import('../features/counsellor/counsellor-workspace');
if (window.location.pathname.startsWith('/agent')) void loadAgent();
if (window.location.pathname.startsWith('/counsellor')) void loadCounsellor();
const AgentDesktop = lazy(loadAgent);
const CounsellorWorkspace = lazy(loadCounsellor);
const loadSupervisor = () => import('../features/supervisor/supervisor-wallboard');
if (window.location.pathname.startsWith('/supervisor')) void loadSupervisor();
const SupervisorWallboard = lazy(loadSupervisor);
const loadScheduler = () => import('../features/scheduler/scheduler-workspace');
if (window.location.pathname.startsWith('/scheduler')) void loadScheduler();
const SchedulerWorkspace = lazy(loadScheduler);
const AdminConsole = lazy(() => import('../features/admin/admin-console'));
const AccountPage = lazy(() => import('../features/auth/account-page'));
const NotificationsPage = lazy(() => import('../features/notifications/notifications-page'));
const HomePage = lazy(() => import('./home-page'));

/**
 * Where a person lands: their own workspace. The agent desk needs an agent profile, not only the
 * role: a login given the role without one (made under "Sign-ins") lands on the home page, which
 * says what is missing, instead of a route that does not exist for them (a blank page).
 */
export function homePathFor(person: Pick<Person, 'roles' | 'agentId' | 'teamId'>): string {
  if (person.agentId) return '/agent';
  if (person.roles.includes('counselor')) return '/counsellor';
  if (person.roles.includes('supervisor')) return '/supervisor';
  if (person.roles.includes('scheduler') && person.teamId) return '/scheduler';
  if (person.roles.includes('admin')) return '/admin';
  return '/home';
}

const loading = (
  <Center h="60vh">
    <Loader aria-label="…" />
  </Center>
);

export function AppRoutes() {
  const { state } = useSession();
  if (state.status === 'loading') return loading;
  if (state.status === 'signedOut')
    return (
      <Routes>
        <Route path="*" element={<SignInPage reason={state.reason} />} />
      </Routes>
    );
  const person = state.person;
  return (
    <EventStreamProvider>
      <NotificationsProvider>
        <AppLayout>
          <Suspense fallback={loading}>
            <Routes>
              <Route path="/" element={<Navigate to={homePathFor(person)} replace />} />
              {person.agentId && <Route path="/agent/*" element={<AgentDesktop />} />}
              {person.roles.includes('counselor') && (
                <Route path="/counsellor/*" element={<CounsellorWorkspace />} />
              )}
              {person.roles.includes('supervisor') && (
                <Route path="/supervisor/*" element={<SupervisorWallboard />} />
              )}
              {person.roles.includes('scheduler') && person.teamId && (
                <Route path="/scheduler/*" element={<SchedulerWorkspace />} />
              )}
              {person.roles.includes('admin') && (
                <Route path="/admin/*" element={<AdminConsole />} />
              )}
              <Route path="/home" element={<HomePage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route path="/notifications" element={<NotificationsPage />} />
              <Route path="*" element={<Navigate to={homePathFor(person)} replace />} />
            </Routes>
          </Suspense>
        </AppLayout>
      </NotificationsProvider>
    </EventStreamProvider>
  );
}
