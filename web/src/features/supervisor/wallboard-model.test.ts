import { describe, expect, it } from 'vitest';
import { adherenceByAgent } from '../../lib/adherence';
import {
  applyPresenceBatch,
  contiguousBuckets,
  displayNames,
  formatDuration,
  occupancyPercent,
  secondsLeft,
  summarise,
  type AgentRow,
} from './wallboard-model';

const row = (agentId: string, state = 'available'): AgentRow => ({
  agentId,
  externalId: agentId,
  displayName: 'Agent ' + agentId,
  state,
  reason: null,
  since: '2026-01-05T01:00:00.000Z',
  until: null,
  stale: false,
  occupancyLastHour: 0.5,
  hostileLastHour: 0,
  hostileToday: 0,
});

describe('wallboard model', () => {
  it('keeps the names map while only presence changes, and renews it for a new or renamed agent', () => {
    const rows = new Map([
      ['a', row('a')],
      ['b', row('b')],
    ]);
    const names = displayNames(new Map(), rows);
    expect([...names]).toEqual([
      ['a', 'Agent a'],
      ['b', 'Agent b'],
    ]);
    const moved = applyPresenceBatch(rows, [{ agentId: 'a', state: 'on_call' }]);
    expect(displayNames(names, moved)).toBe(names);
    const renamed = new Map(moved).set('b', { ...row('b'), displayName: 'Li Na' });
    expect(displayNames(names, renamed).get('b')).toBe('Li Na');
    const joined = new Map(moved).set('c', row('c'));
    expect(displayNames(names, joined).get('c')).toBe('Agent c');
    const left = new Map([['a', row('a')]]);
    expect([...displayNames(names, left).keys()]).toEqual(['a']);
  });

  it('applies a batch and keeps untouched rows identical (memoised rows stay put)', () => {
    const rows = new Map([
      ['a', row('a')],
      ['b', row('b')],
    ]);
    const next = applyPresenceBatch(rows, [
      { agentId: 'a', state: 'on_call', since: '2026-01-05T01:05:00.000Z' },
      {
        agentId: 'a',
        state: 'recovery',
        since: '2026-01-05T01:09:00.000Z',
        until: '2026-01-05T01:19:00.000Z',
      },
      { agentId: 'zz', state: 'on_call' },
    ]);
    expect(next.get('a')).toMatchObject({ state: 'recovery', until: '2026-01-05T01:19:00.000Z' });
    expect(next.get('b')).toBe(rows.get('b'));
    expect(next.has('zz')).toBe(false);
    expect(applyPresenceBatch(rows, [])).toBe(rows);
  });

  it('never shows a counselling session: it is not ready (private), with no end time', () => {
    const next = applyPresenceBatch(new Map([['a', row('a')]]), [
      { agentId: 'a', state: 'counseling', until: '2026-01-05T02:00:00.000Z' },
    ]);
    expect(next.get('a')).toMatchObject({ state: 'not_ready', reason: 'private', until: null });
  });

  it('counts down and formats durations', () => {
    expect(secondsLeft('2026-01-05T01:10:00.000Z', Date.parse('2026-01-05T01:08:30.000Z'))).toBe(
      90,
    );
    expect(secondsLeft('2026-01-05T01:10:00.000Z', Date.parse('2026-01-05T01:11:00.000Z'))).toBe(0);
    expect(secondsLeft(null, 0)).toBeNull();
    expect(formatDuration(90)).toBe('1:30');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('summarises the team and totals adherence', () => {
    const s = summarise(
      [
        row('a', 'on_call'),
        { ...row('b', 'recovery'), occupancyLastHour: 0.95 },
        row('c', 'wrap_up'),
        row('d', 'reserved'),
      ],
      0.85,
    );
    // Ringing counts as on a call; wrap-up is busy but not talking, so it has its own figure.
    expect(s).toEqual({
      agents: 4,
      onCall: 2,
      wrapUp: 1,
      available: 0,
      recovery: 1,
      aboveCap: 1,
    });
    const a = adherenceByAgent([
      { agentId: 'a', scheduledMinutes: 30, adherentMinutes: 30 },
      { agentId: 'a', scheduledMinutes: 30, adherentMinutes: 15 },
      { agentId: 'b', scheduledMinutes: 0, adherentMinutes: 0 },
    ]);
    expect(a.agents.find((x) => x.agentId === 'a')?.share).toBe(0.75);
    expect(a.agents.find((x) => x.agentId === 'b')?.share).toBeNull();
    expect(a.team).toMatchObject({ scheduledMinutes: 60, adherentMinutes: 45, share: 0.75 });
  });
});

describe('hostile calls histogram', () => {
  it('shows every count from 0 to the highest, the ones nobody had as 0 agents', () => {
    expect(
      contiguousBuckets([
        { hostileCalls: 3, agents: 1 },
        { hostileCalls: 0, agents: 1 },
      ]),
    ).toEqual([
      { hostileCalls: 0, agents: 1 },
      { hostileCalls: 1, agents: 0 },
      { hostileCalls: 2, agents: 0 },
      { hostileCalls: 3, agents: 1 },
    ]);
    expect(contiguousBuckets([])).toEqual([]);
  });
});

describe('occupancyPercent', () => {
  it('is a whole percent unless rounding would cross the cap shown beside it', () => {
    expect(occupancyPercent(0.62, 0.85)).toBe('62');
    expect(occupancyPercent(0.9, 0.85)).toBe('90');
    expect(occupancyPercent(0.85, 0.85)).toBe('85'); // at the cap: not above it
    // Above the cap but "85%": one decimal, up.
    expect(occupancyPercent(0.8531, 0.85)).toBe('85.4');
    expect(occupancyPercent(0.85001, 0.85)).toBe('85.1');
    expect(occupancyPercent(0.8469, 0.85)).toBe('85'); // below: as it rounds
    // A cap that is not a whole percent is shown rounded (86%): above it, still one decimal.
    expect(occupancyPercent(0.8555, 0.855)).toBe('85.6');
  });
});
