import {
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { useAgent } from '../use-agent';

/** A private calendar subscription URL for phones and mail clients; revocable. */
export function CalendarLink() {
  const { t } = useTranslation();
  const { agentId } = useAgent();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const key = ['agent', agentId, 'calendar-feed'];
  const status = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/agents/{agentId}/calendar-feed', { params: { path: { agentId } } }),
      ),
  });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/agents/{agentId}/calendar-feed', { params: { path: { agentId } } }),
      ),
    onSuccess: (d) => {
      setUrl(window.location.origin + d.path);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: async () => {
      const r = await api.DELETE('/v1/agents/{agentId}/calendar-feed', {
        params: { path: { agentId } },
      });
      if (!r.response.ok) throw new Error('revoke');
    },
    onSuccess: () => {
      setUrl(null);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Paper withBorder p="md" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Title id="feed-title" order={2} size="h4">
          {t('feed.title')}
        </Title>
        <Text size="sm">{t('feed.help')}</Text>
        {url && (
          <Group align="end" wrap="nowrap">
            <TextInput
              label={t('feed.url')}
              value={url}
              readOnly
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button onClick={copy}>{copied ? t('feed.copied') : t('feed.copy')}</Button>
              )}
            </CopyButton>
          </Group>
        )}
        {url && <Alert color="yellow">{t('feed.once')}</Alert>}
        <Group>
          <Button variant="light" onClick={() => create.mutate()} loading={create.isPending}>
            {status.data?.active ? t('feed.renew') : t('feed.create')}
          </Button>
          {status.data?.active && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => revoke.mutate()}
              loading={revoke.isPending}
            >
              {t('feed.revoke')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
