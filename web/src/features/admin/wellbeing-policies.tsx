import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { useSites, useTeams } from './admin-data';
import { ApiErrorAlert } from './api-error-alert';
import { explainPolicy, policyProblems, type PolicySettings } from './policy-explanation';

type Policy = Required<PolicySettings>;
type NumberKey = Exclude<keyof Policy, 'recoveryBreaksEnabled' | 'recoveryMinutesBySeverity'>;

const GROUPS: Array<{ title: string; keys: NumberKey[] }> = [
  { title: 'recoveryGroup', keys: ['recoveryFloorMinutes', 'recoveryMaximumMinutes'] },
  {
    title: 'escalationGroup',
    keys: [
      'escalationWindowMinutes',
      'escalationAlertAt',
      'counsellingOfferAt',
      'escalatedRecoveryMinutes',
      'shiftHours',
      'hostileCallsAlertAbove',
    ],
  },
  {
    title: 'breaksGroup',
    keys: [
      'microBreakAfterMinutes',
      'microBreakAfterCalls',
      'microBreakMinutes',
      'teamBreakCapPercent',
      'dailyBreakAllowanceMinutes',
      'occupancyAlertMinutes',
    ],
  },
];

/** Wellbeing policies per site (the default) and per team, edited with the policy in words beside. */
export function WellbeingPolicies() {
  const { t } = useTranslation('admin');
  const sites = useSites();
  const teams = useTeams();
  const [target, setTarget] = useState('');
  const options = [
    ...(sites.data?.items ?? []).map((s) => ({
      value: `site:${s.id}`,
      label: t('policy.siteOption', { name: s.name }),
    })),
    ...(teams.data?.items ?? []).map((tm) => ({
      value: `team:${tm.id}`,
      label: t('policy.teamOption', { name: tm.name }),
    })),
  ];
  const chosen = target || options[0]?.value || '';
  if (!options.length) return <Text c="dimmed">{t('sites.none')}</Text>;
  const [scope, id] = chosen.split(':') as ['site' | 'team', string];
  return (
    <Stack>
      <NativeSelect
        label={t('policy.appliesTo')}
        value={chosen}
        onChange={(e) => setTarget(e.currentTarget.value)}
        data={options}
        maw={420}
      />
      <PolicyEditor key={chosen} scope={scope} id={id} />
    </Stack>
  );
}

function PolicyEditor({ scope, id }: { scope: 'site' | 'team'; id: string }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const view = useQuery({
    queryKey: ['wellbeing-policy', scope, id],
    queryFn: async () =>
      scope === 'team'
        ? unwrap(
            await api.GET('/v1/wellbeing/policies/teams/{teamId}', {
              params: { path: { teamId: id } },
            }),
          )
        : unwrap(
            await api.GET('/v1/wellbeing/policies/sites/{siteId}', {
              params: { path: { siteId: id } },
            }),
          ),
  });
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    if (view.data) setPolicy(view.data.policy as Policy);
  }, [view.data]);
  const save = useMutation({
    mutationFn: async (body: Policy) =>
      scope === 'team'
        ? unwrap(
            await api.PUT('/v1/wellbeing/policies/teams/{teamId}', {
              params: { path: { teamId: id } },
              body: body as never,
            }),
          )
        : unwrap(
            await api.PUT('/v1/wellbeing/policies/sites/{siteId}', {
              params: { path: { siteId: id } },
              body: body as never,
            }),
          ),
    onSuccess: (data) => {
      client.setQueryData(['wellbeing-policy', scope, id], data);
      void client.invalidateQueries({ queryKey: ['wellbeing-policy'] });
    },
  });
  if (!policy || !view.data) return <Text c="dimmed">{t('loading')}</Text>;
  const problems = policyProblems(policy);
  const set = <K extends keyof Policy>(key: K, value: Policy[K]) => {
    setPolicy({ ...policy, [key]: value });
    save.reset();
  };
  const numberField = (key: NumberKey) => (
    <NumberInput
      key={key}
      label={t(`fields.${key}`)}
      value={policy[key]}
      onChange={(v) => set(key, typeof v === 'number' ? v : Number(v))}
      allowDecimal={false}
      min={0}
    />
  );
  return (
    <Grid gutter="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!problems.length) save.mutate(policy);
          }}
        >
          <Stack>
            <Group>
              <Badge variant="light">{t(`policy.source.${view.data.source}`)}</Badge>
            </Group>
            <Switch
              label={t('fields.recoveryBreaksEnabled')}
              description={t('policy.recoveryBreaksHelp')}
              checked={policy.recoveryBreaksEnabled}
              onChange={(e) => set('recoveryBreaksEnabled', e.currentTarget.checked)}
            />
            <Group grow>
              {[0, 1, 2].map((i) => (
                <NumberInput
                  key={i}
                  label={t(`policy.severity.${i + 1}`)}
                  value={policy.recoveryMinutesBySeverity[i]}
                  onChange={(v) =>
                    set(
                      'recoveryMinutesBySeverity',
                      policy.recoveryMinutesBySeverity.map((m, j) =>
                        j === i ? (typeof v === 'number' ? v : Number(v)) : m,
                      ),
                    )
                  }
                  allowDecimal={false}
                  min={1}
                  suffix={` ${t('minutes')}`}
                  disabled={!policy.recoveryBreaksEnabled}
                />
              ))}
            </Group>
            {GROUPS.map((g) => (
              <Stack key={g.title} gap="xs">
                <Title order={4} size="h6">
                  {t(`policy.${g.title}`)}
                </Title>
                <Group grow align="flex-end">
                  {g.keys.slice(0, 3).map(numberField)}
                </Group>
                {g.keys.length > 3 && (
                  <Group grow align="flex-end">
                    {g.keys.slice(3).map(numberField)}
                  </Group>
                )}
              </Stack>
            ))}
            {problems.length > 0 && (
              <Alert color="orange" role="alert">
                {problems.map((p) => t(`policy.problem.${p}`)).join(' ')}
              </Alert>
            )}
            <ApiErrorAlert error={save.error} />
            {save.isSuccess && (
              <Alert color="green" role="status">
                {t('policy.saved')}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={save.isPending} disabled={problems.length > 0}>
                {t('save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="md" data-testid="policy-explanation">
          <Title order={4} size="h5" mb="sm">
            {t('policy.inWords')}
          </Title>
          <List spacing="xs" size="sm">
            {explainPolicy(policy).map((s) => (
              <List.Item key={s.key}>{t(`policy.explain.${s.key}`, s.values)}</List.Item>
            ))}
          </List>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
