import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseClockTime } from '../lib/clock-time';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'error'> & {
  /** HH:MM, or whatever was typed while it is not (yet) a time. */
  value: string;
  /** Called with HH:MM once the text reads as a time, else with the text as typed. */
  onChange: (value: string) => void;
  /** Whether 24:00 (the end of the day) is a valid answer, as for an end time. */
  endOfDay?: boolean;
};

/**
 * A 24-hour time field in the page's language, whatever the browser's (see `parseClockTime`).
 * It keeps the text as typed and tidies it to HH:MM when the field is left; the caller disables
 * its action while `isClockTime(value)` does not hold, and the field says what it expects.
 */
export function ClockTimeInput({ value, onChange, endOfDay = false, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // A value set from outside (a form reset, a dragged slot) replaces the text; our own echo does not.
  useEffect(() => {
    setText((current) => (parseClockTime(current, endOfDay) === value ? current : value));
  }, [value, endOfDay]);
  const parsed = parseClockTime(text, endOfDay);
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      placeholder={rest.placeholder ?? (endOfDay ? '24:00' : '09:00')}
      value={text}
      error={text.trim() !== '' && !parsed ? t('common.clockTimeFormat') : undefined}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onChange(parseClockTime(typed, endOfDay) ?? typed.trim());
      }}
      onBlur={(e) => {
        if (parsed) setText(parsed);
        rest.onBlur?.(e);
      }}
    />
  );
}
