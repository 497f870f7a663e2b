import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { idleTimeoutProblem, splitMinutes } from './idle-timeout';

/** The idle timeout of everyone's browser sessions, set by the admin. */
export function SessionSettings() {
  const { t, i18n } = useTranslation('admin');
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['admin', 'session-settings'],
    queryFn: async () => unwrap(await api.GET('/v1/admin/session-settings')),
  });
  const [value, setValue] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setValue(settings.data.idleTimeoutMinutes);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: async (idleTimeoutMinutes: number) =>
      unwrap(await api.PUT('/v1/admin/session-settings', { body: { idleTimeoutMinutes } })),
    onSuccess: (data) => client.setQueryData(['admin', 'session-settings'], data),
  });
  if (!settings.data) return <Text c="dimmed">{t('sessions.loading')}</Text>;
  const { minimumMinutes: min, maximumMinutes: max } = settings.data;
  const problem = idleTimeoutProblem(value, min, max);
  const shown = problem === null ? splitMinutes(Number(value)) : null;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Stack maw={480}>
      <Text>{t('sessions.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (problem === null) save.mutate(Number(value));
        }}
      >
        <Stack>
          <NumberInput
            label={t('sessions.idleLabel')}
            description={t('sessions.bounds', { min, max })}
            value={value}
            onChange={(v) => {
              setValue(v);
              save.reset();
            }}
            min={min}
            max={max}
            step={5}
            allowDecimal={false}
            suffix={` ${t('sessions.minutesSuffix')}`}
            error={
              problem && value !== settings.data.idleTimeoutMinutes
                ? t(`sessions.problem.${problem}`, { min, max })
                : undefined
            }
          />
          {shown && (
            <Text size="sm" c="dimmed">
              {shown.hours > 0
                ? t('sessions.meansHours', { hours: shown.hours, minutes: shown.minutes })
                : t('sessions.meansMinutes', { minutes: shown.minutes })}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={problem !== null}>
              {t('sessions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {save.isSuccess && (
        <Alert color="green" role="status">
          {t('sessions.saved', { minutes: save.data.idleTimeoutMinutes })}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED'
            ? t('sessions.problem.range', { min, max })
            : t('sessions.failed')}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {settings.data.isDefault || !settings.data.updatedAt
          ? t('sessions.isDefault')
          : t('sessions.updatedAt', {
              at: formatDateTime(settings.data.updatedAt, i18n.language, zone),
            })}
      </Text>
    </Stack>
  );
}
