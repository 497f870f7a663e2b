import { Text } from '@mantine/core';
import { memo } from 'react';
import { NAME_WIDTH } from './schedule-grid';
import { dayIndexOf, type CoveragePoint, type Day } from './planner-model';

const STRIP_HEIGHT = 46;

/**
 * Coverage against requirement under the grid, one strip per dialect, aligned with the day columns:
 * bars are the agents scheduled per interval (green where the requirement is met, red where short),
 * the dark line is the requirement.
 */
export const CoverageStrips = memo(function CoverageStrips({
  byDialect,
  days,
  window,
  dayWidth,
  intervalMinutes,
  nameOf,
  describe,
}: {
  byDialect: Map<string, CoveragePoint[]>;
  days: Day[];
  window: { from: number; to: number };
  dayWidth: number;
  intervalMinutes: number;
  nameOf: (dialect: string) => string;
  /** The strip's words for screen readers (what the picture shows). */
  describe: (dialect: string) => string;
}) {
  const perMinute = dayWidth / (window.to - window.from);
  const w = intervalMinutes * perMinute;
  return (
    <div data-testid="coverage-strips" style={{ width: NAME_WIDTH + days.length * dayWidth }}>
      {[...byDialect.entries()].map(([dialect, points]) => {
        const top = Math.max(1, ...points.map((p) => Math.max(p.required, p.scheduled)));
        const y = (v: number) => STRIP_HEIGHT - 2 - (v / top) * (STRIP_HEIGHT - 6);
        const perDay = days.map(() => ({ ok: '', short: '', need: '' }));
        const lastNeed = days.map(() => null as null | { x: number; y: number });
        for (const p of points) {
          const d = dayIndexOf(days, p.start);
          if (d < 0) continue;
          const m = (p.start - days[d].start) / 60_000;
          if (m + intervalMinutes <= window.from || m >= window.to) continue;
          const x = (m - window.from) * perMinute;
          const paths = perDay[d];
          if (p.scheduled > 0) {
            const rect = `M${x.toFixed(1)},${STRIP_HEIGHT - 2}V${y(p.scheduled).toFixed(1)}h${(w - 0.5).toFixed(1)}V${STRIP_HEIGHT - 2}Z`;
            if (p.scheduled < p.required) paths.short += rect;
            else paths.ok += rect;
          } else if (p.required > 0)
            paths.short += `M${x.toFixed(1)},${STRIP_HEIGHT - 2}V${STRIP_HEIGHT - 6}h${(w - 0.5).toFixed(1)}V${STRIP_HEIGHT - 2}Z`;
          const ny = y(p.required).toFixed(1);
          const prev = lastNeed[d];
          paths.need +=
            prev && Math.abs(prev.x - x) < 0.5
              ? `V${ny}H${(x + w).toFixed(1)}`
              : `M${x.toFixed(1)},${ny}H${(x + w).toFixed(1)}`;
          lastNeed[d] = { x: x + w, y: Number(ny) };
        }
        return (
          <div
            key={dialect}
            data-testid={`coverage-${dialect || 'all'}`}
            role="img"
            aria-label={describe(dialect)}
            style={{
              display: 'flex',
              height: STRIP_HEIGHT,
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            <div style={{ width: NAME_WIDTH, flex: 'none', padding: '4px 8px' }}>
              <Text size="xs" fw={600} truncate>
                {nameOf(dialect)}
              </Text>
            </div>
            {perDay.map((paths, d) => (
              <svg
                key={d}
                width={dayWidth}
                height={STRIP_HEIGHT}
                aria-hidden
                style={{ flex: 'none', borderLeft: '1px solid var(--mantine-color-gray-3)' }}
              >
                <path d={paths.ok} fill="var(--mantine-color-teal-4)" />
                <path d={paths.short} fill="var(--mantine-color-red-5)" />
                <path
                  d={paths.need}
                  fill="none"
                  stroke="var(--mantine-color-dark-6)"
                  strokeWidth={1.2}
                />
              </svg>
            ))}
          </div>
        );
      })}
    </div>
  );
});
