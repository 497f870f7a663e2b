import { Group, NativeSelect, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useSites, useTeams } from './admin-data';

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
  // Actors are user ids: the names of the people the admin can see.
  const users = useQuery({
    queryKey: ['users', 'names'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/users', { params: { query: { pageSize: 200 } } })),
  });
  const actorName = (actor: string) => {
    if (actor === 'system') return t('audit.system');
    if (actor.startsWith('api-key:')) return t('audit.routerKey');
    return users.data?.items.find((u) => u.id === actor)?.displayName ?? actor.slice(0, 8);
  };
  // Subjects by name: the page's agents one by one (a centre has thousands), sites and teams listed.
  const items = audit.data?.items ?? [];
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
  const subjectName = (type: string, id: string | null | undefined): string | undefined => {
    if (!id) return undefined;
    if (type === 'agent') return agentNames[agentIds.indexOf(id)]?.data;
    if (type === 'team') return teams.data?.items.find((x) => x.id === id)?.name;
    if (type === 'site') return sites.data?.items.find((x) => x.id === id)?.name;
    return undefined;
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
