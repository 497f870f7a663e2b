import {
  Alert,
  Badge,
  Button,
  Chip,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import { formatDateTime, formatDay, formatTime } from '../../../lib/format';
import { useEvents } from '../../../lib/events/event-stream';
import { shownCounsellor, shownDay, slotsByDay, uniqueSlots } from '../counselling-slots';
import { useAgent } from '../use-agent';

type Slot = {
  startsAt: string;
  endsAt: string;
  counselorId: string;
  counselorName?: string;
  minutes: number;
};

/** Books a chosen time: the agent confirms first (one stray click must not book a session). */
function ConfirmBooking({
  slot,
  onClose,
  onBooked,
}: {
  slot: Slot | null;
  onClose: () => void;
  onBooked: (text: string, ok: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { agentId, timeZone } = useAgent();
  const book = useMutation({
    mutationFn: async (s: Slot) =>
      unwrap(
        await api.POST('/v1/counseling/bookings', {
          body: { counselorId: s.counselorId, startsAt: s.startsAt, minutes: s.minutes },
        }),
      ),
    onSuccess: (b) => {
      onClose();
      onBooked(
        t('counselling.booked', { time: formatDateTime(b.startsAt, i18n.language, timeZone) }),
        true,
      );
    },
    onError: (err) => {
      onClose();
      const code = err instanceof ApiError ? err.code : 'other';
      onBooked(t(`counselling.errors.${code}`, { defaultValue: t('errors.generic') }), false);
    },
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'counselling'] }),
  });
  return (
    <Modal opened={slot !== null} onClose={onClose} title={t('counselling.confirmTitle')}>
      {slot && (
        <Stack>
          <Text data-testid="booking-summary">
            {t('counselling.confirmBody', {
              name: slot.counselorName ?? '',
              time: formatDateTime(slot.startsAt, i18n.language, timeZone),
              end: formatTime(slot.endsAt, i18n.language, timeZone),
              count: slot.minutes,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('counselling.private')}
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('counselling.notYet')}
            </Button>
            <Button loading={book.isPending} onClick={() => book.mutate(slot)}>
              {t('counselling.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * Confidential offers of a counselling session: one card however many offers are open (each
 * suggests the same times), the times once each, and a way to say no, thank you.
 */
function Offers({ onPick }: { onPick: (slot: Slot) => void }) {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone } = useAgent();
  const queryClient = useQueryClient();
  const key = ['agent', agentId, 'counselling', 'offers'];
  const offers = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET('/v1/wellbeing/offers')),
  });
  useEvents(['offer.created'], () => void queryClient.invalidateQueries({ queryKey: key }));
  const list = offers.data?.offers ?? [];
  const decline = useMutation({
    mutationFn: async () =>
      Promise.all(
        list.map(async (o) =>
          unwrap(
            await api.POST('/v1/wellbeing/offers/{id}/decline', { params: { path: { id: o.id } } }),
          ),
        ),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  if (list.length === 0) return null;
  const slots = uniqueSlots(list.flatMap((o) => o.suggestedSlots));
  return (
    <Paper withBorder p="md" aria-labelledby="offers-title" bg="teal.0" data-testid="offer">
      <Title id="offers-title" order={2} size="h4">
        {t('counselling.offerTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('counselling.offerBody')}
      </Text>
      <Group gap="xs">
        {slots.map((s) => (
          <Button key={s.startsAt + s.counselorId} variant="white" onClick={() => onPick(s)}>
            {t('counselling.slotWith', {
              time: formatDateTime(s.startsAt, i18n.language, timeZone),
              name: s.counselorName,
            })}
          </Button>
        ))}
        <Button
          variant="subtle"
          color="gray"
          loading={decline.isPending}
          onClick={() => decline.mutate()}
        >
          {t('counselling.noThanks')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Pick a counsellor, a session length, a day of the coming week and one of its free times. */
function CounsellorCalendar({ onPick }: { onPick: (slot: Slot) => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useAgent();
  const [pickedCounselorId, setCounselorId] = useState<string>('');
  const [pickedMinutes, setPickedMinutes] = useState<number | null>(null);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const counsellors = useQuery({
    queryKey: ['counsellors'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/counseling/counselors', {
          params: { query: { pageSize: 100 } as never },
        }),
      ),
  });
  const counselorId = shownCounsellor(pickedCounselorId, counsellors.data?.items ?? []);
  const chosen = counsellors.data?.items.find((c) => c.id === counselorId);
  const lengths = chosen?.sessionMinutes ?? [];
  const minutes =
    pickedMinutes !== null && lengths.includes(pickedMinutes) ? pickedMinutes : (lengths[0] ?? 50);
  const slots = useQuery({
    queryKey: ['counsellor-slots', counselorId, minutes],
    enabled: !!counselorId,
    queryFn: async () => {
      const from = new Date();
      const to = new Date(from.getTime() + 7 * 86_400_000);
      return unwrap(
        await api.GET('/v1/counseling/counselors/{id}/slots', {
          params: {
            path: { id: counselorId },
            query: { from: from.toISOString(), to: to.toISOString(), minutes } as never,
          },
        }),
      );
    },
  });
  const days = slotsByDay(slots.data?.slots ?? [], timeZone);
  const day = shownDay(days, pickedDay);
  return (
    <Paper withBorder p="md" aria-labelledby="book-title">
      <Stack gap="sm">
        <Title id="book-title" order={2} size="h4">
          {t('counselling.bookTitle')}
        </Title>
        <NativeSelect
          label={t('counselling.counsellor')}
          value={counselorId}
          onChange={(e) => setCounselorId(e.currentTarget.value)}
          data={[
            { value: '', label: t('counselling.choose') },
            ...(counsellors.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName })),
          ]}
        />
        {lengths.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="session-length">
              {t('counselling.length')}
            </Text>
            <SegmentedControl
              aria-labelledby="session-length"
              value={String(minutes)}
              onChange={(v) => setPickedMinutes(Number(v))}
              data={lengths.map((m) => ({
                value: String(m),
                label: t('counselling.minutes', { count: m }),
              }))}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
        )}
        {counselorId && slots.isSuccess && days.length === 0 && (
          <Text c="dimmed">{t('counselling.noSlots')}</Text>
        )}
        {day && chosen && (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="session-day">
                {t('counselling.day')}
              </Text>
              <Chip.Group multiple={false} value={day.date} onChange={setPickedDay}>
                <Group gap={6} role="radiogroup" aria-labelledby="session-day">
                  {days.map((d) => (
                    <Chip key={d.date} value={d.date} size="sm">
                      {formatDay(d.times[0].startsAt, i18n.language, timeZone)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('counselling.time')}
              </Text>
              <Group gap={4} data-testid="free-times">
                {day.times.map((s) => (
                  <Button
                    key={s.startsAt}
                    size="xs"
                    variant="light"
                    onClick={() =>
                      onPick({ ...s, counselorId, counselorName: chosen.displayName, minutes })
                    }
                    aria-label={t('counselling.bookAt', {
                      time: formatDateTime(s.startsAt, i18n.language, timeZone),
                    })}
                  >
                    {formatTime(s.startsAt, i18n.language, timeZone)}
                  </Button>
                ))}
              </Group>
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** My own sessions: cancel what is coming, export everything, or erase my history. */
function History({ onMessage }: { onMessage: (text: string, ok: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone } = useAgent();
  const queryClient = useQueryClient();
  const key = ['agent', agentId, 'counselling', 'bookings'];
  const bookings = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/counseling/bookings', { params: { query: { pageSize: 100 } as never } }),
      ),
  });
  useEvents(
    ['counseling.booking.cancelled', 'counseling.booking.rescheduled'],
    () => void queryClient.invalidateQueries({ queryKey: key }),
  );
  const [confirmErase, setConfirmErase] = useState(false);
  const cancel = useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/v1/counseling/bookings/{id}/cancel', {
          params: { path: { id } },
          body: {},
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const erase = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/v1/counseling/me/history')),
    onSuccess: (r) => {
      setConfirmErase(false);
      onMessage(t('counselling.erased', { count: r.erased }), true);
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'counselling'] });
    },
  });
  const exportHistory = async () => {
    const data = unwrap(await api.GET('/v1/counseling/me/export'));
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'shiftwell-counselling.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const items = bookings.data?.items ?? [];
  const upcoming = items.filter(
    (b) => b.status === 'booked' && Date.parse(b.startsAt) > Date.now(),
  );
  return (
    <Paper withBorder p="md" aria-labelledby="history-title">
      <Stack gap="sm">
        <Title id="history-title" order={2} size="h4">
          {t('counselling.historyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('counselling.private')}
        </Text>
        {items.length === 0 ? (
          <Text c="dimmed">{t('counselling.noHistory')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table data-testid="counselling-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('counselling.when')}</Table.Th>
                  <Table.Th>{t('counselling.counsellor')}</Table.Th>
                  <Table.Th>{t('counselling.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{formatDateTime(b.startsAt, i18n.language, timeZone)}</Table.Td>
                    <Table.Td>{b.counselorName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">
                        {t(`counselling.statuses.${b.status}`, { defaultValue: b.status })}
                      </Badge>
                      {b.cancelReason && (
                        <Text size="xs" c="dimmed">
                          {b.cancelReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {upcoming.includes(b) && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => cancel.mutate(b.id)}
                        >
                          {t('counselling.cancel')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button variant="default" onClick={() => void exportHistory()}>
            {t('counselling.export')}
          </Button>
          <Button variant="light" color="red" onClick={() => setConfirmErase(true)}>
            {t('counselling.erase')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirmErase}
        onClose={() => setConfirmErase(false)}
        title={t('counselling.eraseTitle')}
      >
        <Stack>
          <Text>{t('counselling.eraseBody')}</Text>
          {upcoming.length > 0 && (
            <Alert color="red" role="alert">
              {t('counselling.eraseUpcoming', { count: upcoming.length })}
            </Alert>
          )}
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirmErase(false)}>
              {t('common.keep')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
              {t('counselling.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function CounsellingPanel() {
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState<Slot | null>(null);
  const say = (text: string, ok: boolean) => setMessage({ text, ok });
  return (
    <Stack>
      {message && (
        <Alert
          color={message.ok ? 'teal' : 'red'}
          role={message.ok ? 'status' : 'alert'}
          withCloseButton
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      )}
      <Offers onPick={setPending} />
      <CounsellorCalendar onPick={setPending} />
      <History onMessage={say} />
      <ConfirmBooking slot={pending} onClose={() => setPending(null)} onBooked={say} />
    </Stack>
  );
}
