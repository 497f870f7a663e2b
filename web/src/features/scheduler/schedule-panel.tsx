import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialectName } from '../../lib/i18n/tag-names';
import { api, unwrap } from '../../lib/api/client';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../../lib/format';
import { useLineName } from './line-name';
import { CoverageStrips } from './coverage-strips';
import {
  coverageByDialect,
  gridWindow,
  horizonDays,
  layoutBars,
  shortOf,
  type Day,
} from './planner-model';
import { NAME_WIDTH, ScheduleGrid, type GridAgent, type ShiftMove } from './schedule-grid';
import { ShiftEditor } from './shift-editor';
import { useRequirementsPreview, useTeamSchedules, type Agent, type Schedule } from './use-planner';
import { solverStatusParts } from './solver-status';

const MIN_DAY_WIDTH = 110;

/** Generate (with progress), pick a schedule, see it as a grid with coverage, diagnostics, publish. */
export function SchedulePanel({
  teamId,
  startDate,
  days,
  intervalMinutes,
  timeZone,
  agents,
  scheduleId,
  onSchedule,
  onForecast,
}: {
  teamId: string;
  startDate: string;
  days: number;
  intervalMinutes: number;
  timeZone: string;
  agents: Agent[];
  scheduleId: string | null;
  onSchedule: (id: string) => void;
  /** Opens the forecast tab (where a missing forecast is uploaded). */
  onForecast: () => void;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const queryClient = useQueryClient();
  const list = useTeamSchedules(teamId);
  const selected = scheduleId ?? list.data?.items[0]?.id ?? null;
  const schedule = useQuery({
    queryKey: ['schedule', selected],
    enabled: !!selected,
    queryFn: async () =>
      unwrap(await api.GET('/v1/schedules/{id}', { params: { path: { id: selected! } } })),
    refetchInterval: (q) => (q.state.data?.status === 'solving' ? 700 : false),
  });
  // No forecast for these days: nothing to staff, so a generated schedule would be empty.
  const preview = useRequirementsPreview(teamId, startDate, days, intervalMinutes);
  const noDemand = preview.isSuccess && preview.data.requirements.length === 0;
  const generate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/schedules/generate', {
          body: { teamId, startDate, days, intervalMinutes },
        }),
      ),
    onSuccess: (r) => {
      // Until the first poll answers, the schedule is known to be solving from 0.
      queryClient.setQueryData(['schedule', r.scheduleId], {
        id: r.scheduleId,
        teamId,
        status: 'solving',
        progress: 0,
        startDate,
        days,
        intervalMinutes,
        shifts: [],
        coverage: [],
        violations: [],
        diagnostics: { demandAgentHours: 0, capacityAgentHours: 0, reasons: [] },
      } satisfies Schedule);
      onSchedule(r.scheduleId);
      void queryClient.invalidateQueries({ queryKey: ['schedules', teamId] });
    },
  });
  // Publishing tells every agent of the team and cannot be taken back: it is confirmed first.
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/v1/schedules/{id}/publish', { params: { path: { id } } })),
    onSuccess: (s) => {
      setConfirming(false);
      queryClient.setQueryData(['schedule', s.id], s);
      void queryClient.invalidateQueries({ queryKey: ['schedules', teamId] });
    },
  });
  const s = schedule.data;
  // The list names each schedule's status: refresh it when this one's changes (solved, published).
  const status = s?.status;
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: ['schedules', teamId] });
  }, [status, queryClient, teamId]);
  const statusLabel = (status: string) => t(`status.${status}`, { defaultValue: status });
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <NativeSelect
              label={t('schedule.pick')}
              value={selected ?? ''}
              onChange={(e) => onSchedule(e.currentTarget.value)}
              data={
                list.data?.items.length
                  ? list.data.items.map((x) => ({
                      value: x.id,
                      label: t('schedule.option', {
                        date: formatDate(`${x.startDate}T12:00:00Z`, i18n.language, 'UTC'),
                        days: x.days,
                        status: statusLabel(x.status),
                      }),
                    }))
                  : [{ value: '', label: t('schedule.noneYet') }]
              }
              miw={280}
            />
            <Button
              onClick={() => generate.mutate()}
              loading={generate.isPending}
              disabled={noDemand}
            >
              {t('schedule.generate', { count: days })}
            </Button>
          </Group>
          {s && (
            <Group>
              <Badge
                size="lg"
                color={s.status === 'published' ? 'green' : s.status === 'failed' ? 'red' : 'blue'}
                data-testid="schedule-status"
              >
                {statusLabel(s.status)}
              </Badge>
              {s.status === 'draft' && (
                <Button
                  color="green"
                  disabled={s.shifts.length === 0}
                  title={s.shifts.length === 0 ? t('schedule.nothingToPublish') : undefined}
                  onClick={() => {
                    publish.reset();
                    setConfirming(true);
                  }}
                >
                  {t('schedule.publish')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {noDemand && (
          <Alert color="yellow" mt="sm" data-testid="no-forecast">
            <Group justify="space-between">
              <Text size="sm">{t('schedule.noForecast')}</Text>
              <Button size="xs" variant="light" onClick={onForecast}>
                {t('schedule.toForecast')}
              </Button>
            </Group>
          </Alert>
        )}
        {generate.error && (
          <Alert color="red" mt="sm" role="alert">
            {t('failed', { message: generate.error.message })}
          </Alert>
        )}
        {s && (
          <Modal
            opened={confirming}
            onClose={() => setConfirming(false)}
            title={t('schedule.confirmTitle')}
          >
            <Stack>
              <Text>
                {t('schedule.confirmWhat', {
                  count: s.days,
                  start: formatDate(`${s.startDate}T12:00:00Z`, i18n.language, 'UTC'),
                  shifts: s.shifts.length,
                  agents: new Set(s.shifts.map((x) => x.agentId)).size,
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('schedule.confirmWho', { count: agents.length })}
              </Text>
              {publish.error && (
                <Alert color="red" role="alert">
                  {t('failed', { message: publish.error.message })}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('edit.cancel')}
                </Button>
                <Button
                  color="green"
                  loading={publish.isPending}
                  onClick={() => publish.mutate(s.id)}
                >
                  {t('schedule.confirmPublish')}
                </Button>
              </Group>
            </Stack>
          </Modal>
        )}
        {s?.status === 'draft' && s.shifts.length === 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('schedule.nothingToPublish')}
          </Text>
        )}
        {s?.status === 'solving' && (
          <Stack gap={4} mt="md">
            <Text size="sm">
              {t('schedule.solving', {
                pct: formatNumber(s.progress ?? 0, i18n.language, { style: 'percent' }),
              })}
            </Text>
            {/* A sliver from the start: at 0% the bar would be invisible while the solver sets up. */}
            <Progress
              value={Math.max(3, Math.round((s.progress ?? 0) * 100))}
              animated
              size="lg"
              aria-label={t('schedule.progress')}
              data-testid="generate-progress"
            />
          </Stack>
        )}
      </Paper>
      {s && s.status !== 'solving' && (
        <ScheduleView schedule={s} agents={agents} timeZone={timeZone} />
      )}
    </Stack>
  );
}

function ScheduleView({
  schedule,
  agents,
  timeZone,
}: {
  schedule: Schedule;
  agents: Agent[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation('scheduler');
  const locale = i18n.language;
  const days = useMemo(
    () => horizonDays(schedule.startDate, schedule.days, timeZone),
    [schedule.startDate, schedule.days, timeZone],
  );
  const [draft, setDraft] = useState<ShiftMove | null>(null);
  const shifts = schedule.shifts;
  const byId = useMemo(() => new Map(shifts.map((x) => [x.id, x])), [shifts]);
  // The shift being edited sits where the edit would put it, dashed, until saved or cancelled.
  const shown = useMemo(
    () =>
      draft
        ? shifts.map((x) =>
            x.id === draft.shiftId
              ? {
                  ...x,
                  agentId: draft.agentId,
                  startsAt: new Date(draft.start).toISOString(),
                  endsAt: new Date(draft.end).toISOString(),
                  breaks: [],
                }
              : x,
          )
        : shifts,
    [shifts, draft],
  );
  const window = useMemo(() => gridWindow(shifts, days), [shifts, days]);
  const bars = useMemo(() => layoutBars(shown, days, window), [shown, days, window]);
  const gridAgents: GridAgent[] = useMemo(() => {
    const known = agents.map((a) => ({ id: a.id, name: a.displayName }));
    const ids = new Set(known.map((a) => a.id));
    for (const x of shifts)
      if (!ids.has(x.agentId)) {
        ids.add(x.agentId);
        known.push({ id: x.agentId, name: x.agentId.slice(0, 8) });
      }
    return known;
  }, [agents, shifts]);
  const names = useMemo(() => new Map(gridAgents.map((a) => [a.id, a.name])), [gridAgents]);
  const { ref, width } = useElementSize();
  const dayWidth = Math.max(
    MIN_DAY_WIDTH,
    Math.floor((Math.max(width, 600) - NAME_WIDTH - 16) / days.length),
  );
  const dayLabel = useCallback(
    (d: Day) =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'short',
        month: 'numeric',
        day: 'numeric',
      }).format(new Date(d.start + 12 * 3_600_000)),
    [locale, timeZone],
  );
  const describe = useCallback(
    (id: string) => {
      const x = byId.get(id);
      if (!x) return '';
      const breaks = x.breaks
        .map(
          (b) =>
            `${t(`breakKind.${b.kind}`)} ${formatTime(b.startsAt, locale, timeZone)}–${formatTime(b.endsAt, locale, timeZone)}`,
        )
        .join(', ');
      return t('grid.shift', {
        name: names.get(x.agentId) ?? '',
        when: formatDateTime(x.startsAt, locale, timeZone),
        end: formatTime(x.endsAt, locale, timeZone),
        breaks: breaks || t('edit.noBreaks'),
      });
    },
    [byId, names, locale, timeZone, t],
  );
  const describeMove = useCallback(
    (m: ShiftMove) =>
      t('grid.moveTo', {
        name: names.get(m.agentId) ?? '',
        when: formatDateTime(new Date(m.start), locale, timeZone),
        end: formatTime(new Date(m.end), locale, timeZone),
      }),
    [names, locale, timeZone, t],
  );
  const lengthOf = useCallback(
    (id: string) => {
      const x = byId.get(id)!;
      return (Date.parse(x.endsAt) - Date.parse(x.startsAt)) / 60_000;
    },
    [byId],
  );
  const editable = schedule.status === 'draft' || schedule.status === 'published';
  const onOpen = useCallback(
    (id: string) => {
      const x = byId.get(id);
      if (x)
        setDraft({
          shiftId: id,
          agentId: x.agentId,
          start: Date.parse(x.startsAt),
          end: Date.parse(x.endsAt),
        });
    },
    [byId],
  );
  const coverage = useMemo(() => coverageByDialect(schedule.coverage), [schedule.coverage]);
  const dialectName = useLineName();
  const coverageWords = useCallback(
    (d: string) => {
      const f = shortOf(coverage.get(d) ?? []);
      return f.shortIntervals === 0
        ? t('coverage.met', { who: dialectName(d), intervals: f.intervals })
        : t('coverage.short', {
            who: dialectName(d),
            intervals: f.intervals,
            short: f.shortIntervals,
            agentIntervals: f.shortAgentIntervals,
          });
    },
    [coverage, dialectName, t],
  );
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t('grid.title', { agents: gridAgents.length, shifts: shifts.length })}
            </Title>
            <Text size="xs" c="dimmed">
              {editable ? t('grid.hint') : t('grid.readOnly')}
            </Text>
          </Group>
          <div ref={ref} style={{ overflowX: 'auto' }}>
            <ScheduleGrid
              scheduleId={schedule.id}
              agents={gridAgents}
              bars={bars}
              days={days}
              window={window}
              dayWidth={dayWidth}
              intervalMinutes={schedule.intervalMinutes}
              timeZone={timeZone}
              locale={locale}
              describe={describe}
              describeMove={describeMove}
              lengthOf={lengthOf}
              dayLabel={dayLabel}
              editable={editable}
              pendingShiftId={draft?.shiftId}
              onMove={setDraft}
              onOpen={onOpen}
              label={t('grid.agents')}
            />
            <Title order={4} size="h6" mt="sm" mb={4}>
              {t('coverage.title')}
            </Title>
            <CoverageStrips
              byDialect={coverage}
              days={days}
              window={window}
              dayWidth={dayWidth}
              intervalMinutes={schedule.intervalMinutes}
              nameOf={dialectName}
              describe={coverageWords}
            />
          </div>
          <Text size="xs" c="dimmed">
            {t('coverage.legend')}
          </Text>
          <List size="sm" data-testid="coverage-words">
            {[...coverage.keys()].map((d) => (
              <List.Item key={d}>{coverageWords(d)}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      <Diagnostics schedule={schedule} names={names} />
      <ShiftEditor
        scheduleId={schedule.id}
        shift={draft ? (byId.get(draft.shiftId) ?? null) : null}
        draft={draft}
        onDraft={setDraft}
        onClose={() => setDraft(null)}
        agents={gridAgents}
        timeZone={timeZone}
        editable={editable}
      />
    </Stack>
  );
}

/** The schedule's diagnostics in words: why it falls short, and what the solver did. */
function Diagnostics({ schedule, names }: { schedule: Schedule; names: Map<string, string> }) {
  const { t, i18n } = useTranslation('scheduler');
  const dialectName = useDialectName();
  const solverStatusWords = (status: string) =>
    solverStatusParts(status)
      .map((part) =>
        'text' in part
          ? part.text
          : t(`diagnostics.solverPhrases.${part.key}`, {
              ...part.params,
              ...(part.params?.status !== undefined && {
                status: t(`diagnostics.solverPhrases.highs.${part.params.status}`, {
                  defaultValue: part.params.status,
                }),
              }),
            }),
      )
      .join(t('diagnostics.solverPhrases.separator'));
  const d = schedule.diagnostics;
  const num = (v: number) => formatNumber(v, i18n.language, { maximumFractionDigits: 1 });
  const pct = (v: number) =>
    formatNumber(v, i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const reason = (r: { code: string; message: string; details?: Record<string, unknown> }) => {
    const x = r.details ?? {};
    const values: Record<string, unknown> = { ...x };
    for (const [k, v] of Object.entries(x)) if (typeof v === 'number') values[k] = num(v);
    for (const k of ['share', 'countedShare', 'breakShare'])
      if (typeof x[k] === 'number') values[k] = pct(x[k]);
    if (typeof x.days === 'number') values.count = x.days; // "on 1 day" / "on 3 days"
    if (typeof x.dialect === 'string') values.who = dialectName(x.dialect);
    else values.who = t('allCalls');
    return t(`reasons.${r.code}`, { ...values, defaultValue: r.message });
  };
  const unassigned = d.unassignedAgents ?? [];
  // The first few by name, in the language's list style, then how many more.
  const namesInShort = (all: string[]) => {
    const shown = all.slice(0, 5).join(t('listSeparator', { ns: 'translation' }));
    return all.length > 5
      ? t('diagnostics.andMore', { names: shown, count: all.length - 5 })
      : shown;
  };
  return (
    <Paper withBorder p="md" data-testid="diagnostics">
      <Title order={3} size="h4" mb="xs">
        {t('diagnostics.title')}
      </Title>
      <Stack gap={6}>
        <Text>
          {t('diagnostics.demand', {
            demand: num(d.demandAgentHours),
            capacity: num(d.capacityAgentHours),
          })}
        </Text>
        {d.shortfall && (
          <Text>
            {d.shortfall.total.shortAgentIntervals === 0
              ? t('diagnostics.covered')
              : t('diagnostics.shortfall', {
                  short: d.shortfall.total.shortAgentIntervals,
                  required: d.shortfall.total.requiredAgentIntervals,
                  share: pct(d.shortfall.total.share),
                })}
          </Text>
        )}
        {d.solverStatus && (
          <Text size="sm" c="dimmed">
            {t('diagnostics.solver', { status: solverStatusWords(d.solverStatus) })}
          </Text>
        )}
        {unassigned.length > 0 && (
          <Text size="sm">
            {t('diagnostics.unassigned', {
              count: unassigned.length,
              names: namesInShort(unassigned.map((id) => names.get(id) ?? id.slice(0, 8))),
            })}
          </Text>
        )}
        {schedule.failureReason && (
          <Alert color="red">{t('diagnostics.failed', { reason: schedule.failureReason })}</Alert>
        )}
        {d.reasons.length > 0 && (
          <List size="sm" data-testid="diagnostic-reasons">
            {d.reasons.map((r, i) => (
              <List.Item key={i}>{reason(r)}</List.Item>
            ))}
          </List>
        )}
        {d.preferences && (
          <Text size="sm" c="dimmed">
            {t('diagnostics.preferences', { ...d.preferences })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
