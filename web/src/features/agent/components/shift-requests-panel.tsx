import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockTimeInput } from '../../../components/clock-time-input';
import { DayInput } from '../../../components/day-input';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import { useEvents } from '../../../lib/events/event-stream';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format';
import { useDialectName } from '../../../lib/i18n/tag-names';
import { formatLeave } from '../../../lib/leave-range';
import {
  colleagueShiftsByDay,
  mySwapsByShift,
  pickupsFor,
  shiftRefusalKey,
  timeOffSpan,
  type Pickup,
} from '../shift-requests';
import { useAgent } from '../use-agent';
import { useComingShifts } from '../use-coming-shifts';

type Message = { ok: boolean; text: string } | null;

/** "Mon, Dec 7, 09:00–17:00" in the page's language and the site's zone. */
function useSpan() {
  const { i18n } = useTranslation();
  const { timeZone } = useAgent();
  return (startsAt: string, endsAt: string) =>
    `${formatDateTime(startsAt, i18n.language, timeZone)}–${formatTime(endsAt, i18n.language, timeZone)}`;
}

/** A refused request in the agent's words: the labour rule it would break, or what happened. */
function useRefusal() {
  const { t } = useTranslation();
  return (err: unknown) => {
    const key =
      err instanceof ApiError
        ? shiftRefusalKey(err.code, err.details)
        : 'shiftRequests.errors.other';
    const text = t(key, { defaultValue: t('shiftRequests.errors.other') });
    return key.startsWith('shiftRequests.rules.')
      ? t('shiftRequests.refusedBecause', { reason: text })
      : text;
  };
}

/** One of the panel's cards: its title and a line on what it is for, then its content. */
function RequestCard({
  section,
  children,
}: {
  section: 'pickups' | 'team' | 'mine' | 'timeOff';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `shift-requests-${section}`;
  return (
    <Paper withBorder p="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title id={id} order={2} size="h4">
          {t(`shiftRequests.${section}.title`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`shiftRequests.${section}.hint`)}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** What became of the last thing asked: done (green) or refused and why (red). */
function Outcome({ message, testId }: { message: Message; testId: string }) {
  if (!message) return null;
  return (
    <Alert color={message.ok ? 'teal' : 'red'} role="status" data-testid={testId}>
      {message.text}
    </Alert>
  );
}

/** The team's swaps still in play (open, proposed, agreed), read by status so old ones never crowd them out. */
function useLiveSwaps(agentId: string) {
  return useQuery({
    queryKey: ['agent', agentId, 'swaps'],
    refetchInterval: 60_000,
    queryFn: async () => {
      const pages = await Promise.all(
        (['open', 'proposed', 'accepted'] as const).map(async (status) =>
          unwrap(
            await api.GET('/v1/shift-swaps', { params: { query: { status, pageSize: 200 } } }),
          ),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
  });
}

/** Open shifts of my team and colleagues' give-aways I may take; trades put to me, to agree or decline. */
function Pickups() {
  const { t } = useTranslation();
  const { agentId } = useAgent();
  const span = useSpan();
  const refusal = useRefusal();
  const dialectName = useDialectName();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [asking, setAsking] = useState<Pickup | null>(null);
  const [trading, setTrading] = useState<Extract<Pickup, { kind: 'offer' }> | null>(null);
  const openShifts = useQuery({
    queryKey: ['agent', agentId, 'open-shifts'],
    refetchInterval: 60_000,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/open-shifts', { params: { query: { status: 'open', pageSize: 200 } } }),
      ),
  });
  const swaps = useLiveSwaps(agentId);
  const list = pickupsFor(agentId, openShifts.data?.items ?? [], swaps.data ?? [], new Date());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['agent', agentId] });
  const act = useMutation({
    mutationFn: async ({ pickup, agree }: { pickup: Pickup; agree: boolean }) => {
      const path = { params: { path: { id: pickup.id } } };
      if (pickup.kind === 'open')
        return unwrap(await api.POST('/v1/open-shifts/{id}/claim', { ...path, body: {} }));
      if (!agree) return unwrap(await api.POST('/v1/shift-swaps/{id}/reject', path));
      return unwrap(await api.POST('/v1/shift-swaps/{id}/accept', { ...path, body: {} }));
    },
    onSuccess: (_r, { pickup, agree }) => {
      setMessage({
        ok: true,
        text: t(
          pickup.kind !== 'trade'
            ? 'shiftRequests.pickups.taken'
            : agree
              ? 'shiftRequests.pickups.agreed'
              : 'shiftRequests.pickups.declined',
        ),
      });
      refresh();
    },
    onError: (err) => {
      setMessage({ ok: false, text: refusal(err) });
      refresh();
    },
  });
  const confirm = () => {
    if (asking) act.mutate({ pickup: asking, agree: true });
    setAsking(null);
  };
  return (
    <RequestCard section="pickups">
      <Outcome message={message} testId="pickups-message" />
      {list.length === 0 && openShifts.isSuccess && swaps.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('shiftRequests.pickups.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {list.map((p) => (
            <Group
              key={`${p.kind}-${p.id}`}
              justify="space-between"
              wrap="nowrap"
              data-testid="pickup"
            >
              <div>
                <Text size="sm" fw={600}>
                  {span(p.startsAt, p.endsAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`shiftRequests.pickups.kinds.${p.kind}`)}
                  {p.kind === 'trade' &&
                    ` · ${t('shiftRequests.pickups.tradeFor', { when: span(p.mineStartsAt, p.mineEndsAt) })}`}
                  {p.dialects.length > 0 &&
                    ` · ${t('shiftRequests.pickups.dialects', { dialects: p.dialects.map(dialectName).join('、') })}`}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                {p.kind === 'trade' && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={act.isPending}
                    onClick={() => act.mutate({ pickup: p, agree: false })}
                  >
                    {t('shiftRequests.pickups.decline')}
                  </Button>
                )}
                {p.kind === 'offer' && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setTrading(p)}
                    disabled={act.isPending}
                  >
                    {t('shiftRequests.pickups.trade')}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setAsking(p)}
                  disabled={act.isPending}
                >
                  {t(
                    p.kind === 'trade'
                      ? 'shiftRequests.pickups.agree'
                      : 'shiftRequests.pickups.take',
                  )}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Modal
        opened={!!asking}
        onClose={() => setAsking(null)}
        title={t('shiftRequests.pickups.confirmTitle')}
      >
        {asking && (
          <Stack>
            <Text size="sm">
              {asking.kind === 'trade'
                ? t('shiftRequests.pickups.confirmTrade', {
                    mine: span(asking.mineStartsAt, asking.mineEndsAt),
                    theirs: span(asking.startsAt, asking.endsAt),
                  })
                : t('shiftRequests.pickups.confirmBody', {
                    when: span(asking.startsAt, asking.endsAt),
                  })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('shiftRequests.pickups.back')}
              </Button>
              <Button onClick={confirm}>{t('shiftRequests.pickups.confirm')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <TradeDialog
        target={trading}
        onClose={() => setTrading(null)}
        onDone={(m) => {
          setMessage(m);
          refresh();
        }}
      />
    </RequestCard>
  );
}

/** A colleague's shift I would like: one they gave away, or any of theirs on the team's roster. */
type TradeTarget = { shiftId: string; startsAt: string; endsAt: string };

/**
 * Asking a colleague for their shift in exchange for one of mine: they agree or decline, then a
 * scheduler approves. My shifts already in a swap are not offered.
 */
function TradeDialog({
  target,
  onClose,
  onDone,
}: {
  target: TradeTarget | null;
  onClose: () => void;
  onDone: (m: Message) => void;
}) {
  const { t } = useTranslation();
  const { agentId } = useAgent();
  const span = useSpan();
  const refusal = useRefusal();
  const { coming } = useComingShifts(agentId);
  const swaps = useLiveSwaps(agentId);
  const inSwap = mySwapsByShift(agentId, swaps.data ?? []);
  const choices = coming.filter((s) => !inSwap.has(s.id));
  const [choice, setChoice] = useState<string | null>(null);
  const propose = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/shift-swaps', {
          body: { shiftId: choice!, counterShiftId: target!.shiftId },
        }),
      ),
    onSuccess: () => onDone({ ok: true, text: t('shiftRequests.pickups.proposed') }),
    onError: (err) => onDone({ ok: false, text: refusal(err) }),
    onSettled: () => {
      setChoice(null);
      onClose();
    },
  });
  return (
    <Modal opened={!!target} onClose={onClose} title={t('shiftRequests.pickups.tradeTitle')}>
      {target && (
        <Stack>
          <Text size="sm">
            {t('shiftRequests.pickups.tradeBody', { when: span(target.startsAt, target.endsAt) })}
          </Text>
          {choices.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('shiftRequests.pickups.tradeNone')}
            </Text>
          ) : (
            <Radio.Group value={choice} onChange={setChoice}>
              <Stack gap="xs">
                {choices.map((s) => (
                  <Radio key={s.id} value={s.id} label={span(s.startsAt, s.endsAt)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('shiftRequests.pickups.back')}
            </Button>
            <Button disabled={!choice} loading={propose.isPending} onClick={() => propose.mutate()}>
              {t('shiftRequests.pickups.propose')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * My team's coming shifts, a day at a time: any colleague's shift can be asked for in a trade (not
 * only those given away). Names and times only, as the roster gives them.
 */
function TeamShifts() {
  const { t, i18n } = useTranslation();
  const { agentId, person, timeZone } = useAgent();
  const span = useSpan();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [target, setTarget] = useState<TradeTarget | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const teamId = person.teamId;
  const roster = useQuery({
    queryKey: ['agent', agentId, 'roster'],
    enabled: !!teamId,
    refetchInterval: 5 * 60_000,
    queryFn: async () => {
      const from = new Date();
      return unwrap(
        await api.GET('/v1/teams/{teamId}/roster', {
          params: {
            path: { teamId: teamId! },
            query: {
              from: from.toISOString(),
              to: new Date(from.getTime() + 28 * 86_400_000).toISOString(),
            },
          },
        }),
      );
    },
  });
  const swaps = useLiveSwaps(agentId);
  const byDay = colleagueShiftsByDay(
    agentId,
    roster.data?.shifts ?? [],
    swaps.data ?? [],
    new Date(),
    timeZone,
  );
  const days = [...byDay.keys()];
  const shown = day && byDay.has(day) ? day : (days[0] ?? null);
  if (!teamId) return null;
  return (
    <RequestCard section="team">
      <Outcome message={message} testId="team-shifts-message" />
      {days.length === 0 && roster.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('shiftRequests.team.empty')}
        </Text>
      ) : (
        <>
          <Select
            label={t('shiftRequests.team.day')}
            data={days.map((d) => ({
              value: d,
              label: `${formatDay(byDay.get(d)![0].startsAt, i18n.language, timeZone)} · ${t(
                'shiftRequests.team.count',
                { count: byDay.get(d)!.length },
              )}`,
            }))}
            value={shown}
            onChange={setDay}
            allowDeselect={false}
            maw={320}
          />
          <Stack gap="xs">
            {(shown ? (byDay.get(shown) ?? []) : []).map((s) => (
              <Group key={s.shiftId} justify="space-between" wrap="nowrap" data-testid="team-shift">
                <div>
                  <Text size="sm" fw={600}>
                    {s.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {`${formatTime(s.startsAt, i18n.language, timeZone)}–${formatTime(s.endsAt, i18n.language, timeZone)}`}
                  </Text>
                </div>
                {s.asked ? (
                  <Badge variant="light" color="gray">
                    {t('shiftRequests.team.asked')}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setTarget(s)}
                    aria-label={t('shiftRequests.team.askFor', {
                      name: s.displayName,
                      when: span(s.startsAt, s.endsAt),
                    })}
                  >
                    {t('shiftRequests.team.ask')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </>
      )}
      <TradeDialog
        target={target}
        onClose={() => setTarget(null)}
        onDone={(m) => {
          setMessage(m);
          void queryClient.invalidateQueries({ queryKey: ['agent', agentId] });
        }}
      />
    </RequestCard>
  );
}

/** My published shifts of the next four weeks: offer one to colleagues, or take an offer back. */
function MyShifts() {
  const { t } = useTranslation();
  const { agentId } = useAgent();
  const span = useSpan();
  const refusal = useRefusal();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const shifts = useComingShifts(agentId);
  const swaps = useLiveSwaps(agentId);
  const mine = mySwapsByShift(agentId, swaps.data ?? []);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['agent', agentId] });
  const change = useMutation({
    mutationFn: async (a: { offer: string } | { withdraw: string }) =>
      'offer' in a
        ? unwrap(await api.POST('/v1/shift-swaps', { body: { shiftId: a.offer } }))
        : unwrap(
            await api.POST('/v1/shift-swaps/{id}/cancel', { params: { path: { id: a.withdraw } } }),
          ),
    onSuccess: (_r, a) => {
      setMessage({
        ok: true,
        text: t('offer' in a ? 'shiftRequests.mine.offered' : 'shiftRequests.mine.withdrawn'),
      });
      refresh();
    },
    onError: (err) => {
      setMessage({ ok: false, text: refusal(err) });
      refresh();
    },
  });
  const { coming, loaded } = shifts;
  return (
    <RequestCard section="mine">
      <Outcome message={message} testId="my-shifts-message" />
      {coming.length === 0 && loaded ? (
        <Text size="sm" c="dimmed">
          {t('shiftRequests.mine.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {coming.map((s) => {
            const swap = mine.get(s.id);
            return (
              <Group key={s.id} justify="space-between" wrap="nowrap" data-testid="my-shift">
                <div>
                  <Text size="sm" fw={600}>
                    {span(s.startsAt, s.endsAt)}
                  </Text>
                  {swap && (
                    <Badge variant="light" color={swap.status === 'accepted' ? 'teal' : 'yellow'}>
                      {t(`shiftRequests.mine.status.${swap.status}`)}
                    </Badge>
                  )}
                </div>
                {!swap ? (
                  <Button
                    size="xs"
                    variant="light"
                    disabled={change.isPending || !swaps.isSuccess}
                    onClick={() => change.mutate({ offer: s.id })}
                  >
                    {t('shiftRequests.mine.giveAway')}
                  </Button>
                ) : (
                  <Button
                    size="xs"
                    variant="default"
                    disabled={change.isPending}
                    onClick={() => change.mutate({ withdraw: swap.swapId })}
                  >
                    {t('shiftRequests.mine.withdraw')}
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </RequestCard>
  );
}

const STATUS_COLOURS: Record<string, string> = {
  pending: 'yellow',
  approved: 'teal',
  denied: 'red',
};

/** Ask for time off (a scheduler decides), and see what became of earlier requests. */
function TimeOff() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone, workplace } = useAgent();
  const refusal = useRefusal();
  const queryClient = useQueryClient();
  const rangeText = (startsAt: string, endsAt: string) =>
    formatLeave(startsAt, endsAt, i18n.language, timeZone);
  const [firstDay, setFirstDay] = useState('');
  const [from, setFrom] = useState('00:00');
  const [lastDay, setLastDay] = useState('');
  const [until, setUntil] = useState('24:00');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const requests = useQuery({
    queryKey: ['agent', agentId, 'time-off'],
    refetchInterval: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/v1/time-off', { params: { query: { agentId, pageSize: 200 } } })),
  });
  const last = lastDay || firstDay;
  const spanOf = timeOffSpan({ day: firstDay, time: from }, { day: last, time: until }, timeZone);
  const filled = !!firstDay && /^\d{2}:\d{2}$/.test(from) && /^\d{2}:\d{2}$/.test(until);
  const withdraw = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/time-off/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => setMessage({ ok: true, text: t('shiftRequests.timeOff.withdrawn') }),
    onError: (err) => setMessage({ ok: false, text: refusal(err) }),
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'time-off'] }),
  });
  const send = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/time-off', {
          body: {
            agentId,
            kind: 'time_off',
            ...spanOf!,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setMessage({ ok: true, text: t('shiftRequests.timeOff.sent') });
      setFirstDay('');
      setLastDay('');
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'time-off'] });
    },
    onError: (err) => setMessage({ ok: false, text: refusal(err) }),
  });
  // Newest first: the one just sent on top.
  const items = [...(requests.data?.items ?? [])]
    .filter((r) => r.kind === 'time_off')
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return (
    <RequestCard section="timeOff">
      <Group align="start" gap="sm" grow>
        <DayInput
          label={t('shiftRequests.timeOff.firstDay')}
          value={firstDay}
          onChange={setFirstDay}
          required
        />
        <ClockTimeInput label={t('shiftRequests.timeOff.from')} value={from} onChange={setFrom} />
      </Group>
      <Group align="start" gap="sm" grow>
        <DayInput
          label={t('shiftRequests.timeOff.lastDay')}
          value={lastDay}
          onChange={setLastDay}
          placeholder={firstDay}
        />
        <ClockTimeInput
          label={t('shiftRequests.timeOff.until')}
          value={until}
          onChange={setUntil}
          endOfDay
        />
      </Group>
      <TextInput
        label={t('shiftRequests.timeOff.reason')}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {filled && !spanOf && (
        <Text size="sm" c="red">
          {t('shiftRequests.timeOff.invalid')}
        </Text>
      )}
      <Outcome message={message} testId="time-off-message" />
      <Group>
        <Button
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={!spanOf || !workplace.isSuccess}
        >
          {t('shiftRequests.timeOff.submit')}
        </Button>
      </Group>
      <Title order={3} size="h5">
        {t('shiftRequests.timeOff.mine')}
      </Title>
      {items.length === 0 && requests.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('shiftRequests.timeOff.none')}
        </Text>
      ) : (
        <Table data-testid="time-off-requests">
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{rangeText(r.startsAt, r.endsAt)}</Text>
                  {r.status === 'denied' && r.decisionReason && (
                    <Text size="xs" c="dimmed">
                      {t('shiftRequests.timeOff.deniedBecause', { reason: r.decisionReason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Badge variant="light" color={STATUS_COLOURS[r.status] ?? 'gray'}>
                      {t(`shiftRequests.timeOff.status.${r.status}`)}
                    </Badge>
                    {r.status === 'pending' && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={withdraw.isPending}
                        onClick={() => withdraw.mutate(r.id)}
                      >
                        {t('shiftRequests.timeOff.withdraw')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </RequestCard>
  );
}

/** Trades, open shifts and time off: what an agent arranges about their own schedule. */
export default function ShiftRequestsPanel() {
  const { agentId } = useAgent();
  const queryClient = useQueryClient();
  // A scheduler's decision or a colleague's take arrives as a notification: read everything again.
  useEvents(['time_off.decided', 'shift_swap.decided', 'schedule.published'], () => {
    void queryClient.invalidateQueries({ queryKey: ['agent', agentId] });
  });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Pickups />
          <MyShifts />
          <TeamShifts />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <TimeOff />
      </Grid.Col>
    </Grid>
  );
}
