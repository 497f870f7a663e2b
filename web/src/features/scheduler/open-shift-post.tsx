import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { DialectChips } from './dialect-chips';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockTimeInput } from '../../components/clock-time-input';
import { DayInput } from '../../components/day-input';
import { api, ApiError, unwrap } from '../../lib/api/client';
import { calendarDayToDate } from '../../lib/calendar-day';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';
import { teamDialects } from './forecast-history';
import {
  lastDayOf,
  openShiftProblem,
  openShiftRefusalKey,
  openShiftSpan,
  type OpenShiftDraft,
} from './open-shift-form';
import type { Agent } from './use-planner';

const EMPTY: OpenShiftDraft = { day: '', start: '', end: '' };

/**
 * Post a shift of the selected published schedule on the open-shift board: a day and 24-hour times
 * in the site's zone (an end before the start is the next morning), and the dialects its taker needs.
 */
export function OpenShiftPost({
  scheduleId,
  agents,
  timeZone,
  onPosted,
}: {
  scheduleId: string | null;
  agents: Agent[];
  timeZone: string;
  onPosted: () => void;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const schedule = useQuery({
    queryKey: ['schedule', scheduleId],
    enabled: !!scheduleId,
    queryFn: async () =>
      unwrap(await api.GET('/v1/schedules/{id}', { params: { path: { id: scheduleId! } } })),
  });
  const [draft, setDraft] = useState<OpenShiftDraft>(EMPTY);
  const [dialects, setDialects] = useState<string[]>([]);
  const post = useMutation({
    mutationFn: async (body: { startsAt: string; endsAt: string; requiredDialects: string[] }) =>
      unwrap(
        await api.POST('/v1/schedules/{id}/open-shifts', {
          params: { path: { id: scheduleId! } },
          body,
        }),
      ),
    onSuccess: () => {
      setDraft(EMPTY);
      setDialects([]);
      onPosted();
    },
  });
  const s = schedule.data;
  // Said only once the schedule is known (or none is picked), never while it loads.
  if (scheduleId && schedule.isPending) return null;
  if (!s || s.status !== 'published')
    return (
      <Text size="sm" c="dimmed" data-testid="open-shift-needs-published">
        {t('openShifts.needPublished')}
      </Text>
    );
  const edit = (patch: Partial<OpenShiftDraft>) => {
    post.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const first = s.startDate;
  const last = lastDayOf(s);
  const span = openShiftSpan(draft, timeZone);
  const problem = openShiftProblem(draft, timeZone, s, new Date());
  const touched = draft.day !== '' || draft.start !== '' || draft.end !== '';
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, i18n.language, 'UTC');
  const when = (x: { startsAt: string; endsAt: string }) => ({
    when: formatDateTime(x.startsAt, i18n.language, timeZone),
    end: formatTime(x.endsAt, i18n.language, timeZone),
  });
  const options = teamDialects(agents);
  return (
    <Stack gap="xs" data-testid="open-shift-post">
      <Text fw={600}>{t('openShifts.post')}</Text>
      <Text size="sm" c="dimmed">
        {t('openShifts.for', { count: s.days, date: day(first) })}
      </Text>
      <Group align="flex-start" gap="sm">
        <DayInput
          label={t('openShifts.day')}
          value={draft.day}
          onChange={(d) => edit({ day: d })}
          minDate={calendarDayToDate(first)}
          maxDate={calendarDayToDate(last)}
          w={150}
        />
        <ClockTimeInput
          label={t('openShifts.start')}
          value={draft.start}
          onChange={(start) => edit({ start })}
          w={110}
        />
        <ClockTimeInput
          label={t('openShifts.end')}
          endOfDay
          value={draft.end}
          onChange={(end) => edit({ end })}
          w={110}
        />
      </Group>
      <DialectChips
        id="open-shift-dialects"
        label={t('openShifts.dialects')}
        options={options}
        value={dialects}
        onChange={setDialects}
      />
      <Text size="sm" data-testid="open-shift-preview" c={touched && problem ? 'red.8' : undefined}>
        {touched && problem
          ? t(`openShifts.problems.${problem}`, { first: day(first), last: day(last) })
          : span
            ? t(span.overnight ? 'openShifts.overnight' : 'openShifts.preview', when(span))
            : ''}
      </Text>
      {post.error && (
        <Alert color="red" role="alert">
          {t(openShiftRefusalKey(post.error instanceof ApiError ? post.error.code : ''), {
            message: post.error.message,
          })}
        </Alert>
      )}
      {post.isSuccess && (
        <Alert color="green" role="status">
          {t('openShifts.posted', when(post.data))}
        </Alert>
      )}
      <Group>
        <Button
          disabled={!!problem || !span}
          loading={post.isPending}
          onClick={() =>
            span &&
            post.mutate({
              startsAt: span.startsAt,
              endsAt: span.endsAt,
              requiredDialects: dialects,
            })
          }
        >
          {t('openShifts.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
