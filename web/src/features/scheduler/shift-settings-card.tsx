import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockTimeInput } from '../../components/clock-time-input';
import { api, unwrap } from '../../lib/api/client';
import {
  hoursReached,
  rowsOf,
  templateProblems,
  templatesOf,
  unchangedSettings,
  type TemplateRow,
} from './shift-templates';

/**
 * The team's shift templates (the only shifts generation may use; none = any within the site's
 * rules) and the consistent-start-times preference.
 */
export function ShiftSettingsCard({ teamId }: { teamId: string }) {
  const { t } = useTranslation('scheduler');
  const queryClient = useQueryClient();
  const key = ['team', teamId, 'shift-settings'];
  const stored = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams/{teamId}/shift-settings', { params: { path: { teamId } } })),
  });
  const [rows, setRows] = useState<TemplateRow[]>([]);
  const [consistent, setConsistent] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!stored.data) return;
    setRows(rowsOf(stored.data.shiftTemplates));
    setConsistent(stored.data.consistentStartTimes);
  }, [stored.data]);
  const problems = templateProblems(rows);
  const templates = templatesOf(rows);
  // Schedules are made of these shifts alone: the hours they leave out get nobody from this team.
  const reached = templates?.length ? hoursReached(templates) : null;
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/v1/teams/{teamId}/shift-settings', {
          params: { path: { teamId } },
          body: { shiftTemplates: templates!, consistentStartTimes: consistent },
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      setSaved(true);
    },
  });
  const edit = (i: number, row: Partial<TemplateRow>) => {
    setSaved(false);
    setRows((list) => list.map((r, k) => (k === i ? { ...r, ...row } : r)));
  };
  return (
    <Paper withBorder p="md" aria-labelledby="shift-settings-title" data-testid="shift-settings">
      <Stack gap="sm">
        <Title id="shift-settings-title" order={3} size="h4">
          {t('shiftSettings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('shiftSettings.hint')}
        </Text>
        {rows.length === 0 && stored.isSuccess && <Text size="sm">{t('shiftSettings.none')}</Text>}
        {rows.map((r, i) => (
          <Group key={i} align="start" gap="sm" data-testid="shift-template">
            <ClockTimeInput
              label={t('shiftSettings.start')}
              value={r.start}
              onChange={(start) => edit(i, { start })}
              w={130}
            />
            <NumberInput
              label={t('shiftSettings.hours')}
              value={r.hours}
              min={0.5}
              max={24}
              step={0.5}
              decimalScale={2}
              onChange={(v) => edit(i, { hours: typeof v === 'number' ? v : '' })}
              error={
                problems[i] && problems[i] !== 'start'
                  ? t(`shiftSettings.problems.${problems[i]}`)
                  : undefined
              }
              w={220}
            />
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={t('shiftSettings.remove', { start: r.start || '—' })}
              onClick={() => {
                setSaved(false);
                setRows((list) => list.filter((_, k) => k !== i));
              }}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {reached && (
          <Text size="sm" data-testid="shift-hours-reached">
            {reached === 'all-day'
              ? t('shiftSettings.reachedAllDay')
              : t('shiftSettings.reached', {
                  hours: reached
                    .map((r) => `${r.from}–${r.to}`)
                    .join(t('listSeparator', { ns: 'translation' })),
                })}
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setSaved(false);
              setRows((list) => [...list, { start: '', hours: 8 }]);
            }}
          >
            {t('shiftSettings.add')}
          </Button>
        </Group>
        <Checkbox
          label={t('shiftSettings.consistent')}
          description={t('shiftSettings.consistentHint')}
          checked={consistent}
          onChange={(e) => {
            setSaved(false);
            setConsistent(e.currentTarget.checked);
          }}
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {t('shiftSettings.failed', { message: (save.error as Error).message })}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" role="status">
            {t('shiftSettings.saved')}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={
              !templates || !stored.data || unchangedSettings(stored.data, templates, consistent)
            }
          >
            {t('shiftSettings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
