import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { DialectChips } from './dialect-chips';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { formatDate } from '../../lib/format';
import { historyWindow, teamDialects } from './forecast-history';
import type { PlannerHorizon } from './use-planner';

/**
 * Build the forecast of the planner's days from the team's answered calls (same weekday and time,
 * newer weeks weighed more), after a confirmation that says what it overwrites and what it reads.
 */
export function ForecastFromHistory({
  teamId,
  startDate,
  days,
  intervalMinutes,
  timeZone,
  agents,
}: PlannerHorizon) {
  const { t, i18n } = useTranslation('scheduler');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [weeks, setWeeks] = useState(4);
  const offered = teamDialects(agents);
  const [dialects, setDialects] = useState<string[] | null>(null);
  const chosen = dialects ?? offered;
  const build = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/teams/{teamId}/forecast/from-history', {
          params: { path: { teamId } },
          body: { startDate, days, intervalMinutes, weeks, dialects: chosen },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['forecast', teamId] });
      void queryClient.invalidateQueries({ queryKey: ['preview', teamId] });
    },
  });
  const today = DateTime.now().setZone(timeZone).toISODate()!;
  const read = historyWindow(startDate, days, weeks, today);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, i18n.language, 'UTC');
  // The answer is every interval now stored for these days (built now, or kept from before).
  const stored = build.data?.intervals.filter(
    (r) => (r as { intervalMinutes?: number }).intervalMinutes === intervalMinutes,
  ).length;
  return (
    <Group gap="sm">
      <Button
        variant="light"
        onClick={() => {
          build.reset();
          setOpen(true);
        }}
      >
        {t('forecast.history.button')}
      </Button>
      {build.isSuccess && (
        <Text
          size="sm"
          role="status"
          c={stored ? 'green.8' : 'orange.8'}
          data-testid="history-result"
        >
          {stored
            ? t('forecast.history.built', { count: stored })
            : t('forecast.history.nothing', { count: weeks })}
        </Text>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('forecast.history.title')}
        size="lg"
      >
        <Stack>
          <Group align="flex-end">
            <NativeSelect
              label={t('forecast.history.weeks')}
              value={String(weeks)}
              onChange={(e) => setWeeks(Number(e.currentTarget.value))}
              data={Array.from({ length: 12 }, (_, i) => String(i + 1))}
              w={140}
            />
          </Group>
          <DialectChips
            id="history-dialects"
            label={t('forecast.history.dialects')}
            hint={t('forecast.history.dialectsHint')}
            options={offered}
            value={chosen}
            onChange={setDialects}
          />
          <Text size="sm">
            {t('forecast.history.what', {
              count: days,
              start: day(startDate),
              interval: intervalMinutes,
              weeks,
              from: day(read.firstDay),
              to: day(read.lastDay),
            })}
          </Text>
          <Text size="sm" fw={600}>
            {t('forecast.history.replaces')}
          </Text>
          {read.unseenFrom && (
            <Alert color="orange">
              {t('forecast.history.unseen', { day: day(read.unseenFrom) })}
            </Alert>
          )}
          {build.error && (
            <Alert color="red" role="alert">
              {t('failed', { message: build.error.message })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('edit.cancel')}
            </Button>
            <Button loading={build.isPending} onClick={() => build.mutate()}>
              {t('forecast.history.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
