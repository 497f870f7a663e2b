import {
  ActionIcon,
  Alert,
  Button,
  Chip,
  Drawer,
  Group,
  NativeSelect,
  NumberInput,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialectName } from '../../lib/i18n/tag-names';
import { ClockTimeInput } from '../../components/clock-time-input';
import { api, unwrap } from '../../lib/api/client';
import { isClockTime } from '../../lib/clock-time';
import type { components } from '../../lib/api/schema';
import type { Agent } from './use-planner';

type Profile = components['schemas']['WorkProfileDto'];
const PAGE = 15;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Contracts, availability and preferences per agent: a table, and a drawer to edit one. */
export function WorkProfilesPanel({ agents }: { agents: Agent[] }) {
  const { t } = useTranslation('scheduler');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Agent | null>(null);
  const rows = agents.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('profiles.title')}
      </Title>
      <Table striped data-testid="profiles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('profiles.agent')}</Table.Th>
            <Table.Th>{t('profiles.dialects')}</Table.Th>
            <Table.Th>{t('profiles.contract')}</Table.Th>
            <Table.Th>{t('profiles.availability')}</Table.Th>
            <Table.Th>{t('profiles.preferences')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <ProfileRow key={a.id} agent={a} onEdit={() => setEditing(a)} />
          ))}
        </Table.Tbody>
      </Table>
      {agents.length > PAGE && (
        <Pagination
          mt="sm"
          total={Math.ceil(agents.length / PAGE)}
          value={page}
          onChange={setPage}
        />
      )}
      <ProfileDrawer agent={editing} onClose={() => setEditing(null)} />
    </Paper>
  );
}

function useProfile(agentId: string | undefined) {
  return useQuery({
    queryKey: ['work-profile', agentId],
    enabled: !!agentId,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/agents/{agentId}/work-profile', {
          params: { path: { agentId: agentId! } },
        }),
      ),
  });
}

function ProfileRow({ agent, onEdit }: { agent: Agent; onEdit: () => void }) {
  const { t } = useTranslation('scheduler');
  const dialectName = useDialectName();
  const p = useProfile(agent.id).data;
  const day = (n: number) => t(`weekday.${n}`);
  return (
    <Table.Tr>
      <Table.Td>{agent.displayName}</Table.Td>
      <Table.Td>
        {agent.dialects
          .map((d) => `${dialectName(d.tag)} ${d.proficiency}`)
          .join(t('listSeparator', { ns: 'translation' }))}
      </Table.Td>
      <Table.Td>
        {p && (p.minWeeklyHours != null || p.maxWeeklyHours != null)
          ? t('profiles.hours', { min: p.minWeeklyHours ?? 0, max: p.maxWeeklyHours ?? '—' })
          : t('profiles.siteRules')}
      </Table.Td>
      <Table.Td>
        {p?.unavailability.length
          ? p.unavailability.map((u) => `${day(u.weekday)} ${u.start}–${u.end}`).join(', ')
          : t('profiles.always')}
      </Table.Td>
      <Table.Td>
        {[
          p?.preferredStartWindow ? t('profiles.starts', p.preferredStartWindow) : null,
          p?.preferredDaysOff.length
            ? t('profiles.daysOff', { days: p.preferredDaysOff.map(day).join(', ') })
            : null,
        ]
          .filter(Boolean)
          .join('; ') || '—'}
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          onClick={onEdit}
          aria-label={t('profiles.editFor', { name: agent.displayName })}
        >
          {t('profiles.edit')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

type Form = {
  minWeeklyHours: number | '';
  maxWeeklyHours: number | '';
  earliest: string;
  latest: string;
  daysOff: string[];
  unavailability: Array<{ weekday: number; start: string; end: string }>;
};

// Nullable numbers come out of the generator as `Record<string, never>`: read them as numbers.
const hours = (v: unknown): number | '' => (typeof v === 'number' ? v : '');
const toForm = (p: Profile): Form => ({
  minWeeklyHours: hours(p.minWeeklyHours),
  maxWeeklyHours: hours(p.maxWeeklyHours),
  earliest: p.preferredStartWindow?.earliest ?? '',
  latest: p.preferredStartWindow?.latest ?? '',
  daysOff: p.preferredDaysOff.map(String),
  unavailability: p.unavailability.map((u) => ({ ...u })),
});

/** Every time in the form reads as one: the start window both set or both empty, ends up to 24:00. */
const formTimesOk = (f: Form) =>
  ((f.earliest === '' && f.latest === '') || (isClockTime(f.earliest) && isClockTime(f.latest))) &&
  f.unavailability.every((u) => isClockTime(u.start) && isClockTime(u.end, true));

function ProfileDrawer({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation('scheduler');
  const queryClient = useQueryClient();
  const profile = useProfile(agent?.id);
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    setForm(profile.data ? toForm(profile.data) : null);
  }, [profile.data, agent?.id]);
  const save = useMutation({
    mutationFn: async (f: Form) =>
      unwrap(
        await api.PUT('/v1/agents/{agentId}/work-profile', {
          params: { path: { agentId: agent!.id } },
          body: {
            ...(f.minWeeklyHours !== '' ? { minWeeklyHours: f.minWeeklyHours } : {}),
            ...(f.maxWeeklyHours !== '' ? { maxWeeklyHours: f.maxWeeklyHours } : {}),
            ...(f.earliest && f.latest
              ? { preferredStartWindow: { earliest: f.earliest, latest: f.latest } }
              : {}),
            preferredDaysOff: f.daysOff.map(Number),
            unavailability: f.unavailability,
          },
        }),
      ),
    onSuccess: (p) => {
      queryClient.setQueryData(['work-profile', p.agentId], p);
      onClose();
    },
  });
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));
  return (
    <Drawer
      opened={!!agent}
      onClose={onClose}
      position="right"
      size="md"
      title={agent ? t('profiles.drawerTitle', { name: agent.displayName }) : ''}
    >
      {form && (
        <Stack>
          <Group grow>
            <NumberInput
              label={t('profiles.minHours')}
              min={0}
              max={168}
              value={form.minWeeklyHours}
              onChange={(v) => set({ minWeeklyHours: v === '' ? '' : Number(v) })}
            />
            <NumberInput
              label={t('profiles.maxHours')}
              min={1}
              max={168}
              value={form.maxWeeklyHours}
              onChange={(v) => set({ maxWeeklyHours: v === '' ? '' : Number(v) })}
            />
          </Group>
          <Group grow align="flex-start">
            <ClockTimeInput
              label={t('profiles.earliest')}
              placeholder=""
              value={form.earliest}
              onChange={(earliest) => set({ earliest })}
            />
            <ClockTimeInput
              label={t('profiles.latest')}
              placeholder=""
              value={form.latest}
              onChange={(latest) => set({ latest })}
            />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4} id="days-off-label">
              {t('profiles.preferredDaysOff')}
            </Text>
            <Chip.Group multiple value={form.daysOff} onChange={(v) => set({ daysOff: v })}>
              <Group gap={6} role="group" aria-labelledby="days-off-label">
                {WEEKDAYS.map((d) => (
                  <Chip key={d} value={String(d)} size="xs">
                    {t(`weekday.${d}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('profiles.unavailable')}
            </Text>
            <Stack gap={6}>
              {form.unavailability.map((u, i) => (
                <Group key={i} gap={6} wrap="nowrap" align="flex-start">
                  <NativeSelect
                    w={96}
                    label={t('profiles.weekdayN', { n: i + 1 })}
                    value={String(u.weekday)}
                    onChange={(e) =>
                      set({
                        unavailability: form.unavailability.map((x, k) =>
                          k === i ? { ...x, weekday: Number(e.currentTarget.value) } : x,
                        ),
                      })
                    }
                    data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))}
                  />
                  <ClockTimeInput
                    w={92}
                    label={t('profiles.from')}
                    value={u.start}
                    onChange={(start) =>
                      set({
                        unavailability: form.unavailability.map((x, k) =>
                          k === i ? { ...x, start } : x,
                        ),
                      })
                    }
                  />
                  <ClockTimeInput
                    w={92}
                    endOfDay
                    label={t('profiles.to')}
                    value={u.end}
                    onChange={(end) =>
                      set({
                        unavailability: form.unavailability.map((x, k) =>
                          k === i ? { ...x, end } : x,
                        ),
                      })
                    }
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('profiles.remove')}
                    onClick={() =>
                      set({ unavailability: form.unavailability.filter((_, k) => k !== i) })
                    }
                    mt={26}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="xs"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  set({
                    unavailability: [
                      ...form.unavailability,
                      { weekday: 1, start: '18:00', end: '24:00' },
                    ],
                  })
                }
              >
                {t('profiles.addUnavailable')}
              </Button>
            </Stack>
          </div>
          {save.error && (
            <Alert color="red" role="alert">
              {t('failed', { message: save.error.message })}
            </Alert>
          )}
          <Group>
            <Button
              loading={save.isPending}
              disabled={!formTimesOk(form)}
              onClick={() => save.mutate(form)}
            >
              {t('profiles.save')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('edit.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
