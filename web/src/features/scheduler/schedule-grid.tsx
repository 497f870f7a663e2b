import { Box, Text } from '@mantine/core';
import { memo, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { formatTime } from '../../lib/format';
import { dropTimes, type Bar, type Day } from './planner-model';

export const NAME_WIDTH = 170;
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 42;
const VIEW_HEIGHT = 520;
const OVERSCAN = 6;

export interface GridAgent {
  id: string;
  name: string;
}

export interface ShiftMove {
  shiftId: string;
  agentId: string;
  start: number;
  end: number;
}

interface Props {
  scheduleId: string;
  agents: GridAgent[];
  bars: Map<string, Bar[]>;
  days: Day[];
  window: { from: number; to: number };
  dayWidth: number;
  intervalMinutes: number;
  timeZone: string;
  locale: string;
  /** Describes a shift for its button (screen readers, tooltips). */
  describe: (shiftId: string) => string;
  /** Says where a dragged shift would land, while dragging. */
  describeMove: (move: ShiftMove) => string;
  lengthOf: (shiftId: string) => number;
  dayLabel: (day: Day) => string;
  editable: boolean;
  pendingShiftId?: string | null;
  onMove: (move: ShiftMove) => void;
  onOpen: (shiftId: string) => void;
  label: string;
}

/**
 * The schedule as agents × days: one row per agent, its shifts as bars with their breaks. Only the
 * rows in view are in the DOM (fixed row height), so 300 agents cost what 20 do. A bar dragged
 * sideways moves in time (snapped to the interval) or to another day; up or down, to another agent.
 */
export function ScheduleGrid(props: Props) {
  const { agents, days, window, dayWidth, scheduleId } = props;
  const body = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const perMinute = dayWidth / (window.to - window.from);
  const height = Math.min(VIEW_HEIGHT, Math.max(ROW_HEIGHT * 3, agents.length * ROW_HEIGHT));
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(agents.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  // The budget's measure: this schedule's rows are on the page (passive effects run after the paint).
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (agents.length === 0 || marked.current === scheduleId) return;
    marked.current = scheduleId;
    performance.mark('sw:schedule-grid-rendered');
  }, [agents.length, scheduleId]);

  const drag = useRef<{
    shiftId: string;
    row: number;
    barX: number;
    x: number;
    y: number;
    el: HTMLElement;
    moved: boolean;
  } | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const target = (dx: number, dy: number) => {
    const d = drag.current!;
    const p = latest.current;
    const row = Math.min(p.agents.length - 1, Math.max(0, d.row + Math.round(dy / ROW_HEIGHT)));
    const { start, end } = dropTimes({
      x: d.barX + dx,
      dayWidth: p.dayWidth,
      days: p.days,
      window: p.window,
      intervalMinutes: p.intervalMinutes,
      lengthMinutes: p.lengthOf(d.shiftId),
    });
    return { shiftId: d.shiftId, agentId: p.agents[row].id, start, end };
  };
  const handlers = useMemo(
    () => ({
      down(e: PointerEvent<HTMLElement>, shiftId: string, row: number, barX: number) {
        if (e.button !== 0) return;
        e.preventDefault(); // no text selection while dragging
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = {
          shiftId,
          row,
          barX,
          x: e.clientX,
          y: e.clientY,
          el: e.currentTarget,
          moved: false,
        };
      },
      move(e: PointerEvent<HTMLElement>) {
        const d = drag.current;
        if (!d || !latest.current.editable) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
        d.moved = true;
        d.el.style.transform = `translate(${dx}px, ${dy}px)`;
        d.el.style.zIndex = '3';
        d.el.style.opacity = '0.8';
        const tipEl = tip.current;
        if (tipEl) {
          tipEl.textContent = latest.current.describeMove(target(dx, dy));
          tipEl.style.display = 'block';
          tipEl.style.left = `${NAME_WIDTH + d.barX + dx}px`;
          tipEl.style.top = `${(d.row + 1) * ROW_HEIGHT + dy + 2}px`;
        }
      },
      up(e: PointerEvent<HTMLElement>) {
        const d = drag.current;
        if (!d) return;
        const move = d.moved ? target(e.clientX - d.x, e.clientY - d.y) : null;
        drag.current = null;
        d.el.style.transform = '';
        d.el.style.zIndex = '';
        d.el.style.opacity = '';
        if (tip.current) tip.current.style.display = 'none';
        if (move) latest.current.onMove(move);
        else latest.current.onOpen(d.shiftId);
      },
      cancel() {
        const d = drag.current;
        drag.current = null;
        if (d) d.el.style.transform = '';
        if (tip.current) tip.current.style.display = 'none';
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const width = NAME_WIDTH + days.length * dayWidth;
  const hourStep = perMinute * 60 >= 14 ? 2 : perMinute * 60 >= 7 ? 4 : 6;
  const ticks: number[] = [];
  for (let m = Math.ceil(window.from / 60) * 60; m < window.to; m += hourStep * 60) ticks.push(m);
  const rows = [];
  for (let i = first; i < last; i++) {
    const agent = agents[i];
    rows.push(
      <GridRow
        key={agent.id}
        index={i}
        agent={agent}
        bars={props.bars.get(agent.id)}
        dayCount={days.length}
        dayWidth={dayWidth}
        perMinute={perMinute}
        editable={props.editable}
        pendingShiftId={props.pendingShiftId ?? null}
        describe={props.describe}
        handlers={handlers}
        onOpen={props.onOpen}
      />,
    );
  }
  return (
    <Box
      style={{ width, position: 'relative', userSelect: 'none' }}
      data-testid="schedule-grid"
      data-day-width={dayWidth}
      data-minutes-from={window.from}
      data-minutes-to={window.to}
      data-row-height={ROW_HEIGHT}
      data-name-width={NAME_WIDTH}
    >
      <div
        role="row"
        style={{
          display: 'flex',
          height: HEADER_HEIGHT,
          borderBottom: '1px solid var(--mantine-color-gray-4)',
          position: 'sticky',
          top: 0,
          background: 'var(--mantine-color-body)',
          zIndex: 2,
        }}
      >
        <div style={{ width: NAME_WIDTH, flex: 'none', padding: '4px 8px' }}>
          <Text size="xs" c="dimmed">
            {props.label}
          </Text>
        </div>
        {days.map((day) => (
          <div
            key={day.date}
            role="columnheader"
            style={{
              width: dayWidth,
              flex: 'none',
              borderLeft: '1px solid var(--mantine-color-gray-3)',
              position: 'relative',
            }}
          >
            <Text size="sm" fw={600} ta="center" lh="20px">
              {props.dayLabel(day)}
            </Text>
            {ticks.map((m) => (
              <Text
                key={m}
                size="10px"
                c="dimmed"
                style={{ position: 'absolute', top: 22, left: (m - window.from) * perMinute + 2 }}
              >
                {String(m / 60).padStart(2, '0')}
              </Text>
            ))}
          </div>
        ))}
      </div>
      <div
        ref={body}
        role="rowgroup"
        style={{ height, overflowY: 'auto', overflowX: 'hidden', position: 'relative' }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: agents.length * ROW_HEIGHT, position: 'relative' }}>
          {rows}
          <div
            ref={tip}
            role="status"
            data-testid="drag-tip"
            style={{
              display: 'none',
              position: 'absolute',
              zIndex: 4,
              whiteSpace: 'nowrap',
              pointerEvents: 'none',
              background: 'var(--mantine-color-dark-6)',
              color: 'white',
              fontSize: 12,
              padding: '2px 6px',
              borderRadius: 4,
            }}
          />
        </div>
      </div>
    </Box>
  );
}

type Handlers = {
  down: (e: PointerEvent<HTMLElement>, shiftId: string, row: number, barX: number) => void;
  move: (e: PointerEvent<HTMLElement>) => void;
  up: (e: PointerEvent<HTMLElement>) => void;
  cancel: () => void;
};

const BREAK_COLOURS: Record<string, string> = {
  meal: 'var(--mantine-color-orange-3)',
  rest: 'var(--mantine-color-yellow-2)',
};

const GridRow = memo(function GridRow({
  index,
  agent,
  bars,
  dayCount,
  dayWidth,
  perMinute,
  editable,
  pendingShiftId,
  describe,
  handlers,
  onOpen,
}: {
  index: number;
  agent: GridAgent;
  bars: Bar[] | undefined;
  dayCount: number;
  dayWidth: number;
  perMinute: number;
  editable: boolean;
  pendingShiftId: string | null;
  describe: (shiftId: string) => string;
  handlers: Handlers;
  onOpen: (shiftId: string) => void;
}) {
  return (
    <div
      role="row"
      data-testid={`grid-row-${agent.id}`}
      style={{
        position: 'absolute',
        top: index * ROW_HEIGHT,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: index % 2 ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      <div
        role="rowheader"
        style={{
          position: 'absolute',
          left: 0,
          width: NAME_WIDTH,
          height: ROW_HEIGHT,
          padding: '0 8px',
          lineHeight: `${ROW_HEIGHT}px`,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          fontSize: 13,
        }}
        title={agent.name}
      >
        {agent.name}
      </div>
      {Array.from({ length: dayCount }, (_, d) => (
        <div
          key={d}
          aria-hidden
          style={{
            position: 'absolute',
            left: NAME_WIDTH + d * dayWidth,
            width: dayWidth,
            top: 0,
            bottom: 0,
            borderLeft: '1px solid var(--mantine-color-gray-3)',
          }}
        />
      ))}
      {bars?.map((b) => {
        const x = b.day * dayWidth + b.left * perMinute;
        const pending = b.shiftId === pendingShiftId;
        return (
          <div
            key={b.shiftId}
            role="button"
            tabIndex={0}
            aria-label={describe(b.shiftId)}
            title={describe(b.shiftId)}
            data-testid={`shift-${b.shiftId}`}
            onPointerDown={(e) => handlers.down(e, b.shiftId, index, x)}
            onPointerMove={handlers.move}
            onPointerUp={handlers.up}
            onPointerCancel={handlers.cancel}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(b.shiftId);
              }
            }}
            style={{
              position: 'absolute',
              left: NAME_WIDTH + x,
              width: b.width * perMinute,
              top: 5,
              height: ROW_HEIGHT - 10,
              borderRadius: 3,
              background: pending ? 'var(--mantine-color-blue-1)' : 'var(--mantine-color-teal-6)',
              border: pending ? '2px dashed var(--mantine-color-blue-7)' : undefined,
              // Where the edit would put it, over whatever is there (an overlap shows).
              zIndex: pending ? 2 : undefined,
              opacity: pending ? 0.9 : undefined,
              cursor: editable ? 'grab' : 'pointer',
              touchAction: 'none',
              overflow: 'hidden',
            }}
          >
            {b.breaks.map((k, i) => (
              <span
                key={i}
                aria-hidden
                style={{
                  position: 'absolute',
                  left: k.left * perMinute,
                  width: Math.max(2, k.width * perMinute),
                  top: 0,
                  bottom: 0,
                  background: BREAK_COLOURS[k.kind] ?? 'white',
                }}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
});

/** Short local times of a shift, for labels. */
export function shiftTimes(
  shift: { startsAt: string; endsAt: string },
  locale: string,
  zone: string,
): string {
  return `${formatTime(shift.startsAt, locale, zone)}–${formatTime(shift.endsAt, locale, zone)}`;
}
