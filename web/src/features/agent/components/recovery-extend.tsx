import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import { formatTime } from '../../../lib/format';
import { useAgent } from '../use-agent';

/**
 * During a recovery after a hostile call the agent may take a few more minutes (up to the policy's
 * maximum; audited). Only longer: nothing here can end a recovery early.
 */
export function RecoveryExtend() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone } = useAgent();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const extend = useMutation({
    mutationFn: async (minutes: number) =>
      unwrap(
        await api.POST('/v1/agents/{agentId}/recovery/extend', {
          params: { path: { agentId } },
          body: { minutes },
        }),
      ),
    onSuccess: (r) => {
      setMessage({
        ok: true,
        text: t('state.extend.done', {
          time: r.until ? formatTime(r.until, i18n.language, timeZone) : '',
        }),
      });
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'presence'] });
    },
    onError: (err) => {
      const atMaximum = err instanceof ApiError && err.code === 'ABOVE_RECOVERY_MAXIMUM';
      const limit = atMaximum ? (err.details as { limitMinutes?: number }).limitMinutes : null;
      setMessage({
        ok: false,
        text: limit ? t('state.extend.atMaximum', { limit }) : t('state.extend.other'),
      });
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'presence'] });
    },
  });
  return (
    <Stack gap="xs" data-testid="recovery-extend">
      <Text size="sm">{t('state.extend.prompt')}</Text>
      <Group gap="sm">
        {[5, 10].map((minutes) => (
          <Button
            key={minutes}
            variant="light"
            color="orange"
            loading={extend.isPending && extend.variables === minutes}
            onClick={() => extend.mutate(minutes)}
          >
            {t('state.extend.add', { count: minutes })}
          </Button>
        ))}
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'orange'} role="status">
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}
