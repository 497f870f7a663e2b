import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import { useEvents } from '../../../lib/events/event-stream';
import { formatClock, formatTime } from '../../../lib/format';
import {
  allowedRequests,
  ENFORCED_STATES,
  stateClock,
  type RequestableState,
} from '../presence-rules';
import { useAgent } from '../use-agent';
import { RecoveryExtend } from './recovery-extend';

const STATE_COLORS: Record<string, string> = {
  available: 'teal',
  on_call: 'blue',
  reserved: 'blue',
  wrap_up: 'cyan',
  break: 'grape',
  recovery: 'orange',
  counseling: 'violet',
  not_ready: 'gray',
  offline: 'dark',
};

/** My state, a live timer, and only the buttons the rules allow. */
export function StatePanel() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone } = useAgent();
  const queryClient = useQueryClient();
  const key = ['agent', agentId, 'presence'];
  const presence = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET('/v1/agents/{agentId}/presence', { params: { path: { agentId } } })),
    refetchInterval: 30_000,
  });
  useEvents(['presence.changed', 'call.connected', 'call.ended'], (e) => {
    if (e.data.agentId === agentId) {
      performance.mark('sw-event-received');
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'calls'] });
    }
  });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: async (state: RequestableState) =>
      unwrap(
        await api.PUT('/v1/agents/{agentId}/presence', {
          params: { path: { agentId } },
          body: { state },
        }),
      ),
    onSuccess: (data) => {
      setError(null);
      queryClient.setQueryData(key, data);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'BREAK_ENFORCED') {
        const until = (err.details as { until?: string } | undefined)?.until;
        setError(
          t('state.enforcedUntil', {
            time: until ? formatTime(until, i18n.language, timeZone) : '',
          }),
        );
      } else setError(t('errors.generic'));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const p = presence.data;
  const clock = p ? stateClock(p, now) : null;
  const enforced = p ? ENFORCED_STATES.includes(p.state) : false;
  return (
    <Paper withBorder p="md" aria-labelledby="state-title">
      <Stack gap="sm">
        <Title id="state-title" order={2} size="h4">
          {t('state.title')}
        </Title>
        {p && (
          <>
            <Group gap="sm" align="baseline">
              <Badge size="xl" color={STATE_COLORS[p.state] ?? 'gray'} data-testid="agent-state">
                {t(`state.names.${p.state}`, { defaultValue: p.state })}
              </Badge>
              {p.reason && p.state === 'not_ready' && (
                <Text size="sm" c="dimmed">
                  {t(`state.reasons.${p.reason}`, { defaultValue: p.reason })}
                </Text>
              )}
            </Group>
            {clock && (
              <Text size="xl" fw={700} ff="monospace" aria-live="off" data-testid="state-timer">
                {clock.mode === 'countdown'
                  ? t('state.remaining', { clock: formatClock(clock.seconds) })
                  : t('state.elapsed', { clock: formatClock(clock.seconds) })}
              </Text>
            )}
            {enforced && (
              <Alert color="orange" title={t(`state.enforced.${p.state}.title`)}>
                {t(`state.enforced.${p.state}.body`, {
                  time: p.until ? formatTime(p.until, i18n.language, timeZone) : '',
                })}
              </Alert>
            )}
            {p.state === 'recovery' && <RecoveryExtend />}
            {!enforced && p.next && (
              <Alert
                color="orange"
                title={t(`state.next.${p.next.state}.title`)}
                data-testid="state-next"
              >
                {t(`state.next.${p.next.state}.body`, {
                  time: formatTime(p.next.until, i18n.language, timeZone),
                })}
              </Alert>
            )}
            <Group gap="sm">
              {allowedRequests(p.state, p.next).map((s) => (
                <Button
                  key={s}
                  variant={s === 'available' ? 'filled' : 'default'}
                  loading={change.isPending && change.variables === s}
                  onClick={() => change.mutate(s)}
                >
                  {t(`state.actions.${s}`)}
                </Button>
              ))}
            </Group>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
