import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../lib/api/client';
import { formatNumber } from '../../lib/format';
import {
  fieldProblem,
  formToSettings,
  refusedFields,
  SETTING_FIELDS,
  SETTING_RULES,
  settingsChanged,
  settingsToForm,
  type FieldProblem,
  type SettingField,
  type SettingsForm,
} from './planning-settings';

/**
 * The team's planning settings, read and changed: the service target, shrinkage, the occupancy limit
 * and the wellbeing fallbacks that turn the forecast into staffing. Saved, the staffing refreshes.
 */
export function PlanningSettingsCard({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation('scheduler');
  const queryClient = useQueryClient();
  const stored = useQuery({
    queryKey: ['planning-settings', teamId],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/teams/{teamId}/planning-settings', { params: { path: { teamId } } }),
      ),
  });
  const [form, setForm] = useState<SettingsForm | null>(null);
  // The form starts from what is stored, and again after each save.
  useEffect(() => {
    if (stored.data) setForm(settingsToForm(stored.data));
  }, [stored.data]);
  const save = useMutation({
    mutationFn: async (body: NonNullable<ReturnType<typeof formToSettings>>) =>
      unwrap(
        await api.PUT('/v1/teams/{teamId}/planning-settings', {
          params: { path: { teamId } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['planning-settings', teamId], saved);
      void queryClient.invalidateQueries({ queryKey: ['preview', teamId] });
    },
  });
  const problemText = (p: FieldProblem) => {
    const n = (x: number) => formatNumber(x, i18n.language, { maximumFractionDigits: 2 });
    return p.problem === 'range'
      ? t('settings.problems.range', { min: n(p.min), max: n(p.max) })
      : t(`settings.problems.${p.problem}`, p.problem === 'decimals' ? { count: p.decimals } : {});
  };
  const refusal = (e: Error) => {
    const fields = e instanceof ApiError ? refusedFields(e.details) : [];
    return fields.length
      ? t('settings.refusedFields', { fields: fields.map((f) => t(`settings.${f}`)).join(', ') })
      : t('settings.refused', {
          code: e instanceof ApiError ? e.code : '',
          message: e.message,
        });
  };
  const body = form && formToSettings(form);
  const changed = !!form && !!stored.data && settingsChanged(form, stored.data);
  const set = (field: SettingField, v: number | string) => {
    save.reset();
    setForm((f) => (f ? { ...f, [field]: v === '' || typeof v === 'number' ? v : Number(v) } : f));
  };
  return (
    <Paper withBorder p="md" data-testid="planning-settings">
      <Stack>
        <div>
          <Title order={3} size="h4">
            {t('settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.intro')}
          </Text>
        </div>
        {stored.error && (
          <Alert color="red" role="alert">
            {t('failed', { message: stored.error.message })}
          </Alert>
        )}
        {form && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              {SETTING_FIELDS.map((field) => {
                const rule = SETTING_RULES[field];
                const problem = fieldProblem(field, form[field]);
                return (
                  <NumberInput
                    key={field}
                    label={t(`settings.${field}`)}
                    description={t(`settings.help.${field}`)}
                    value={form[field]}
                    onChange={(v) => set(field, v)}
                    min={rule.min}
                    max={rule.max}
                    decimalScale={rule.decimals}
                    // Out-of-range values stay as typed and are named, not silently clamped.
                    clampBehavior="none"
                    allowDecimal={rule.decimals > 0}
                    allowNegative={false}
                    placeholder={rule.optional ? t('settings.teamCap') : undefined}
                    error={problem ? problemText(problem) : undefined}
                  />
                );
              })}
            </SimpleGrid>
            {save.error && (
              <Alert color="red" role="alert">
                {refusal(save.error)}
              </Alert>
            )}
            {save.isSuccess && !changed && (
              <Alert color="green" role="status">
                {t('settings.saved')}
              </Alert>
            )}
            <Group>
              <Button
                disabled={!body || !changed}
                loading={save.isPending}
                onClick={() => body && save.mutate(body)}
              >
                {t('settings.save')}
              </Button>
              <Button
                variant="default"
                disabled={!changed}
                onClick={() => {
                  save.reset();
                  if (stored.data) setForm(settingsToForm(stored.data));
                }}
              >
                {t('settings.undo')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
