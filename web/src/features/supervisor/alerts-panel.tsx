import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { useEvents } from '../../lib/events/event-stream';
import { formatTime } from '../../lib/format';
import { latestPerAgentAndKind } from './alerts-model';

interface StrandedAlert {
  id: string;
  agentId: string;
  minutes: number;
  at: string;
}

/** Open alerts of the team, newest first, to acknowledge; stranded calls arrive on the stream. */
export const AlertsPanel = memo(function AlertsPanel({
  teamId,
  timeZone,
  names,
}: {
  teamId: string;
  timeZone: string;
  /** Agent names by id (`displayNames`): unchanged while only presence changes. */
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: ['alerts', teamId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/wellbeing/alerts', { params: { query: { teamId } } })).alerts,
    refetchInterval: 5_000,
  });
  const [stranded, setStranded] = useState<StrandedAlert[]>([]);
  useEvents(['alert.stranded_call'], (e) => {
    const d = e.data as { agentId?: string; minutesWithoutEvent?: number; at?: string };
    if (!d.agentId) return;
    setStranded((s) => [
      {
        id: e.id,
        agentId: d.agentId!,
        minutes: d.minutesWithoutEvent ?? 0,
        at: d.at ?? new Date().toISOString(),
      },
      ...s,
    ]);
  });
  const ack = useMutation({
    mutationFn: async (ids: string[]) =>
      Promise.all(
        ids.map(async (id) =>
          unwrap(await api.POST('/v1/wellbeing/alerts/{id}/ack', { params: { path: { id } } })),
        ),
      ),
    onSuccess: () => {
      notifications.show({ message: t('alerts.acked'), color: 'green' });
      void queryClient.invalidateQueries({ queryKey: ['alerts', teamId] });
    },
  });
  const name = (agentId: string) => names.get(agentId) ?? '…';
  const open = [
    ...stranded.map((s) => ({
      id: s.id,
      agentId: s.agentId,
      ids: [s.id],
      text: t('alerts.kind.stranded_call', { name: name(s.agentId), minutes: s.minutes }),
      at: s.at,
      local: true,
    })),
    ...latestPerAgentAndKind(alerts.data ?? []).map(({ latest: a, ids }) => ({
      id: a.id,
      ids,
      agentId: a.agentId,
      text: t(`alerts.kind.${a.kind}`, {
        name: name(a.agentId),
        count: Number(a.details.hostileCallsInShift ?? a.details.hostileCallsInWindow ?? 0),
      }),
      at: a.createdAt,
      local: false,
    })),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="alerts-title">
      <Title order={2} size="h4" id="alerts-title" mb="sm">
        {t('alerts.title')}
      </Title>
      <Stack gap="xs" data-testid="alerts">
        {open.length === 0 && <Text c="dimmed">{t('alerts.none')}</Text>}
        {open.map((a) => (
          <Alert key={a.id} color="orange" variant="light" role="status">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {/* The words wrap; the button keeps its width (it was squeezed past the edge). */}
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {a.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('alerts.at', { time: formatTime(a.at, i18n.language, timeZone) })}
                </Text>
              </div>
              <Button
                size="compact-xs"
                variant="white"
                style={{ flexShrink: 0 }}
                aria-label={t('alerts.ackFor', { name: name(a.agentId) })}
                loading={ack.isPending && ack.variables === a.ids}
                onClick={() =>
                  a.local ? setStranded((s) => s.filter((x) => x.id !== a.id)) : ack.mutate(a.ids)
                }
              >
                {t('alerts.ack')}
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
});
