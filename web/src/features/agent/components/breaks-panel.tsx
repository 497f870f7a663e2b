import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import { useEvents } from '../../../lib/events/event-stream';
import { formatDateTime } from '../../../lib/format';
import { breakErrorKey, breakRefusal } from '../break-capacity';
import { breakStartOptions, breakStartsInWindows } from '../break-times';
import { useAgent } from '../use-agent';

/** Book, see and cancel my rest breaks; the team's capacity is shown before I book. */
export function BreaksPanel() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone, workplace } = useAgent();
  const queryClient = useQueryClient();
  /** The start I picked; the list decides what is shown when it no longer fits. */
  const [picked, setPicked] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [kind, setKind] = useState<'rest' | 'meal'>('rest');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // When the service takes a break (inside my shifts on a day I work), read again every quarter
  // hour; it covers the next 27 hours, past the last time offered until the next read.
  const windows = useQuery({
    queryKey: ['agent', agentId, 'break-windows'],
    refetchInterval: 15 * 60_000,
    queryFn: async () => {
      const now = Date.now();
      return unwrap(
        await api.GET('/v1/breaks/windows', {
          params: {
            query: {
              from: new Date(now).toISOString(),
              to: new Date(now + 27 * 3_600_000).toISOString(),
            },
          },
        }),
      );
    },
  });
  const ready = workplace.isSuccess && windows.isSuccess;
  // The times are the site's and must lie in the windows, so they wait for both to be known; they
  // move on with the minute, not with every render.
  const minute = Math.floor(Date.now() / 60_000);
  const startOptions = useMemo(
    () =>
      ready
        ? breakStartsInWindows(
            breakStartOptions(new Date(minute * 60_000), timeZone),
            Number(minutes),
            windows.data.windows,
          )
        : [],
    [ready, minute, timeZone, minutes, windows.data],
  );
  // The first time until I pick one, and again while mine does not fit (a longer break, time passing).
  const chosen = startOptions.find((o) => o.value === picked) ?? startOptions[0];
  const time = chosen?.value ?? '';
  const startsIso = chosen?.startsAt.toISOString();

  const capacity = useQuery({
    queryKey: ['agent', agentId, 'break-capacity', startsIso, minutes],
    enabled: !!startsIso && workplace.isSuccess,
    // The cap counts who is signed in. Teammates' changes never reach an agent's stream (their
    // presence is their supervisors'), so the figure is read again each minute; the agent's own
    // signing in or off is an event, and redraws it at once (below).
    refetchInterval: 60_000,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/breaks/capacity', {
          params: { query: { startsAt: startsIso!, minutes: Number(minutes) } },
        }),
      ),
  });
  const breaks = useQuery({
    queryKey: ['agent', agentId, 'breaks', 'upcoming'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/breaks', { params: { query: { from: new Date().toISOString() } } }),
      ),
  });
  useEvents(['presence.changed'], (e) => {
    if (e.data.agentId === agentId)
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'break-capacity'] });
  });
  // A newly published schedule or a trade moves my shifts, and with them the windows.
  useEvents(['schedule.published', 'shift_swap.decided'], () => {
    void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'break-windows'] });
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['agent', agentId] });
  const book = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/breaks', {
          body: { startsAt: startsIso!, minutes: Number(minutes), kind },
        }),
      ),
    onSuccess: (b) => {
      setMessage({
        ok: true,
        text: t('breaks.booked', { time: formatDateTime(b.startsAt, i18n.language, timeZone) }),
      });
      refresh();
    },
    onError: (err) => {
      const key =
        err instanceof ApiError ? breakErrorKey(err.code, err.details) : 'breaks.errors.other';
      setMessage({ ok: false, text: t(key, { defaultValue: t('errors.generic') }) });
      refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/breaks/{id}/cancel', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const c = capacity.data;
  const refusal = c ? breakRefusal(c, Number(minutes)) : null;
  const upcoming = (breaks.data?.breaks ?? []).filter((b) => b.status === 'booked');
  return (
    <Paper withBorder p="md" aria-labelledby="breaks-title">
      <Stack gap="sm">
        <Title id="breaks-title" order={2} size="h4">
          {t('breaks.title')}
        </Title>
        <Group align="end" gap="sm">
          <NativeSelect
            label={t('breaks.start')}
            disabled={startOptions.length === 0}
            value={time}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data={startOptions.map((o) => ({
              value: o.value,
              label: o.tomorrow ? t('breaks.tomorrowAt', { time: o.value }) : o.value,
            }))}
            required
          />
          <NativeSelect
            label={t('breaks.minutes')}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            data={['5', '10', '15', '20', '30'].map((m) => ({
              value: m,
              label: t('breaks.minutesOption', { count: Number(m) }),
            }))}
          />
          <NativeSelect
            label={t('breaks.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'rest' | 'meal')}
            data={[
              { value: 'rest', label: t('breaks.kinds.rest') },
              { value: 'meal', label: t('breaks.kinds.meal') },
            ]}
          />
        </Group>
        {ready && startOptions.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="break-no-time">
            {t('breaks.noTimeInShifts')}
          </Text>
        )}
        {c && startsIso && (
          <Text
            size="sm"
            data-testid="break-capacity"
            c={c.fits ? undefined : 'red'}
            aria-live="polite"
          >
            {t('breaks.capacity', {
              booked: c.alreadyBooked,
              cap: c.cap,
              loggedIn: c.loggedInAgents,
            })}
            {t('sentenceSeparator')}
            {t('breaks.allowance', {
              used: Math.round(c.usedMinutes),
              allowance: c.allowanceMinutes,
            })}
            {refusal && t('sentenceSeparator') + t(`breaks.${refusal}`)}
          </Text>
        )}
        <Group>
          <Button onClick={() => book.mutate()} loading={book.isPending} disabled={!startsIso}>
            {t('breaks.book')}
          </Button>
        </Group>
        {message && (
          <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        )}
        <Title order={3} size="h5">
          {t('breaks.upcoming')}
        </Title>
        {upcoming.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('breaks.none')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {upcoming.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{formatDateTime(b.startsAt, i18n.language, timeZone)}</Table.Td>
                  <Table.Td>{t(`breaks.kinds.${b.kind}`, { defaultValue: b.kind })}</Table.Td>
                  <Table.Td>
                    {Date.parse(b.startsAt) > Date.now() && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => cancel.mutate(b.id)}
                      >
                        {t('breaks.cancel')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
