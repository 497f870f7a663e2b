import { Alert, Button, Drawer, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { ClockTimeInput } from '../../components/clock-time-input';
import { DayInput } from '../../components/day-input';
import { api, ApiError, unwrap } from '../../lib/api/client';
import { isClockTime } from '../../lib/clock-time';
import { formatDateTime, formatTime } from '../../lib/format';
import type { ShiftMove } from './schedule-grid';
import type { GridAgent } from './schedule-grid';
import type { Shift } from './use-planner';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

/**
 * A shift edit before it is saved: where the shift would go, and the service's rule check of it
 * (a dry run of the same PATCH). Saving sends the PATCH; a refusal names the rule.
 */
export function ShiftEditor({
  scheduleId,
  shift,
  draft,
  onDraft,
  onClose,
  agents,
  timeZone,
  editable,
}: {
  scheduleId: string;
  shift: Shift | null;
  draft: ShiftMove | null;
  onDraft: (move: ShiftMove) => void;
  onClose: () => void;
  agents: GridAgent[];
  timeZone: string;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const queryClient = useQueryClient();
  const changed =
    !!shift &&
    !!draft &&
    (draft.agentId !== shift.agentId ||
      draft.start !== Date.parse(shift.startsAt) ||
      draft.end !== Date.parse(shift.endsAt));
  const body = draft
    ? {
        agentId: draft.agentId,
        startsAt: new Date(draft.start).toISOString(),
        endsAt: new Date(draft.end).toISOString(),
      }
    : null;
  const patch = async (dryRun: boolean) =>
    unwrap(
      await api.PATCH('/v1/schedules/{id}/shifts/{shiftId}', {
        params: {
          path: { id: scheduleId, shiftId: shift!.id },
          query: (dryRun ? { dryRun: true } : {}) as never,
        },
        body: body!,
      }),
    );
  const check = useQuery({
    queryKey: ['shift-check', scheduleId, shift?.id, body],
    enabled: editable && changed,
    retry: false,
    gcTime: 0,
    queryFn: () => patch(true),
  });
  const save = useMutation({
    mutationFn: () => patch(false),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['schedule', scheduleId] });
      onClose();
    },
  });
  const name = (id: string) => agents.find((a) => a.id === id)?.name ?? id.slice(0, 8);
  const refusal = (e: unknown) => {
    if (!(e instanceof ApiError)) return String(e);
    const rule = (e.details as { rule?: string } | undefined)?.rule;
    if (e.code === 'OUTSIDE_SCHEDULE') return t('edit.outsideSchedule');
    return rule
      ? t('edit.refusedRule', { rule: t(`rules.${rule}`, { defaultValue: rule }), code: rule })
      : t('edit.refused', { code: e.code });
  };
  const setTime = (which: 'start' | 'end', value: string) => {
    if (!draft) return;
    const at = DateTime.fromFormat(value, LOCAL, { zone: timeZone });
    if (!at.isValid) return;
    const ms = at.toMillis();
    if (which === 'start') onDraft({ ...draft, start: ms, end: ms + (draft.end - draft.start) });
    else onDraft({ ...draft, end: ms });
  };
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toFormat(LOCAL);
  const error = save.error ?? check.error;
  return (
    <Drawer
      opened={!!shift && !!draft}
      onClose={onClose}
      position="right"
      title={t(editable ? 'edit.title' : 'edit.viewTitle')}
      size="md"
      // Light, so the dashed shift on the grid shows where the edit would put it.
      overlayProps={{ backgroundOpacity: 0.15 }}
    >
      {shift && draft && (
        <Stack>
          <Text size="sm">
            {t('edit.was', {
              name: name(shift.agentId),
              when: formatDateTime(shift.startsAt, i18n.language, timeZone),
              end: formatTime(shift.endsAt, i18n.language, timeZone),
            })}
          </Text>
          <NativeSelect
            label={t('edit.agent')}
            disabled={!editable}
            value={draft.agentId}
            onChange={(e) => onDraft({ ...draft, agentId: e.currentTarget.value })}
            data={agents.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Stack gap="xs">
            {(['start', 'end'] as const).map((which) => {
              // A day and a 24-hour time in the site's zone (a browser's own date-time field
              // would speak the browser's language: 04:30 PM).
              const [day, time] = local(draft[which]).split('T');
              return (
                <Group key={which} grow align="flex-start">
                  <DayInput
                    label={t(`edit.${which}Day`)}
                    disabled={!editable}
                    value={day}
                    onChange={(d) => d && setTime(which, `${d}T${time}`)}
                  />
                  <ClockTimeInput
                    label={t(`edit.${which}`)}
                    disabled={!editable}
                    value={time}
                    onChange={(v) => isClockTime(v) && setTime(which, `${day}T${v}`)}
                  />
                </Group>
              );
            })}
          </Stack>
          {shift.breaks.length > 0 && !changed && (
            <Text size="sm" c="dimmed">
              {t('edit.breaks', {
                breaks: shift.breaks
                  .map(
                    (b) =>
                      `${t(`breakKind.${b.kind}`)} ${formatTime(b.startsAt, i18n.language, timeZone)}–${formatTime(b.endsAt, i18n.language, timeZone)}`,
                  )
                  .join(', '),
              })}
            </Text>
          )}
          {editable && changed && (
            <div data-testid="rule-check" role="status" aria-live="polite">
              {check.isFetching && (
                <Group gap="xs">
                  <Loader size="xs" />
                  <Text size="sm">{t('edit.checking')}</Text>
                </Group>
              )}
              {!check.isFetching && check.isSuccess && !save.error && (
                <Alert color="green" title={t('edit.ok')}>
                  {t('edit.okBody', {
                    name: name(check.data.agentId),
                    when: formatDateTime(check.data.startsAt, i18n.language, timeZone),
                    end: formatTime(check.data.endsAt, i18n.language, timeZone),
                    breaks:
                      check.data.breaks
                        .map(
                          (b) =>
                            `${t(`breakKind.${b.kind}`)} ${formatTime(b.startsAt, i18n.language, timeZone)}–${formatTime(b.endsAt, i18n.language, timeZone)}`,
                        )
                        .join(', ') || t('edit.noBreaks'),
                  })}
                </Alert>
              )}
              {!check.isFetching && error && (
                <Alert color="red" title={refusal(error)}>
                  <Text size="sm">{error.message}</Text>
                </Alert>
              )}
            </div>
          )}
          {editable && (
            <Group>
              <Button
                disabled={!changed || !check.isSuccess || check.isFetching}
                loading={save.isPending}
                onClick={() => save.mutate()}
              >
                {t('edit.save')}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t('edit.cancel')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
