import { coverageChanges, coverageFor, coveredDialects } from './coverage';

const t = (iso: string) => Date.parse(iso);

describe('coverage of requirement rows', () => {
  const rows = [
    { start: '2026-01-05T02:00:00.000Z', agents: 2 },
    { start: '2026-01-05T02:30:00.000Z', agents: 2 },
    { start: '2026-01-05T02:30:00.000Z', dialect: 'yue', agents: 1 },
  ];
  const dialects = new Map([
    ['a', ['cmn']],
    ['b', ['cmn', 'yue']],
  ]);

  it('counts whole intervals at work, not on break, and dialect rows by speakers only', () => {
    const shifts = [
      {
        agentId: 'a',
        start: t('2026-01-05T02:00:00Z'),
        end: t('2026-01-05T06:00:00Z'),
        breaks: [],
      },
      {
        agentId: 'b',
        start: t('2026-01-05T02:00:00Z'),
        end: t('2026-01-05T06:00:00Z'),
        breaks: [{ start: t('2026-01-05T02:00:00Z'), end: t('2026-01-05T02:15:00Z') }],
      },
    ];
    expect(coverageFor(rows, 30, shifts, dialects).map((r) => r.scheduled)).toEqual([1, 2, 1]);
  });

  it('lists only the rows whose coverage changed', () => {
    const all = [
      {
        agentId: 'a',
        start: t('2026-01-05T02:30:00Z'),
        end: t('2026-01-05T03:00:00Z'),
        breaks: [],
      },
      {
        agentId: 'b',
        start: t('2026-01-05T02:30:00Z'),
        end: t('2026-01-05T03:00:00Z'),
        breaks: [],
      },
    ];
    const before = coverageFor(rows, 30, all, dialects);
    const after = coverageFor(rows, 30, all.slice(0, 1), dialects);
    expect(coverageChanges(before, after)).toEqual([
      { start: '2026-01-05T02:30:00.000Z', required: 2, scheduledBefore: 2, scheduledAfter: 1 },
      {
        start: '2026-01-05T02:30:00.000Z',
        dialect: 'yue',
        required: 1,
        scheduledBefore: 1,
        scheduledAfter: 0,
      },
    ]);
  });
});

describe('coveredDialects', () => {
  it('counts a dialect from proficiency 3, in the agent’s order', () => {
    expect(
      coveredDialects([
        { tag: 'yue', proficiency: 5 },
        { tag: 'nan', proficiency: 2 },
        { tag: 'cmn-x-wuhan', proficiency: 3 },
      ]),
    ).toEqual(['yue', 'cmn-x-wuhan']);
    expect(coveredDialects([])).toEqual([]);
  });
});
