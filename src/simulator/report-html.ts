import type { IntervalFigures, StateGroup } from './metrics';
import { STATE_GROUPS } from './metrics';
import type { SimulatorOptions } from './options';
import type { RunResult, RunSummary } from './summary';
import { excludesZero } from './stats';
import { FigureOverSeeds, formatInterval } from './summary-seeds';
import { extraAgentsLines, rosterLines, summaryRows } from './summary-table';
import type { ExtraAgentsResult, RosterFigures } from './simulation';

/** What the report needs of a simulation (the timings and logs are not shown). */
export interface ReportInput {
  options: Pick<
    SimulatorOptions,
    | 'agents'
    | 'days'
    | 'hours'
    | 'seed'
    | 'callsPerDay'
    | 'ahtSeconds'
    | 'patienceSeconds'
    | 'serviceLevelSeconds'
  > & { hostile: { rate: number } };
  runs: Array<Pick<RunResult, 'summary' | 'intervals' | 'hostilePerAgent'>>;
  /** With several seeds: each figure's interval and the paired differences. */
  overSeeds?: { seeds: number; figures: FigureOverSeeds[] };
  /** The schedule played (`--schedule`). */
  roster?: RosterFigures;
  /** The extra agents the lower policy needs (`--find-extra-agents`). */
  extraAgents?: ExtraAgentsResult;
  /** Shown in the header; the report itself never reads the clock. */
  generatedAt?: string;
  timeZone?: string;
}

export const STATE_COLOURS: Record<StateGroup, string> = {
  available: '#8fd18f',
  on_call: '#3b7dd8',
  wrap_up: '#9bbcf0',
  recovery: '#e8a33d',
  break: '#b58ad6',
  not_ready: '#b0b0b0',
};

const STATE_LABELS: Record<StateGroup, string> = {
  available: 'available',
  on_call: 'reserved / on call',
  wrap_up: 'wrap-up',
  recovery: 'recovery',
  break: 'break',
  not_ready: 'not ready (incl. private)',
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

const W = 560;
const H = 220;
const PAD = { left: 44, right: 10, top: 14, bottom: 30 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;

function axisY(max: number, format: (v: number) => string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return ticks
    .map((v) => {
      const y = PAD.top + plotH - (v / (max || 1)) * plotH;
      return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e4e4e4"/>
<text x="${PAD.left - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#555">${esc(format(v))}</text>`;
    })
    .join('\n');
}

function intervalLabel(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(ms));
}

/** The usual service-level goal (80% in the threshold): bars below it are drawn in orange. */
export const SL_TARGET = 0.8;

/** Service level per interval (bars) with the run's overall level as a line. */
export function serviceLevelChart(
  intervals: IntervalFigures[],
  overall: number | null,
  targetSeconds: number,
  timeZone: string,
): string {
  const n = Math.max(1, intervals.length);
  const bw = plotW / n;
  const bars = intervals
    .map((iv, i) => {
      const v = iv.serviceLevel ?? 0;
      const h = v * plotH;
      const x = PAD.left + i * bw;
      return `<rect class="sl-bar" x="${(x + 0.5).toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${Math.max(0.5, bw - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${v >= SL_TARGET ? '#3b7dd8' : '#d8603b'}" data-start="${new Date(iv.startMs).toISOString()}" data-offered="${iv.offered}" data-in-time="${iv.answeredInTime}" data-value="${iv.serviceLevel === null ? '' : iv.serviceLevel.toFixed(4)}"><title>${esc(intervalLabel(iv.startMs, timeZone))}: ${pct(iv.serviceLevel)} of ${iv.offered} calls in ${targetSeconds} s</title></rect>`;
    })
    .join('\n');
  const ty = PAD.top + plotH - SL_TARGET * plotH;
  const target = `<line class="sl-target" x1="${PAD.left}" x2="${W - PAD.right}" y1="${ty.toFixed(1)}" y2="${ty.toFixed(1)}" stroke="#d8603b" stroke-width="1.5" data-value="${SL_TARGET}"/>
<text x="${PAD.left + 2}" y="${(ty + 12).toFixed(1)}" font-size="10" fill="#d8603b">target ${Math.round(SL_TARGET * 100)}%</text>`;
  const y = overall === null ? null : PAD.top + plotH - overall * plotH;
  const line =
    y === null
      ? ''
      : `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#222" stroke-dasharray="4 3"/>
<text class="sl-overall" x="${W - PAD.right - 2}" y="${(y - 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#222" data-value="${overall!.toFixed(4)}">overall ${pct(overall)}</text>`;
  return `<svg class="chart" data-chart="service-level" data-overall="${overall === null ? '' : overall.toFixed(4)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Service level per interval">
${axisY(1, (v) => `${Math.round(v * 100)}%`)}
${bars}
${target}
${line}
${xLabels(intervals, timeZone)}
</svg>`;
}

function xLabels(intervals: IntervalFigures[], timeZone: string): string {
  const n = Math.max(1, intervals.length);
  const bw = plotW / n;
  const every = Math.max(1, Math.ceil(n / 8));
  return intervals
    .map((iv, i) =>
      i % every === 0
        ? `<text x="${(PAD.left + i * bw).toFixed(1)}" y="${H - PAD.bottom + 14}" font-size="10" fill="#555">${esc(intervalLabel(iv.startMs, timeZone))}</text>`
        : '',
    )
    .join('\n');
}

/** Average agents per state in each interval, stacked. */
export function statesChart(
  intervals: IntervalFigures[],
  agents: number,
  timeZone: string,
): string {
  const n = Math.max(1, intervals.length);
  const bw = plotW / n;
  const max = Math.max(1, agents);
  const rects = intervals
    .map((iv, i) => {
      let acc = 0;
      return STATE_GROUPS.map((g) => {
        const v = iv.agents[g];
        const h = (v / max) * plotH;
        const y = PAD.top + plotH - ((acc + v) / max) * plotH;
        acc += v;
        return `<rect class="state-bar" x="${(PAD.left + i * bw + 0.5).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0.5, bw - 1).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${STATE_COLOURS[g]}" data-interval="${i}" data-state="${g}" data-value="${v}"><title>${esc(intervalLabel(iv.startMs, timeZone))} ${esc(STATE_LABELS[g])}: ${v.toFixed(1)} agents</title></rect>`;
      }).join('');
    })
    .join('\n');
  return `<svg class="chart" data-chart="states" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Agents by state per interval">
${axisY(max, (v) => String(Math.round(v)))}
${rects}
${xLabels(intervals, timeZone)}
</svg>`;
}

/** Hostile calls per agent, most exposed first (one bar per agent). */
export function hostileChart(perAgent: number[], summary: RunSummary, scaleMax = 0): string {
  const sorted = [...perAgent].sort((a, b) => b - a);
  const n = Math.max(1, sorted.length);
  const bw = plotW / n;
  // A multiple of 4, so the axis' quarter ticks are whole calls; compared panels share it.
  const max = Math.max(4, Math.ceil(Math.max(sorted[0] ?? 0, scaleMax) / 4) * 4);
  const bars = sorted
    .map((v, i) => {
      const h = (v / max) * plotH;
      return `<rect class="hostile-bar" x="${(PAD.left + i * bw).toFixed(2)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${Math.max(0.3, bw - (bw > 3 ? 1 : 0)).toFixed(2)}" height="${h.toFixed(1)}" fill="#c0504d" data-value="${v}"><title>${v} hostile call${v === 1 ? '' : 's'}</title></rect>`;
    })
    .join('');
  const p90y = PAD.top + plotH - (summary.hostilePerAgentP90 / max) * plotH;
  return `<svg class="chart" data-chart="hostile" data-scale-max="${max}" data-total="${summary.hostileCalls}" data-max="${summary.hostilePerAgentMax}" data-p90="${summary.hostilePerAgentP90}" data-gini="${summary.hostileGini}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Hostile calls per agent">
${axisY(max, (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1)))}
${bars}
<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${p90y.toFixed(1)}" y2="${p90y.toFixed(1)}" stroke="#222" stroke-dasharray="4 3"/>
<text x="${W - PAD.right - 2}" y="${(p90y - 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#222">p90 ${summary.hostilePerAgentP90} · max ${summary.hostilePerAgentMax} · Gini ${summary.hostileGini.toFixed(3)}</text>
<text x="${PAD.left}" y="${H - PAD.bottom + 14}" font-size="10" fill="#555">agents, most exposed first (${sorted.length})</text>
</svg>`;
}

function summaryTable(input: ReportInput): string {
  const runs = input.runs.map((r) => r.summary);
  const others = runs.slice(1);
  const head = `<tr><th></th>${runs.map((r) => `<th>${esc(r.policy)}</th>`).join('')}${others
    .map((r) => `<th class="diff">${esc(`${r.policy} − ${runs[0].policy}`)}</th>`)
    .join('')}</tr>`;
  const rows = summaryRows(runs)
    .map(
      ([label, f, diff]) =>
        `<tr><th scope="row">${esc(label)}</th>${runs.map((r) => `<td>${esc(f(r, input.options))}</td>`).join('')}${others
          .map((r) => `<td class="diff">${diff ? esc(diff(runs[0], r)) : ''}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="summary">${head}\n${rows}</table>`;
}

/** Callback measures per dialect for one run (all callbacks first), figures as data-* attributes. */
export function callbackTable(summary: RunSummary): string {
  const num = (x: number | null, digits: number) => (x === null ? 'n/a' : x.toFixed(digits));
  const rows = summary.callbacks
    .map(
      (c) =>
        `<tr class="callback-row" data-dialect="${esc(c.dialect ?? '')}" data-scheduled="${c.scheduled}" data-reached-share="${c.reachedInWindowShare ?? ''}" data-median-first-attempt="${c.medianSecondsToFirstAttempt ?? ''}" data-attempts="${c.attemptsPerCallback ?? ''}" data-missed="${c.missed}"><th scope="row">${esc(c.dialect ?? 'all')}</th><td>${c.scheduled}</td><td>${pct(c.reachedInWindowShare)}</td><td>${num(c.medianSecondsToFirstAttempt, 1)} s</td><td>${num(c.attemptsPerCallback, 2)}</td><td>${c.missed}</td></tr>`,
    )
    .join('\n');
  return `<table class="callbacks"><tr><th>dialect</th><th>scheduled</th><th>reached in window</th><th>notBefore → 1st attempt (median)</th><th>attempts per callback</th><th>missed</th></tr>
${rows}</table>`;
}

/** Each figure's mean over the seeds with its 95% interval, and the paired differences. */
function seedsTable(over: NonNullable<ReportInput['overSeeds']>, policies: string[]): string {
  const head = `<tr><th></th>${policies.map((p) => `<th>${esc(p)}</th>`).join('')}${policies
    .slice(1)
    .map((p) => `<th class="diff">${esc(`${p} − ${policies[0]}`)}</th>`)
    .join('')}</tr>`;
  const rows = over.figures
    .map(
      (f) =>
        `<tr data-figure="${esc(f.key)}"><th scope="row">${esc(f.label)}</th>${f.perPolicy
          .map((i) => `<td>${esc(formatInterval(i, f.unit))}</td>`)
          .join('')}${f.differences
          .map(
            (i) =>
              `<td class="diff${excludesZero(i) ? ' sure' : ''}">${esc(formatInterval(i, f.unit, true))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<section><h2>Over ${over.seeds} seeds</h2><p class="note">Mean ± half-width of the 95% interval (Student t over seeds). Differences are paired seed by seed (both policies play the same calls); in bold when the interval excludes zero.</p><table class="summary seeds">${head}\n${rows}</table></section>`;
}

/** The schedule played and the extra agents searched for, when the run had them. */
function planSection(input: ReportInput): string {
  const lines = [
    ...(input.roster ? rosterLines(input.roster) : []),
    ...(input.extraAgents ? extraAgentsLines(input.extraAgents) : []),
  ];
  if (!lines.length) return '';
  const x = input.extraAgents;
  const data = x
    ? ` data-extra-agents="${x.extraAgents ?? ''}" data-agent-hours="${x.agentHours ?? ''}"`
    : '';
  return `<section class="plan"${data}><h2>Schedule and extra agents</h2><ul>${lines.map((l) => `<li>${esc(l.trim())}</li>`).join('')}</ul></section>`;
}

/** What the model leaves out: read the figures with it in mind. */
export const MODEL_LIMITS = [
  'Without --schedule, no shifts or lunches: everyone present logs in at the start and works the whole day. With it, agents follow a schedule the service generated (the simulator’s forecast, staffing with the policy’s wellbeing shrinkage), set not ready for its rest breaks and log off for lunch themselves (the service does not turn a published shift’s breaks into presence states), and ask again after a call when the service refuses; the schedule is generated once per input and reused, since the solver works to a wall-clock limit.',
  'Absence and forecast error only with --absence and --forecast-error; an absent agent’s shift is simply lost (no call-ins, no overtime, no open-shift pickup).',
  'Hostility rises with waiting only as a straight line (--hostile-wait-slope, off by default); callers who call again (--redial-share) are no angrier for it.',
  'Callbacks and calls again are off unless asked for; a caller calling again is counted as a new offered call, as a telephone system counts it.',
  'Agents extend and supervisors shorten recoveries only at the fixed shares asked for (--extend-share, --shorten-share; off by default), never in response to how the day goes; agents book breaks and take up counselling at fixed rates.',
  'Calls taken between a hostile call and its recovery count inbound calls only (callback calls are left out).',
  'The router works in ticks (--tick): a tick’s arrivals reach the service’s queue at its end and the queue’s pass runs once a tick, so a call is queued up to a tick late and an agent may idle up to a tick; callers never hang up while an agent’s phone rings; no caller is flagged hostile (calls carry no callerRef).',
  'Occupancy leaves recovery and breaks out of its denominator (as the service defines it): it can rise under enforcement while agents work less.',
  'One seed is one possible day: differences of a few points can be luck; use --seeds to see their interval.',
];

function legend(): string {
  return `<p class="legend">${STATE_GROUPS.map(
    (g) => `<span><i style="background:${STATE_COLOURS[g]}"></i>${esc(STATE_LABELS[g])}</span>`,
  ).join(' ')}</p>`;
}

/**
 * The self-contained HTML report: the summary table, then each chart with the policies side by
 * side. Inline SVG and CSS only (no script, no network). Every chart carries its figures as
 * data-* attributes so a test can check them against the summary.
 */
export function renderReport(input: ReportInput): string {
  const tz = input.timeZone ?? 'Asia/Shanghai';
  const o = input.options;
  const summaries = input.runs.map((r) => r.summary);
  const hostileMax = Math.max(0, ...input.runs.flatMap((r) => r.hostilePerAgent));
  const section = (title: string, charts: string[], note = '') =>
    `<section><h2>${esc(title)}</h2>${note}<div class="row">${charts
      .map((c, i) => `<figure><figcaption>${esc(summaries[i].policy)}</figcaption>${c}</figure>`)
      .join('')}</div></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shiftwell what-if simulation</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; }
.meta { color: #555; margin: 0 0 16px; }
table.summary, table.callbacks { border-collapse: collapse; }
table.summary th, table.summary td, table.callbacks th, table.callbacks td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: right; }
table.summary th[scope=row], table.callbacks th[scope=row] { text-align: left; font-weight: normal; color: #333; }
.row { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
.note { color: #555; font-size: 12px; margin: 0 0 6px; }
td.diff, th.diff { background: #f6f6f6; } td.sure { font-weight: 600; }
.legend span { margin-right: 12px; white-space: nowrap; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
</style>
</head>
<body>
<h1>What-if simulation: ${summaries.map((s) => esc(s.policy)).join(' vs ')}</h1>
<p class="meta">${o.agents} agents · ${o.days} day${o.days === 1 ? '' : 's'} of ${o.hours} h · ${o.callsPerDay} calls a day · AHT ${o.ahtSeconds} s · patience ${o.patienceSeconds} s · hostile ${(o.hostile.rate * 100).toFixed(1)}% · seed ${esc(String(o.seed))}${input.overSeeds ? ` (one day of ${input.overSeeds.seeds}: the tables' first columns and the charts; the intervals below use all)` : ''}${input.generatedAt ? ` · ${esc(input.generatedAt)}` : ''}</p>
${summaryTable(input)}
${planSection(input)}
${
  input.overSeeds
    ? seedsTable(
        input.overSeeds,
        summaries.map((x) => x.policy),
      )
    : ''
}
${section(
  `Service level per 15 minutes (answered within ${o.serviceLevelSeconds} s)`,
  input.runs.map((r) =>
    serviceLevelChart(r.intervals, r.summary.serviceLevel, o.serviceLevelSeconds, tz),
  ),
  `<p class="legend"><span><i style="background:#3b7dd8"></i>at or above the ${Math.round(SL_TARGET * 100)}% target</span> <span><i style="background:#d8603b"></i>below it (solid line)</span> <span>dashed line: the day's overall level</span></p>`,
)}
${section(
  'Agents by state per 15 minutes',
  input.runs.map((r) => statesChart(r.intervals, r.summary.agents, tz)),
  legend(),
)}
${section(
  'Hostile calls per agent',
  input.runs.map((r) => hostileChart(r.hostilePerAgent, r.summary, hostileMax)),
  '<p class="note">One scale for the panels side by side.</p>',
)}
${
  summaries.some((s) => s.callbacks.length)
    ? section(
        'Callbacks per dialect (callers who hung up and asked to be called back)',
        summaries.map((s) => callbackTable(s)),
      )
    : ''
}
<section><h2>What the model leaves out</h2><ul class="limits">${MODEL_LIMITS.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>
</body>
</html>
`;
}
