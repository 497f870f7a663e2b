import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../lib/api/client';
import { formatTime } from '../../lib/format';
import type { AgentRow } from './wallboard-model';

/** Shortening a running recovery: a new total length and a reason (both audited by the service). */
export function ShortenRecoveryModal({
  row,
  teamId,
  timeZone,
  onClose,
}: {
  row: AgentRow | null;
  teamId: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState<number | string>(3);
  const [reason, setReason] = useState('');
  const shorten = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/agents/{agentId}/recovery/shorten', {
          params: { path: { agentId: row!.agentId } },
          body: { totalMinutes: Number(minutes), reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      notifications.show({ message: t('shorten.done'), color: 'green' });
      void queryClient.invalidateQueries({ queryKey: ['team', teamId, 'load'] });
      setReason('');
      onClose();
    },
  });
  const error = shorten.error;
  const message =
    error instanceof ApiError && i18n.exists(`supervisor:shorten.${error.code}`)
      ? t(`shorten.${error.code}`)
      : error
        ? t('shorten.failed', { message: error.message })
        : null;
  return (
    <Modal
      opened={row !== null}
      onClose={() => {
        shorten.reset();
        onClose();
      }}
      title={row ? t('shorten.title', { name: row.displayName }) : ''}
    >
      {row && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            shorten.mutate();
          }}
        >
          <Stack>
            <Text size="sm">
              {t('shorten.explain', { start: formatTime(row.since, i18n.language, timeZone) })}
            </Text>
            <NumberInput
              label={t('shorten.minutes')}
              min={0}
              max={120}
              value={minutes}
              onChange={setMinutes}
              required
            />
            <Textarea
              label={t('shorten.reason')}
              description={t('shorten.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              minLength={3}
              maxLength={500}
              required
            />
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('shorten.cancel')}
              </Button>
              <Button type="submit" loading={shorten.isPending} disabled={reason.trim().length < 3}>
                {t('shorten.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
