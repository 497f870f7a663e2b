import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { timeZones, useSites, useTeams } from './admin-data';
import { EditFooter } from './edit-footer';
import {
  DEFAULT_WEEK,
  pastMidnight,
  rangeProblem,
  sortRanges,
  summariseHours,
  type OpeningRange,
} from './opening-hours';

type Site = components['schemas']['SiteDto'];
type Team = components['schemas']['TeamDto'];

/** Sites (name, time zone, opening hours) and their teams: create, edit, move, deactivate. */
export function SitesAndTeams() {
  const { t } = useTranslation('admin');
  const sites = useSites();
  const teams = useTeams();
  const [site, setSite] = useState<Site | 'new' | null>(null);
  const [team, setTeam] = useState<Team | 'new' | null>(null);
  const siteName = new Map((sites.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('sites.title')}
        </Title>
        <Button variant="light" onClick={() => setSite('new')}>
          {t('sites.new')}
        </Button>
      </Group>
      {!sites.data?.items.length ? (
        <Text c="dimmed">{t('sites.none')}</Text>
      ) : (
        <Table striped data-testid="sites">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sites.name')}</Table.Th>
              <Table.Th>{t('sites.timeZone')}</Table.Th>
              <Table.Th>{t('sites.hours')}</Table.Th>
              <Table.Th>{t('sites.teams')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.name} {!s.active && <Badge color="gray">{t('inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{s.timeZone}</Table.Td>
                <Table.Td>
                  <HoursSummary hours={s.openingHours} />
                </Table.Td>
                <Table.Td>
                  {(teams.data?.items ?? [])
                    .filter((tm) => tm.siteId === s.id)
                    .map((tm) => tm.name)
                    .join(t('listSeparator', { ns: 'translation' }))}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('sites.editNamed', { name: s.name })}
                    onClick={() => setSite(s)}
                  >
                    {t('edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between" mt="lg">
        <Title order={3} size="h4">
          {t('teams.title')}
        </Title>
        <Button variant="light" onClick={() => setTeam('new')} disabled={!sites.data?.items.length}>
          {t('teams.new')}
        </Button>
      </Group>
      {!teams.data?.items.length ? (
        <Text c="dimmed">{t('teams.none')}</Text>
      ) : (
        <Table striped data-testid="teams">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teams.name')}</Table.Th>
              <Table.Th>{t('teams.site')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.items.map((tm) => (
              <Table.Tr key={tm.id}>
                <Table.Td>
                  {tm.name} {!tm.active && <Badge color="gray">{t('inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{siteName.get(tm.siteId) ?? '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('teams.editNamed', { name: tm.name })}
                    onClick={() => setTeam(tm)}
                  >
                    {t('edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {site && <SiteEditor site={site === 'new' ? null : site} onClose={() => setSite(null)} />}
      {team && (
        <TeamEditor
          team={team === 'new' ? null : team}
          sites={sites.data?.items ?? []}
          onClose={() => setTeam(null)}
        />
      )}
    </Stack>
  );
}

function HoursSummary({ hours }: { hours: OpeningRange[] | null }) {
  const { t } = useTranslation('admin');
  if (!hours) return <>{t('sites.alwaysOpen')}</>;
  return (
    <>
      {summariseHours(hours)
        .map((r) => {
          const days =
            r.from === r.to
              ? t(`weekdays.${r.from}`)
              : t('sites.dayRange', { from: t(`weekdays.${r.from}`), to: t(`weekdays.${r.to}`) });
          return `${days} ${r.open}–${r.close}`;
        })
        .join(t('listSeparator', { ns: 'translation' }))}
    </>
  );
}

function SiteEditor({ site, onClose }: { site: Site | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [name, setName] = useState(site?.name ?? '');
  const [timeZone, setTimeZone] = useState<string | null>(site?.timeZone ?? 'Asia/Shanghai');
  const [alwaysOpen, setAlwaysOpen] = useState(site ? site.openingHours === null : true);
  const [hours, setHours] = useState<OpeningRange[]>(
    site?.openingHours ? sortRanges(site.openingHours) : DEFAULT_WEEK,
  );
  const [active, setActive] = useState(site?.active ?? true);
  const save = useMutation({
    mutationFn: async () => {
      const openingHours = alwaysOpen ? null : hours;
      const id = site
        ? site.id
        : unwrap(
            await api.POST('/v1/sites', { body: { name, timeZone: timeZone ?? 'Asia/Shanghai' } }),
          ).id;
      return unwrap(
        await api.PATCH('/v1/sites/{id}', {
          params: { path: { id } },
          body: { name, timeZone: timeZone ?? undefined, openingHours, active } as never,
        }),
      );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['sites'] });
      onClose();
    },
  });
  const problems = alwaysOpen ? [] : hours.map(rangeProblem);
  const invalid =
    !name.trim() || !timeZone || problems.some(Boolean) || (!alwaysOpen && !hours.length);
  const setRange = (i: number, change: Partial<OpeningRange>) =>
    setHours((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Modal opened onClose={onClose} title={site ? t('sites.edit') : t('sites.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('sites.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <Select
            label={t('sites.timeZone')}
            description={t('sites.timeZoneHelp')}
            data={timeZones(site?.timeZone)}
            value={timeZone}
            onChange={setTimeZone}
            searchable
            limit={50}
            nothingFoundMessage={t('sites.noZone')}
          />
          <Switch
            label={t('sites.alwaysOpen')}
            description={t('sites.hoursHelp')}
            checked={alwaysOpen}
            onChange={(e) => setAlwaysOpen(e.currentTarget.checked)}
          />
          {!alwaysOpen && (
            <Stack gap={6} data-testid="opening-hours">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={500} w={90}>
                  {t('sites.weekday')}
                </Text>
                <Text size="sm" fw={500} w={100}>
                  {t('sites.opens')}
                </Text>
                <Text size="sm" fw={500} w={100}>
                  {t('sites.closes')}
                </Text>
              </Group>
              {hours.map((r, i) => (
                <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                  <NativeSelect
                    aria-label={t('sites.weekdayOf', { n: i + 1 })}
                    value={String(r.weekday)}
                    onChange={(e) => setRange(i, { weekday: Number(e.currentTarget.value) })}
                    data={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                      value: String(d),
                      label: t(`weekdays.${d}`),
                    }))}
                    w={90}
                  />
                  <TextInput
                    aria-label={t('sites.opensOf', { n: i + 1 })}
                    value={r.open}
                    onChange={(e) => setRange(i, { open: e.currentTarget.value })}
                    error={problems[i] === 'open' ? t('sites.timeFormat') : undefined}
                    w={100}
                  />
                  <TextInput
                    aria-label={t('sites.closesOf', { n: i + 1 })}
                    value={r.close}
                    onChange={(e) => setRange(i, { close: e.currentTarget.value })}
                    error={problems[i] === 'close' ? t('sites.timeFormat') : undefined}
                    w={100}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={6}
                    aria-label={t('sites.removeRange', { n: i + 1 })}
                    onClick={() => setHours((all) => all.filter((_, j) => j !== i))}
                  >
                    ×
                  </ActionIcon>
                  {!problems[i] && pastMidnight(r) && (
                    <Text size="xs" c="dimmed" mt={8}>
                      {t('sites.nextDay')}
                    </Text>
                  )}
                </Group>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    setHours((all) => [...all, { weekday: 1, open: '09:00', close: '18:00' }])
                  }
                >
                  {t('sites.addRange')}
                </Button>
              </Group>
            </Stack>
          )}
          {site && (
            <Switch
              label={t('sites.active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          <EditFooter
            error={save.error}
            saving={save.isPending}
            disabled={invalid}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function TeamEditor({
  team,
  sites,
  onClose,
}: {
  team: Team | null;
  sites: Site[];
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const [siteId, setSiteId] = useState(team?.siteId ?? sites[0]?.id ?? '');
  const [active, setActive] = useState(team?.active ?? true);
  const save = useMutation({
    mutationFn: async () =>
      team
        ? unwrap(
            await api.PATCH('/v1/teams/{id}', {
              params: { path: { id: team.id } },
              body: { name, siteId, active },
            }),
          )
        : unwrap(await api.POST('/v1/teams', { body: { name, siteId } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['teams'] });
      onClose();
    },
  });
  const moving = team && siteId !== team.siteId;
  return (
    <Modal opened onClose={onClose} title={team ? t('teams.edit') : t('teams.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && siteId) save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('teams.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <NativeSelect
            label={t('teams.site')}
            value={siteId}
            onChange={(e) => setSiteId(e.currentTarget.value)}
            data={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
          {moving && (
            <Text size="sm" c="orange">
              {t('teams.moveNote')}
            </Text>
          )}
          {team && (
            <Switch
              label={t('teams.active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          <EditFooter
            error={save.error}
            saving={save.isPending}
            disabled={!name.trim() || !siteId}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
