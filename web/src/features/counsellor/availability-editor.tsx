import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockTimeInput } from '../../components/clock-time-input';
import { api, ApiError, unwrap } from '../../lib/api/client';
import { isClockTime } from '../../lib/clock-time';
import type { components } from '../../lib/api/schema';
import {
  addRule,
  PATTERN_MONDAY,
  ruleToEvent,
  selectionToRule,
  sortRules,
  type WeeklyRule,
} from './availability-rules';
import { DayInput } from '../../components/day-input';

type Counselor = components['schemas']['CounselorDto'];
type Override = components['schemas']['DateOverrideDto'];

/** A from-to the form can add: two clock times (the end may be 24:00), the start first. */
const rangeOk = ({ start, end }: { start: string; end: string }) =>
  isClockTime(start) && isClockTime(end, true) && start < end;

/** My weekly hours drawn on a calendar (drag to add, click to remove) plus dated exceptions. */
export default function AvailabilityEditor({ counselor }: { counselor: Counselor }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<WeeklyRule[]>(() =>
    sortRules(counselor.weekly as WeeklyRule[]),
  );
  const [overrides, setOverrides] = useState<Override[]>(() => counselor.overrides as Override[]);
  const [form, setForm] = useState({ weekday: '1', start: '09:00', end: '17:00' });
  const [exception, setException] = useState({ date: '', off: true, start: '18:00', end: '20:00' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`weekdays.${d}`),
  }));

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/v1/counseling/counselors/{id}/availability', {
          params: { path: { id: counselor.id } },
          body: {
            weekly: rules,
            overrides,
            bufferMinutes: counselor.bufferMinutes,
            minimumNoticeMinutes: counselor.minimumNoticeMinutes,
            sessionMinutes: counselor.sessionMinutes,
          } as never,
        }),
      ),
    onSuccess: () => {
      setMessage({ ok: true, text: t('availability.saved') });
      void queryClient.invalidateQueries({ queryKey: ['counsellor'] });
    },
    onError: (err) =>
      setMessage({
        ok: false,
        text:
          err instanceof ApiError ? `${t('errors.generic')} (${err.code})` : t('errors.generic'),
      }),
  });

  return (
    <Stack>
      <Paper withBorder p="md" aria-labelledby="weekly-title">
        <Title id="weekly-title" order={2} size="h4">
          {t('availability.weeklyTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('availability.weeklyHelp', { zone: counselor.timeZone })}
        </Text>
        <FullCalendar
          plugins={[timeGridPlugin, interactionPlugin]}
          initialView="timeGridWeek"
          initialDate={PATTERN_MONDAY}
          timeZone="UTC"
          headerToolbar={false}
          dayHeaderFormat={{ weekday: 'short' }}
          // The block's title already reads 09:00–17:00 in 24-hour time; FullCalendar's own line repeated it.
          displayEventTime={false}
          locales={[zhCnLocale]}
          locale={i18n.language === 'en' ? 'en-gb' : 'zh-cn'}
          firstDay={1}
          allDaySlot={false}
          slotMinTime="07:00:00"
          slotMaxTime="22:00:00"
          height="auto"
          selectable
          selectMirror
          events={rules.map((r, i) => ({
            id: String(i),
            title: `${r.start}–${r.end}`,
            ...ruleToEvent(r),
            color: '#0ca678',
          }))}
          select={(sel) => {
            const rule = selectionToRule(sel.start, sel.end);
            if (rule) setRules((rs) => addRule(rs, rule));
          }}
          eventClick={(info) => setRules((rs) => rs.filter((_, i) => String(i) !== info.event.id))}
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        />
        <Table mt="sm" aria-label={t('availability.weeklyTitle')}>
          <Table.Tbody>
            {rules.map((r, i) => (
              <Table.Tr key={`${r.weekday}-${r.start}`}>
                <Table.Td>{t(`weekdays.${r.weekday}`)}</Table.Td>
                <Table.Td>
                  {r.start}–{r.end}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}
                  >
                    {t('availability.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="end" mt="sm">
          <NativeSelect
            label={t('availability.weekday')}
            data={weekdays}
            value={form.weekday}
            onChange={(e) => setForm({ ...form, weekday: e.currentTarget.value })}
          />
          <ClockTimeInput
            label={t('availability.from')}
            value={form.start}
            onChange={(start) => setForm({ ...form, start })}
          />
          <ClockTimeInput
            endOfDay
            label={t('availability.to')}
            value={form.end}
            onChange={(end) => setForm({ ...form, end })}
          />
          <Button
            variant="light"
            disabled={!rangeOk(form)}
            onClick={() =>
              setRules((rs) =>
                addRule(rs, { weekday: Number(form.weekday), start: form.start, end: form.end }),
              )
            }
          >
            {t('availability.add')}
          </Button>
        </Group>
      </Paper>

      <Paper withBorder p="md" aria-labelledby="exceptions-title">
        <Title id="exceptions-title" order={2} size="h4" mb="sm">
          {t('availability.exceptionsTitle')}
        </Title>
        <Table>
          <Table.Tbody>
            {overrides.map((o, i) => (
              <Table.Tr key={`${o.date}-${i}`}>
                <Table.Td>{o.date}</Table.Td>
                <Table.Td>{o.off ? t('availability.dayOff') : `${o.start}–${o.end}`}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setOverrides((os) => os.filter((_, j) => j !== i))}
                  >
                    {t('availability.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="end" mt="sm">
          <DayInput
            label={t('availability.date')}
            value={exception.date}
            onChange={(date) => setException({ ...exception, date })}
          />
          <Checkbox
            label={t('availability.dayOff')}
            checked={exception.off}
            onChange={(e) => setException({ ...exception, off: e.currentTarget.checked })}
          />
          {!exception.off && (
            <>
              <ClockTimeInput
                label={t('availability.from')}
                value={exception.start}
                onChange={(start) => setException({ ...exception, start })}
              />
              <ClockTimeInput
                endOfDay
                label={t('availability.to')}
                value={exception.end}
                onChange={(end) => setException({ ...exception, end })}
              />
            </>
          )}
          <Button
            variant="light"
            disabled={!exception.date || (!exception.off && !rangeOk(exception))}
            onClick={() =>
              setOverrides((os) => [
                ...os,
                exception.off
                  ? { date: exception.date, off: true }
                  : { date: exception.date, start: exception.start, end: exception.end },
              ])
            }
          >
            {t('availability.addException')}
          </Button>
        </Group>
      </Paper>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('availability.save')}
        </Button>
      </Group>
    </Stack>
  );
}
