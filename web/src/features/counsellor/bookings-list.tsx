import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ClockTimeInput } from '../../components/clock-time-input';
import { api, ApiError, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { isClockTime } from '../../lib/clock-time';
import { formatDateTime, instantAtLocalTime } from '../../lib/format';
import { DayInput } from '../../components/day-input';

type Counselor = components['schemas']['CounselorDto'];
type Booking = components['schemas']['BookingDto'] & {
  agentName?: string;
  agentDisplayName?: string;
};

/** My bookings with the agent's name; notes after a session; cancel or move with a message to the agent. */
export function BookingsList({ counselor }: { counselor: Counselor }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const zone = counselor.timeZone;
  const key = ['counsellor', 'bookings'];
  const bookings = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/counseling/bookings', { params: { query: { pageSize: 100 } as never } }),
      ),
    refetchInterval: 60_000,
  });
  const [notesFor, setNotesFor] = useState<Booking | null>(null);
  const [notes, setNotes] = useState('');
  const [cancelFor, setCancelFor] = useState<Booking | null>(null);
  const [reason, setReason] = useState('');
  const [moveFor, setMoveFor] = useState<Booking | null>(null);
  const [move, setMove] = useState({ date: '', time: '10:00' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const navigate = useNavigate();
  // No weekly hours and no dated extra hours: no agent can book, which a new counsellor should hear.
  const bookable =
    counselor.weekly.length > 0 || counselor.overrides.some((o) => !o.off && o.start && o.end);
  const fail = (err: unknown) =>
    setMessage({
      ok: false,
      text: t(`counsellor.errors.${err instanceof ApiError ? err.code : 'other'}`, {
        defaultValue: t('errors.generic'),
      }),
    });
  const done = (text: string) => {
    setMessage({ ok: true, text });
    setNotesFor(null);
    setCancelFor(null);
    setMoveFor(null);
    setReason('');
    void queryClient.invalidateQueries({ queryKey: key });
  };
  const saveNotes = useMutation({
    mutationFn: async (b: Booking) =>
      unwrap(
        await api.PUT('/v1/counseling/bookings/{id}/notes', {
          params: { path: { id: b.id } },
          body: { notes },
        }),
      ),
    onSuccess: () => done(t('counsellor.notesSaved')),
    onError: fail,
  });
  const cancel = useMutation({
    mutationFn: async (b: Booking) =>
      unwrap(
        await api.POST('/v1/counseling/bookings/{id}/cancel', {
          params: { path: { id: b.id } },
          body: reason ? { reason } : {},
        }),
      ),
    onSuccess: () => done(t('counsellor.cancelled')),
    onError: fail,
  });
  const reschedule = useMutation({
    mutationFn: async (b: Booking) => {
      // The date and time are the counsellor's own wall clock.
      const startsAt = instantAtLocalTime(
        new Date(`${move.date}T12:00:00Z`),
        move.time,
        zone,
      ).toISOString();
      return unwrap(
        await api.POST('/v1/counseling/bookings/{id}/reschedule', {
          params: { path: { id: b.id } },
          body: { startsAt, minutes: b.minutes, ...(reason ? { reason } : {}) },
        }),
      );
    },
    onSuccess: () => done(t('counsellor.moved')),
    onError: fail,
  });
  const items = (bookings.data?.items ?? []) as Booking[];
  const nameOf = (b: Booking) => b.agentName || t('counsellor.agent');
  return (
    <Paper withBorder p="md" aria-labelledby="bookings-title">
      <Stack gap="sm">
        <Title id="bookings-title" order={2} size="h4">
          {t('counsellor.bookingsTitle')}
        </Title>
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
        {items.length === 0 && !bookable && (
          <Alert color="yellow" data-testid="no-hours">
            <Text size="sm">{t('counsellor.noHours')}</Text>
            <Button
              size="xs"
              variant="light"
              mt="xs"
              onClick={() => navigate('/counsellor/availability')}
            >
              {t('counsellor.setHours')}
            </Button>
          </Alert>
        )}
        {items.length === 0 ? (
          <Text c="dimmed">{t('counsellor.noBookings')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="counsellor-bookings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('counselling.when')}</Table.Th>
                  <Table.Th>{t('counsellor.agent')}</Table.Th>
                  <Table.Th>{t('counselling.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => {
                  const upcoming = b.status === 'booked' && Date.parse(b.startsAt) > Date.now();
                  return (
                    <Table.Tr key={b.id}>
                      <Table.Td>{formatDateTime(b.startsAt, i18n.language, zone)}</Table.Td>
                      <Table.Td>{nameOf(b)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">
                          {t(`counselling.statuses.${b.status}`, { defaultValue: b.status })}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {b.status !== 'cancelled' && (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => {
                                setNotes(b.notes ?? '');
                                setNotesFor(b);
                              }}
                            >
                              {t('counsellor.notes')}
                            </Button>
                          )}
                          {upcoming && (
                            <>
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => {
                                  // Starts from the session's own day and time, in my zone.
                                  const at = DateTime.fromISO(b.startsAt, { zone });
                                  setMove({ date: at.toISODate()!, time: at.toFormat('HH:mm') });
                                  setReason('');
                                  reschedule.reset();
                                  setMoveFor(b);
                                }}
                              >
                                {t('counsellor.move')}
                              </Button>
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                onClick={() => setCancelFor(b)}
                              >
                                {t('counselling.cancel')}
                              </Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={!!notesFor}
        onClose={() => setNotesFor(null)}
        title={t('counsellor.notesTitle', { name: notesFor ? nameOf(notesFor) : '' })}
      >
        <Stack>
          <Textarea
            label={t('counsellor.notes')}
            description={t('counsellor.notesHelp')}
            autosize
            minRows={5}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Button
            loading={saveNotes.isPending}
            onClick={() => notesFor && saveNotes.mutate(notesFor)}
          >
            {t('counsellor.saveNotes')}
          </Button>
        </Stack>
      </Modal>
      <Modal
        opened={!!cancelFor}
        onClose={() => setCancelFor(null)}
        title={t('counsellor.cancelTitle')}
      >
        <Stack>
          <Textarea
            label={t('counsellor.messageToAgent')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() => cancelFor && cancel.mutate(cancelFor)}
          >
            {t('counsellor.confirmCancel')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={!!moveFor} onClose={() => setMoveFor(null)} title={t('counsellor.moveTitle')}>
        <Stack>
          <DayInput
            label={t('availability.date')}
            value={move.date}
            onChange={(date) => setMove({ ...move, date })}
            popoverProps={{ withinPortal: true }}
          />
          <ClockTimeInput
            label={t('counsellor.newTime', { zone })}
            value={move.time}
            onChange={(time) => setMove({ ...move, time })}
          />
          <Textarea
            label={t('counsellor.messageToAgent')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {reschedule.isError && message && !message.ok && (
            <Alert color="red" role="alert">
              {message.text}
            </Alert>
          )}
          <Button
            loading={reschedule.isPending}
            disabled={!move.date || !isClockTime(move.time)}
            onClick={() => moveFor && reschedule.mutate(moveFor)}
          >
            {t('counsellor.confirmMove')}
          </Button>
        </Stack>
      </Modal>
    </Paper>
  );
}
