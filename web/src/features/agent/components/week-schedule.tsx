import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { EventContentArg, EventInput } from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import { Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { useAgent } from '../use-agent';
import { useComingShifts } from '../use-coming-shifts';

/**
 * A break sits inset on its shift, a quarter-hour tall: the default "10:00 - 10:15" would be cut
 * to "10:00 - 10:1". Its start and kind fit; the whole span is in its tooltip.
 */
function breakContent(arg: EventContentArg) {
  if (!arg.event.extendedProps.isBreak) return true;
  const start = arg.timeText.split(' - ')[0];
  return (
    <div className="fc-event-main-frame" title={`${arg.event.title} ${arg.timeText}`}>
      <div className="fc-event-title" style={{ fontSize: '0.75em', lineHeight: 1.1 }}>
        {start} {arg.event.title}
      </div>
    </div>
  );
}

const showsInstant = (range: { from: string; to: string }, iso: string) =>
  Date.parse(range.from) <= Date.parse(iso) && Date.parse(iso) < Date.parse(range.to);

/**
 * My published shifts and their breaks as a week, in my site's time zone. Loaded on demand. It opens
 * on this week, or, when no shift is left in it, on the week of my next one (a Saturday evening's
 * look is for next week), and says so; "This week" goes back.
 */
export default function WeekSchedule() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone, workplace } = useAgent();
  const next = useComingShifts(agentId);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const shifts = useQuery({
    queryKey: ['agent', agentId, 'shifts', range],
    enabled: !!range,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/agents/{agentId}/shifts', {
          params: {
            path: { agentId },
            query: { from: range!.from, to: range!.to, pageSize: 100 } as never,
          },
        }),
      ),
  });
  const buttonText = useMemo(() => ({ today: t('schedule.today') }), [t]);
  const events = useMemo(() => {
    const events: EventInput[] = [];
    for (const s of shifts.data?.items ?? []) {
      events.push({
        id: s.id,
        title: t('schedule.shift'),
        start: s.startsAt,
        end: s.endsAt,
        color: '#0ca678',
      });
      for (const b of s.breaks)
        events.push({
          id: `${s.id}-${b.startsAt}`,
          title: t(`breaks.kinds.${b.kind}`, { defaultValue: b.kind }),
          start: b.startsAt,
          end: b.endsAt,
          color: '#ae3ec9',
          extendedProps: { isBreak: true },
        });
    }
    return events;
  }, [shifts.data, t]);
  if (!workplace.isSuccess || !next.settled) return null;
  const nextWeek = DateTime.now().setZone(timeZone).startOf('week').plus({ weeks: 1 });
  const opensLater = next.current && DateTime.fromISO(next.current.startsAt) >= nextWeek;
  return (
    <Paper withBorder p="md" aria-labelledby="schedule-title">
      <Title id="schedule-title" order={2} size="h4">
        {t('schedule.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" data-testid="schedule-zone">
        {t('schedule.zone', { zone: timeZone })}
      </Text>
      {opensLater && range && showsInstant(range, next.current!.startsAt) && (
        <Text size="sm" mb="sm" data-testid="schedule-next-week">
          {t('schedule.nextWeekShown')}
        </Text>
      )}
      <FullCalendar
        plugins={[timeGridPlugin, luxonPlugin]}
        initialView="timeGridWeek"
        initialDate={opensLater ? next.current!.startsAt : undefined}
        timeZone={timeZone}
        locales={[zhCnLocale]}
        // English reads dates as the rest of the app does ("Mon, Nov 30"); weeks start on Monday and
        // times are 24-hour in both languages.
        locale={i18n.language === 'en' ? 'en' : 'zh-cn'}
        dayHeaderFormat={
          i18n.language === 'en' ? { weekday: 'short', month: 'short', day: 'numeric' } : undefined
        }
        firstDay={1}
        allDaySlot={false}
        slotMinTime="06:00:00"
        slotMaxTime="24:00:00"
        height="auto"
        nowIndicator
        events={events}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        eventContent={breakContent}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        datesSet={(arg) => {
          const from = arg.start.toISOString();
          // FullCalendar calls this on every options change: only a new week is news.
          setRange((r) => (r?.from === from ? r : { from, to: arg.end.toISOString() }));
        }}
        buttonText={buttonText}
      />
    </Paper>
  );
}
