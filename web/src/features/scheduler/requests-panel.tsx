import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialectName } from '../../lib/i18n/tag-names';
import { api, ApiError, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { formatDateTime, formatTime } from '../../lib/format';
import { formatLeave } from '../../lib/leave-range';
import { openShiftRefusalKey } from './open-shift-form';
import { OpenShiftPost } from './open-shift-post';
import { useTeamSchedules, type Agent } from './use-planner';

type TimeOff = components['schemas']['TimeOffDto'];
type Effect = components['schemas']['TimeOffDecisionEffectDto'];
type Repair = components['schemas']['RepairResultDto'];
type OpenShift = components['schemas']['OpenShiftDto'];

/**
 * What waits for the scheduler: time-off requests (with what approving would cost), trades two
 * agents agreed, shifts on the open-shift board; then repair of the published schedule.
 */
export function RequestsPanel({
  teamId,
  agents,
  timeZone,
  scheduleId,
}: {
  teamId: string;
  agents: Agent[];
  timeZone: string;
  scheduleId: string | null;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const dialectName = useDialectName();
  const queryClient = useQueryClient();
  const name = (id: string | null | undefined) =>
    (id && agents.find((a) => a.id === id)?.displayName) || (id ?? '').slice(0, 8);
  const refresh = () => {
    for (const key of ['time-off', 'swaps', 'open-shifts', 'schedule', 'schedules'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
  const timeOff = useQuery({
    queryKey: ['time-off', teamId, 'pending'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/time-off', {
          params: { query: { status: 'pending', pageSize: 100 } as never },
        }),
      ),
  });
  const swaps = useQuery({
    queryKey: ['swaps', teamId, 'accepted'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/shift-swaps', {
          params: { query: { status: 'accepted', pageSize: 100 } as never },
        }),
      ),
  });
  const open = useQuery({
    queryKey: ['open-shifts', teamId],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/open-shifts', {
          params: { query: { teamId, status: 'open', pageSize: 100 } as never },
        }),
      ),
  });
  const [decided, setDecided] = useState<Array<{ request: TimeOff; effect?: Effect }>>([]);
  const [denyReason, setDenyReason] = useState('');
  const decide = useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) =>
      approve
        ? unwrap(await api.POST('/v1/time-off/{id}/approve', { params: { path: { id } } }))
        : unwrap(
            await api.POST('/v1/time-off/{id}/deny', {
              params: { path: { id } },
              body: denyReason ? { reason: denyReason } : {},
            }),
          ),
    onSuccess: (r) => {
      const withEffect = r as TimeOff & Partial<Effect>;
      setDecided((d) => [
        {
          request: r,
          effect: withEffect.removedShifts
            ? {
                removedShifts: withEffect.removedShifts,
                coverageEffect: withEffect.coverageEffect ?? [],
              }
            : undefined,
        },
        ...d,
      ]);
      setDenyReason('');
      refresh();
    },
    // Withdrawn by the agent or decided by another scheduler meanwhile: said below, list refreshed.
    onError: refresh,
  });
  const decideRefusal =
    decide.error instanceof ApiError && decide.error.code === 'ALREADY_DECIDED'
      ? (decide.error.details as { status?: string } | undefined)?.status === 'withdrawn'
        ? t('requests.alreadyWithdrawn')
        : t('requests.alreadyDecided')
      : decide.error
        ? t('failed', { message: decide.error.message })
        : null;
  const trade = useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) =>
      approve
        ? unwrap(await api.POST('/v1/shift-swaps/{id}/approve', { params: { path: { id } } }))
        : unwrap(await api.POST('/v1/shift-swaps/{id}/reject', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  // Posting goes to the schedule picked on the Schedule tab (its first one when none is picked).
  const schedules = useTeamSchedules(teamId);
  const selected = scheduleId ?? schedules.data?.items[0]?.id ?? null;
  const cancel = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/open-shifts/{id}/cancel', { params: { path: { id } } })),
    onSuccess: refresh,
    onError: refresh,
  });
  const [assignTo, setAssignTo] = useState<Record<string, string>>({});
  const assign = useMutation({
    mutationFn: async ({ id, agentId }: { id: string; agentId: string }) =>
      unwrap(
        await api.POST('/v1/open-shifts/{id}/claim', {
          params: { path: { id } },
          body: { agentId },
        }),
      ),
    onSuccess: refresh,
  });
  // Repair goes over every schedule with an open shift (and the one picked, when published).
  const toRepair = [
    ...new Set([
      ...(open.data?.items ?? []).map((o) => o.scheduleId),
      ...(scheduleId ? [scheduleId] : []),
    ]),
  ];
  const repair = useMutation({
    mutationFn: async (ids: string[]): Promise<Repair[]> => {
      const out: Repair[] = [];
      for (const id of ids) {
        const r = await api.POST('/v1/schedules/{id}/repair', { params: { path: { id } } });
        // A schedule that is not published has nothing to repair.
        if (r.response.status === 409 && ids.length > 1) continue;
        out.push(unwrap(r));
      }
      return out;
    },
    onSuccess: refresh,
  });
  const repaired = repair.data && {
    filled: repair.data.flatMap((r) => r.filled),
    unfilled: repair.data.reduce((n, r) => n + r.unfilled.length, 0),
    kept: repair.data.reduce((n, r) => n + r.keptShifts, 0),
    before: repair.data.reduce((n, r) => n + r.shortfallBefore.total.shortAgentIntervals, 0),
    after: repair.data.reduce((n, r) => n + r.shortfallAfter.total.shortAgentIntervals, 0),
  };
  const error = decide.error ?? trade.error ?? assign.error ?? repair.error;
  const times = (from: string, to: string) =>
    `${formatDateTime(from, i18n.language, timeZone)}–${formatTime(to, i18n.language, timeZone)}`;
  return (
    <Stack>
      {error && (
        <Alert color="red" role="alert">
          {t('failed', { message: error.message })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          {t('requests.timeOff')}
        </Title>
        {(timeOff.data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed">{t('requests.noTimeOff')}</Text>
        ) : (
          <Stack>
            <TextInput
              label={t('requests.denyReason')}
              value={denyReason}
              onChange={(e) => setDenyReason(e.currentTarget.value)}
              maw={420}
            />
            {timeOff.data!.items.map((r) => (
              <TimeOffRow
                key={r.id}
                request={r}
                who={name(r.agentId)}
                span={formatLeave(r.startsAt, r.endsAt, i18n.language, timeZone)}
                busy={decide.isPending}
                onDecide={(approve) => decide.mutate({ id: r.id, approve })}
                timeZone={timeZone}
              />
            ))}
          </Stack>
        )}
        {decideRefusal && (
          <Alert color="orange" mt="md" data-testid="time-off-refused">
            {decideRefusal}
          </Alert>
        )}
        {decided.length > 0 && (
          <Stack gap={4} mt="md" data-testid="time-off-decided">
            {decided.map(({ request, effect }) => (
              <Text key={request.id} size="sm">
                {t(`requests.decided.${request.status}`, {
                  who: name(request.agentId),
                  span: formatLeave(request.startsAt, request.endsAt, i18n.language, timeZone),
                })}
                {effect &&
                  t('sentenceSeparator', { ns: 'translation' }) +
                    t('requests.effect', {
                      shifts: effect.removedShifts.length,
                      rows: effect.coverageEffect.length,
                    })}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          {t('requests.trades')}
        </Title>
        {(swaps.data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed">{t('requests.noTrades')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.gives')}</Table.Th>
                <Table.Th>{t('requests.takes')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {swaps.data!.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {name(s.offeredBy)}: {times(s.startsAt, s.endsAt)}
                  </Table.Td>
                  <Table.Td>
                    {name((s.acceptedBy ?? s.counterAgentId) as string | null)}
                    {s.counterStartsAt && s.counterEndsAt
                      ? `: ${times(s.counterStartsAt, s.counterEndsAt)}`
                      : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        color="green"
                        onClick={() => trade.mutate({ id: s.id, approve: true })}
                      >
                        {t('requests.approve')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => trade.mutate({ id: s.id, approve: false })}
                      >
                        {t('requests.reject')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">
            {t('requests.openShifts')}
          </Title>
          {toRepair.length > 0 && (
            <Button
              variant="light"
              loading={repair.isPending}
              onClick={() => repair.mutate(toRepair)}
            >
              {t('requests.repair')}
            </Button>
          )}
        </Group>
        <OpenShiftPost
          scheduleId={selected}
          agents={agents}
          timeZone={timeZone}
          onPosted={refresh}
        />
        {cancel.error && (
          <Alert color="red" role="alert" mt="sm">
            {t(openShiftRefusalKey(cancel.error instanceof ApiError ? cancel.error.code : ''), {
              message: cancel.error.message,
            })}
          </Alert>
        )}
        {cancel.isSuccess && (
          <Alert color="green" role="status" mt="sm">
            {t('openShifts.cancelled', { when: times(cancel.data.startsAt, cancel.data.endsAt) })}
          </Alert>
        )}
        {(open.data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed">{t('requests.noOpenShifts')}</Text>
        ) : (
          <Table striped mt="sm" data-testid="open-shifts">
            <Table.Tbody>
              {open.data!.items.map((o: OpenShift) => (
                <Table.Tr key={o.id} data-testid={`open-shift-${o.id}`}>
                  <Table.Td>{times(o.startsAt, o.endsAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`requests.origin.${o.origin}`)}</Badge>{' '}
                    {o.requiredDialects.map((d) => dialectName(d)).join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <NativeSelect
                        aria-label={t('requests.assignTo')}
                        size="xs"
                        value={assignTo[o.id] ?? ''}
                        onChange={(e) =>
                          setAssignTo((m) => ({ ...m, [o.id]: e.currentTarget.value }))
                        }
                        data={[
                          { value: '', label: t('requests.pickAgent') },
                          ...agents.map((a) => ({ value: a.id, label: a.displayName })),
                        ]}
                      />
                      <Button
                        size="xs"
                        disabled={!assignTo[o.id]}
                        onClick={() => assign.mutate({ id: o.id, agentId: assignTo[o.id] })}
                      >
                        {t('requests.assign')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        loading={cancel.isPending && cancel.variables === o.id}
                        onClick={() => cancel.mutate(o.id)}
                      >
                        {t('openShifts.cancel')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {repaired && (
          <Alert color="blue" mt="sm" data-testid="repair-result">
            <Text size="sm">
              {t('requests.repaired', { ...repaired, filled: repaired.filled.length })}
            </Text>
            {repaired.filled.length > 0 && (
              <List size="sm">
                {repaired.filled.map((f) => (
                  <List.Item key={f.openShiftId}>
                    {name(f.agentId)}: {times(f.startsAt, f.endsAt)}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}

function TimeOffRow({
  request,
  who,
  span,
  busy,
  onDecide,
  timeZone,
}: {
  request: TimeOff;
  who: string;
  span: string;
  busy: boolean;
  onDecide: (approve: boolean) => void;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const [show, setShow] = useState(false);
  const effect = useQuery({
    queryKey: ['time-off', request.id, 'effect'],
    enabled: show,
    queryFn: async () =>
      unwrap(await api.GET('/v1/time-off/{id}/effect', { params: { path: { id: request.id } } })),
  });
  return (
    <Paper withBorder p="sm" data-testid={`time-off-${request.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>
            {who} · {t(`requests.kind.${request.kind}`, { defaultValue: request.kind })}
          </Text>
          <Text size="sm">{span}</Text>
          {!!request.reason && (
            <Text size="sm" c="dimmed">
              {request.reason as unknown as string}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => setShow((v) => !v)}>
            {t('requests.showEffect')}
          </Button>
          <Button size="xs" color="green" disabled={busy} onClick={() => onDecide(true)}>
            {t('requests.approve')}
          </Button>
          <Button size="xs" variant="default" disabled={busy} onClick={() => onDecide(false)}>
            {t('requests.deny')}
          </Button>
        </Group>
      </Group>
      {show && effect.data && (
        <Text size="sm" mt="xs" data-testid="time-off-effect">
          {effect.data.removedShifts.length === 0
            ? t('requests.noEffect')
            : t('requests.wouldRemove', {
                count: effect.data.removedShifts.length,
                shifts: effect.data.removedShifts
                  .map(
                    (s) =>
                      `${formatDateTime(s.startsAt, i18n.language, timeZone)}–${formatTime(s.endsAt, i18n.language, timeZone)}`,
                  )
                  .join(', '),
                rows: effect.data.coverageEffect.length,
              })}
        </Text>
      )}
    </Paper>
  );
}
