import { Group, NativeSelect, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApiKeys, useSites, useTeams } from './admin-data';
import { auditDetails, type AuditDetail } from './audit-details';

const PAGE_SIZE = 50;
/** The actions the service records, in the order an admin looks for them. */
const ACTIONS = [
  'policy.changed',
  'recovery.enforced',
  'recovery.raised',
  'recovery.shortened',
  'recovery.extended',
  'hostile_call.recorded',
  'call.hostile_reported',
  'micro_break.enforced',
  'break.booked',
  'break.cancelled',
  'alert.acknowledged',
  'routing.protected_time_breached',
  'agents.imported',
  'user.created',
  'user.access_changed',
  'user.password_reset',
  'user.password_changed',
  'api_key.issued',
  'api_key.revoked',
  'schedule.published',
  'session_settings.updated',
];

/** Who did what, newest first (never notes or counselling details: the service leaves them out). */
export function AuditLog() {
  const { t, i18n } = useTranslation('admin');
  const [action, setAction] = useState('');
  const [page, setPage] = useState(1);
  const audit = useQuery({
    queryKey: ['audit', action, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/audit', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(action ? { action } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  // People, agents and keys by name: the page's people and agents one by one (a centre has
  // thousands of logins), sites, teams and keys listed.
  const items = audit.data?.items ?? [];
  const userIds = [
    ...new Set([
      ...items.map((a) => a.actor).filter((x) => x !== 'system' && !x.startsWith('api-key:')),
      ...items.filter((a) => a.subjectType === 'user' && a.subjectId).map((a) => a.subjectId!),
    ]),
  ];
  const userNames = useQueries({
    queries: userIds.map((id) => ({
      queryKey: ['audit', 'user-name', id],
      queryFn: async () =>
        unwrap(await api.GET('/v1/users/{id}', { params: { path: { id } } })).displayName,
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const userName = (id: string) => userNames[userIds.indexOf(id)]?.data;
  const actorName = (actor: string) => {
    if (actor === 'system') return t('audit.system');
    if (actor.startsWith('api-key:')) {
      const key = keys.data?.items.find((k) => `api-key:${k.id}` === actor);
      return key ? `${t('audit.routerKey')} ${key.name}` : t('audit.routerKey');
    }
    return userName(actor) ?? actor.slice(0, 8);
  };
  const agentIds = [
    ...new Set(
      items.filter((a) => a.subjectType === 'agent' && a.subjectId).map((a) => a.subjectId!),
    ),
  ];
  const agentNames = useQueries({
    queries: agentIds.map((id) => ({
      queryKey: ['audit', 'agent-name', id],
      queryFn: async () =>
        unwrap(await api.GET('/v1/agents/{agentId}', { params: { path: { agentId: id } } }))
          .displayName,
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const sites = useSites();
  const teams = useTeams();
  const keys = useApiKeys();
  const teamName = (id: string | null) =>
    id
      ? (teams.data?.items.find((x) => x.id === id)?.name ?? id.slice(0, 8))
      : t('audit.detail.noTeam');
  const subjectName = (type: string, id: string | null | undefined): string | undefined => {
    if (!id) return undefined;
    if (type === 'agent') return agentNames[agentIds.indexOf(id)]?.data;
    if (type === 'team') return teams.data?.items.find((x) => x.id === id)?.name;
    if (type === 'site') return sites.data?.items.find((x) => x.id === id)?.name;
    if (type === 'user') return userName(id);
    if (type === 'api_key') return keys.data?.items.find((x) => x.id === id)?.name;
    return undefined;
  };
  const roleNames = (roles: string[]) =>
    roles.length
      ? roles.map((r) => t(`roles.${r}`)).join(i18n.language === 'en' ? ', ' : '、')
      : t('audit.detail.noRoles');
  const describe = (d: AuditDetail): string => {
    switch (d.kind) {
      case 'roles':
        return t('audit.detail.roles', { from: roleNames(d.from), to: roleNames(d.to) });
      case 'grantedRoles':
        return d.teamId
          ? t('audit.detail.grantedRolesInTeam', {
              roles: roleNames(d.roles),
              team: teamName(d.teamId),
            })
          : t('audit.detail.grantedRoles', { roles: roleNames(d.roles) });
      case 'team':
        return t('audit.detail.team', { from: teamName(d.from), to: teamName(d.to) });
      case 'signIn':
        return t(d.allowed ? 'audit.detail.signInAllowed' : 'audit.detail.signInBlocked');
      case 'schedule':
        return t('audit.detail.schedule', {
          count: d.days,
          days: d.days,
          // A calendar date: read and shown in UTC so no zone moves it a day.
          start: formatDate(`${d.startDate}T00:00:00Z`, i18n.language, 'UTC'),
          shifts: d.shifts,
        });
    }
  };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pages = Math.ceil((audit.data?.total ?? 0) / PAGE_SIZE);
  return (
    <Stack>
      <NativeSelect
        label={t('audit.filter')}
        value={action}
        onChange={(e) => {
          setAction(e.currentTarget.value);
          setPage(1);
        }}
        data={[
          { value: '', label: t('audit.everything') },
          ...ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
        ]}
        maw={360}
      />
      {!audit.data?.items.length ? (
        <Text c="dimmed">{t('audit.none')}</Text>
      ) : (
        <Table striped data-testid="audit">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.subject')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.data.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.at, i18n.language, zone)}</Table.Td>
                <Table.Td>{actorName(a.actor)}</Table.Td>
                <Table.Td>
                  {i18n.exists(`admin:audit.actions.${a.action}`)
                    ? t(`audit.actions.${a.action}`)
                    : a.action}
                </Table.Td>
                <Table.Td>
                  {i18n.exists(`admin:audit.subjects.${a.subjectType}`)
                    ? t(`audit.subjects.${a.subjectType}`)
                    : a.subjectType}{' '}
                  {subjectName(a.subjectType, a.subjectId) ?? (
                    <Text span ff="monospace" size="xs" c="dimmed">
                      {a.subjectId?.slice(0, 8)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {auditDetails(a.action, a.details).map((d) => (
                    <Text key={d.kind} size="sm">
                      {describe(d)}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
