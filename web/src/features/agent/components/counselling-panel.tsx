import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { formatDate, formatDateTime, formatTime } from '../../../lib/format';
import { useEvents } from '../../../lib/events/event-stream';
import { useAgent } from '../use-agent';

type Slot = {
  startsAt: string;
  endsAt: string;
  counselorId: string;
  counselorName?: string;
  minutes: number;
};
type Booking = components['schemas']['BookingDto'];

function useBook(onDone: (b: Booking) => void, onError: (text: string) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { agentId } = useAgent();
  return useMutation({
    mutationFn: async (s: Slot) =>
      unwrap(
        await api.POST('/v1/counseling/bookings', {
          body: { counselorId: s.counselorId, startsAt: s.startsAt, minutes: s.minutes },
        }),
      ),
    onSuccess: (b) => {
      onDone(b);
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'counselling'] });
    },
    onError: (err) => {
      const code = err instanceof ApiError ? err.code : 'other';
      onError(t(`counselling.errors.${code}`, { defaultValue: t('errors.generic') }));
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'counselling'] });
    },
  });
}

/** Confidential offers of a counselling session, each with a few suggested times. */
function Offers({ onBooked }: { onBooked: (text: string, ok: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone } = useAgent();
  const queryClient = useQueryClient();
  const offers = useQuery({
    queryKey: ['agent', agentId, 'counselling', 'offers'],
    queryFn: async () => unwrap(await api.GET('/v1/wellbeing/offers')),
  });
  useEvents(
    ['offer.created'],
    () =>
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId, 'counselling', 'offers'] }),
  );
  const book = useBook(
    (b) =>
      onBooked(
        t('counselling.booked', { time: formatDateTime(b.startsAt, i18n.language, timeZone) }),
        true,
      ),
    (text) => onBooked(text, false),
  );
  const list = offers.data?.offers ?? [];
  if (list.length === 0) return null;
  return (
    <Paper withBorder p="md" aria-labelledby="offers-title" bg="teal.0">
      <Title id="offers-title" order={2} size="h4">
        {t('counselling.offerTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('counselling.offerBody')}
      </Text>
      {list.map((o) => (
        <Group key={o.id} gap="xs">
          {o.suggestedSlots.map((s) => (
            <Button
              key={s.startsAt + s.counselorId}
              variant="white"
              onClick={() => book.mutate(s)}
              loading={book.isPending && book.variables === s}
            >
              {t('counselling.slotWith', {
                time: formatDateTime(s.startsAt, i18n.language, timeZone),
                name: s.counselorName,
              })}
            </Button>
          ))}
        </Group>
      ))}
    </Paper>
  );
}

/** Pick a counsellor and one of their free times in the coming week. */
function CounsellorCalendar({ onBooked }: { onBooked: (text: string, ok: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useAgent();
  const [counselorId, setCounselorId] = useState<string>('');
  const counsellors = useQuery({
    queryKey: ['counsellors'],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/counseling/counselors', {
          params: { query: { pageSize: 100 } as never },
        }),
      ),
  });
  const chosen = counsellors.data?.items.find((c) => c.id === counselorId);
  const minutes = chosen?.sessionMinutes[0] ?? 50;
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
  const book = useBook(
    (b) =>
      onBooked(
        t('counselling.booked', { time: formatDateTime(b.startsAt, i18n.language, timeZone) }),
        true,
      ),
    (text) => onBooked(text, false),
  );
  // Group the free times by the site's local date.
  const byDay = new Map<string, Array<{ startsAt: string; endsAt: string }>>();
  for (const s of slots.data?.slots ?? []) {
    const day = formatDate(s.startsAt, i18n.language, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
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
        {counselorId && slots.isSuccess && byDay.size === 0 && (
          <Text c="dimmed">{t('counselling.noSlots')}</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {[...byDay.entries()].slice(0, 6).map(([day, list]) => (
            <Stack key={day} gap={4}>
              <Text fw={600} size="sm">
                {day}
              </Text>
              <Group gap={4}>
                {list.slice(0, 8).map((s) => (
                  <Button
                    key={s.startsAt}
                    size="xs"
                    variant="light"
                    onClick={() => book.mutate({ ...s, counselorId, minutes })}
                    aria-label={t('counselling.bookAt', {
                      time: formatDateTime(s.startsAt, i18n.language, timeZone),
                    })}
                  >
                    {formatTime(s.startsAt, i18n.language, timeZone)}
                  </Button>
                ))}
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
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
      <Offers onBooked={say} />
      <CounsellorCalendar onBooked={say} />
      <History onMessage={say} />
    </Stack>
  );
}
