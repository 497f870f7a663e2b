import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useApiKeys } from './admin-data';
import { ApiErrorAlert } from './api-error-alert';

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The telephony router's keys: created (the key shown once), listed by prefix, revoked. */
export function ApiKeys() {
  const { t, i18n } = useTranslation('admin');
  const client = useQueryClient();
  const [name, setName] = useState('');
  const keys = useApiKeys();
  const create = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/api-keys', { body: { name: name.trim(), role: 'router' } })),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const list = keys.data?.items ?? [];
  return (
    <Stack maw={900}>
      <Text size="sm">{t('keys.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('keys.name')}
            description={t('keys.nameHelp')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={100}
          />
          <Button type="submit" disabled={!name.trim()} loading={create.isPending}>
            {t('keys.create')}
          </Button>
        </Group>
      </form>
      <ApiErrorAlert error={create.error ?? revoke.error} />
      {create.data && (
        <Alert color="yellow" title={t('keys.shownOnce')} role="status">
          <Text size="sm">{t('keys.key', { name: create.data.name })}</Text>
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
        <Table striped data-testid="api-keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('keys.name')}</Table.Th>
              <Table.Th>{t('keys.prefix')}</Table.Th>
              <Table.Th>{t('keys.created')}</Table.Th>
              <Table.Th>{t('keys.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td ff="monospace">{k.keyPrefix}…</Table.Td>
                <Table.Td>{formatDateTime(k.createdAt, i18n.language, zone())}</Table.Td>
                <Table.Td>
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt, i18n.language, zone()) : '—'}
                </Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray">
                      {t('keys.revokedAt', {
                        at: formatDateTime(k.revokedAt, i18n.language, zone()),
                      })}
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      aria-label={t('keys.revokeNamed', { name: k.name })}
                      loading={revoke.isPending && revoke.variables === k.id}
                      onClick={() => {
                        if (window.confirm(t('keys.revokeConfirm', { name: k.name })))
                          revoke.mutate(k.id);
                      }}
                    >
                      {t('keys.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
