import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { calendarDayToDate, dateToCalendarDay, parseCalendarDay } from '../lib/calendar-day';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  /** Called with YYYY-MM-DD (or '' when cleared). */
  onChange: (day: string) => void;
};

/**
 * A day field in the page's language whatever the browser's: typed as 2026-12-04 (or 2026年12月4日),
 * or picked from a calendar that starts on Monday and names months and weekdays in the page's
 * language. See `parseCalendarDay`.
 */
export function DayInput({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  return (
    <DateInput
      placeholder="YYYY-MM-DD"
      {...rest}
      value={value ? calendarDayToDate(value) : null}
      onChange={(d) => onChange(d ? dateToCalendarDay(d) : '')}
      valueFormat="YYYY-MM-DD"
      dateParser={(text) => {
        const day = parseCalendarDay(text);
        return day ? calendarDayToDate(day) : null;
      }}
      locale={zh ? 'zh-cn' : 'en'}
      firstDayOfWeek={1}
      // dayjs's zh-cn names the month 十二月 2026; people here write 2026年12月.
      {...(zh
        ? { monthLabelFormat: 'YYYY年M月', yearLabelFormat: 'YYYY年', monthsListFormat: 'M月' }
        : {})}
    />
  );
}
