import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { usePerson, useSession } from '../lib/auth/session';
import { setLanguage, type Language } from '../lib/i18n';
import { useNotifications } from '../features/notifications/notifications';
import '../features/supervisor/i18n';
import '../features/admin/i18n';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const person = usePerson();
  const { signOut } = useSession();
  const { unread } = useNotifications();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const links = [
    ...(person.agentId ? [{ to: '/agent', label: t('nav.agent') }] : []),
    ...(person.roles.includes('counselor')
      ? [{ to: '/counsellor', label: t('nav.counsellor') }]
      : []),
    ...(person.roles.includes('supervisor')
      ? [{ to: '/supervisor', label: t('supervisor:nav') }]
      : []),
    ...(person.roles.includes('scheduler') && person.teamId
      ? [{ to: '/scheduler', label: t('nav.planner') }]
      : []),
    ...(person.roles.includes('admin') ? [{ to: '/admin', label: t('admin:nav') }] : []),
    ...(!person.agentId &&
    !['counselor', 'supervisor', 'admin'].some((r) => person.roles.includes(r)) &&
    !(person.roles.includes('scheduler') && person.teamId)
      ? [{ to: '/home', label: t('nav.home') }]
      : []),
    { to: '/notifications', label: t('nav.notifications') },
    { to: '/account', label: t('nav.account') },
  ];
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="sw-skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap" gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.menu')}
            />
            <Title order={1} size="h3" visibleFrom="xs">
              Shiftwell
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text fw={600} data-testid="display-name" truncate maw={160}>
              {person.displayName}
            </Text>
            <ActionIcon
              component={Link}
              to="/notifications"
              variant="subtle"
              aria-label={t('nav.notificationsCount', { count: unread })}
              size="lg"
            >
              <svg
                aria-hidden
                width="20"
                height="20"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              {unread > 0 && (
                <Badge
                  size="xs"
                  color="red"
                  circle
                  style={{ position: 'absolute', top: 0, right: 0 }}
                >
                  {unread}
                </Badge>
              )}
            </ActionIcon>
            <SegmentedControl
              size="xs"
              visibleFrom="xs"
              aria-label={t('nav.language')}
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              onChange={(v) => setLanguage(v as Language)}
              data={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Button variant="light" size="xs" visibleFrom="xs" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <VisuallyHidden>
          <h2>{t('nav.main')}</h2>
        </VisuallyHidden>
        {links.map((l) => (
          <NavLink
            key={l.to}
            component={Link}
            to={l.to}
            label={l.label}
            active={location.pathname.startsWith(l.to)}
            onClick={close}
          />
        ))}
        {/* On a phone the header has no room for it. */}
        <NavLink
          hiddenFrom="xs"
          component="button"
          label={t('nav.signOut')}
          onClick={() => void signOut()}
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
