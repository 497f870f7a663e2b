import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { useSites } from './admin-data';
import { ApiErrorAlert } from './api-error-alert';

type Rules = Required<components['schemas']['LabourRulesDto']>;
const FIELDS: Array<keyof Rules> = [
  'minShiftMinutes',
  'maxShiftMinutes',
  'maxDailyWorkMinutes',
  'maxWeeklyWorkMinutes',
  'maxMonthlyOvertimeMinutes',
  'minDaysOffPerWeek',
  'minRestMinutesBetweenShifts',
  'maxConsecutiveWorkDays',
  'mealBreakAfterShiftMinutes',
  'mealBreakMinMinutes',
  'mealBreakMaxMinutes',
  'mealBreakEarliestStartMinutes',
  'mealBreakLatestStartMinutes',
  'restBreakMinutes',
  'restBreakPerWorkedMinutes',
  'solverTimeLimitSeconds',
];

/** A site's labour rules: every schedule of its teams must keep them. */
export function LabourRules() {
  const { t } = useTranslation('admin');
  const sites = useSites();
  const [siteId, setSiteId] = useState('');
  const chosen = siteId || sites.data?.items[0]?.id || '';
  if (!chosen) return <Text c="dimmed">{t('sites.none')}</Text>;
  return (
    <Stack maw={900}>
      <Text size="sm">{t('labour.intro')}</Text>
      <NativeSelect
        label={t('labour.site')}
        value={chosen}
        onChange={(e) => setSiteId(e.currentTarget.value)}
        data={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        maw={360}
      />
      <RulesEditor key={chosen} siteId={chosen} />
    </Stack>
  );
}

function RulesEditor({ siteId }: { siteId: string }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const rules = useQuery({
    queryKey: ['labour-rules', siteId],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/sites/{siteId}/labour-rules', { params: { path: { siteId } } }),
      ) as Rules,
  });
  const [form, setForm] = useState<Rules | null>(null);
  useEffect(() => {
    if (rules.data) setForm(rules.data);
  }, [rules.data]);
  const save = useMutation({
    mutationFn: async (body: Rules) =>
      unwrap(
        await api.PUT('/v1/sites/{siteId}/labour-rules', { params: { path: { siteId } }, body }),
      ) as Rules,
    onSuccess: (data) => client.setQueryData(['labour-rules', siteId], data),
  });
  // 2400 minutes says little at a glance; 40 h does.
  const inHours = (key: string, minutes: number) => {
    if (!key.includes('Minutes') || !(minutes >= 60)) return '';
    const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
    return ` · ${rest ? t('labour.hoursMinutes', { hours, minutes: rest }) : t('labour.hours', { hours })}`;
  };
  if (!form) return <Text c="dimmed">{t('loading')}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {FIELDS.map((key) => (
            <NumberInput
              key={key}
              label={t(`fields.${key}`)}
              description={`${t(`labour.help.${key}`)}${inHours(key, form[key])}`}
              value={form[key]}
              onChange={(v) => {
                setForm({ ...form, [key]: typeof v === 'number' ? v : Number(v) });
                save.reset();
              }}
              allowDecimal={false}
              min={0}
            />
          ))}
        </SimpleGrid>
        <ApiErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t('labour.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
