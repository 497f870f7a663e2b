import './i18n';
import {
  Alert,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { AgentImport } from './agent-import';
import { SessionSettings } from './session-settings';

/** The admin console: agents from CSV, sites and teams, router keys, session timeout, the audit log. */
export default function AdminConsole() {
  const { t } = useTranslation('admin');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs defaultValue="import" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="import">{t('tabs.import')}</Tabs.Tab>
          <Tabs.Tab value="sites">{t('tabs.sites')}</Tabs.Tab>
          <Tabs.Tab value="keys">{t('tabs.keys')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('tabs.sessions')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('tabs.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import" pt="md">
          <AgentImport />
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="md">
          <SitesAndTeams />
        </Tabs.Panel>
        <Tabs.Panel value="keys" pt="md">
          <ApiKeys />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionSettings />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditLog />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function SitesAndTeams() {
  const { t } = useTranslation('admin');
  const sites = useQuery({
    queryKey: ['sites', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/sites', { params: { query: { pageSize: 100 } as never } })),
  });
  const teams = useQuery({
    queryKey: ['teams', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams', { params: { query: { pageSize: 100 } as never } })),
  });
  if (!sites.data?.items.length) return <Text c="dimmed">{t('sites.none')}</Text>;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sites.name')}</Table.Th>
          <Table.Th>{t('sites.timeZone')}</Table.Th>
          <Table.Th>{t('sites.teams')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sites.data.items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.name}</Table.Td>
            <Table.Td>{s.timeZone}</Table.Td>
            <Table.Td>
              {(teams.data?.items ?? [])
                .filter((tm) => tm.siteId === s.id)
                .map((tm) => tm.name)
                .join('、')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ApiKeys() {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: async () => unwrap(await api.GET('/v1/api-keys')),
  });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/api-keys', { body: { name, role: 'router' } })),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const list =
    (
      keys.data as
        { items?: { id: string; name: string; keyPrefix: string; createdAt: string }[] } | undefined
    )?.items ?? (Array.isArray(keys.data) ? keys.data : []);
  return (
    <Stack maw={700}>
      <Group align="flex-end">
        <TextInput
          label={t('keys.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Button
          onClick={() => create.mutate()}
          disabled={name.trim().length < 1}
          loading={create.isPending}
        >
          {t('keys.create')}
        </Button>
      </Group>
      {create.data && (
        <Alert color="yellow" title={t('keys.shownOnce')} role="status">
          <Text size="sm">{t('keys.key')}:</Text>
          <Code block data-testid="new-api-key">
            {create.data.key}
          </Code>
        </Alert>
      )}
      <Title order={3} size="h5">
        {t('keys.list')}
      </Title>
      {list.length === 0 ? (
        <Text c="dimmed">{t('keys.none')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {list.map((k: { id: string; name: string; keyPrefix: string; createdAt: string }) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td ff="monospace">{k.keyPrefix}…</Table.Td>
                <Table.Td>{formatDateTime(k.createdAt, i18n.language, 'Asia/Shanghai')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation('admin');
  const audit = useQuery({
    queryKey: ['audit'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/audit', { params: { query: { pageSize: 100 } as never } })),
  });
  if (!audit.data?.items.length) return <Text c="dimmed">{t('audit.none')}</Text>;
  return (
    <Table striped>
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
            <Table.Td>{formatDateTime(a.at, i18n.language, 'Asia/Shanghai')}</Table.Td>
            <Table.Td ff="monospace">{a.actor.slice(0, 20)}</Table.Td>
            <Table.Td ff="monospace">{a.action}</Table.Td>
            <Table.Td>
              {a.subjectType} {a.subjectId?.slice(0, 8)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
