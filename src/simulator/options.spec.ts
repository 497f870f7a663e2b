import { DEFAULT_OPTIONS, OptionsError, parseMix, parseOptions, parseShare } from './options';

describe('simulator options', () => {
  it('defaults to the issue’s centre: 200 agents, 75 calls each a day, 5% hostile, one 8-hour day', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ agents: 200, callsPerDay: 15_000, days: 1, hours: 8, seed: '1' });
    expect(o.hostile.rate).toBe(0.05);
    expect(o.dialectMix).toEqual(DEFAULT_OPTIONS.dialectMix);
    // Callbacks are off unless asked for: today's day exactly.
    expect(o).toMatchObject({ callbackShare: 0, callbackWindowMinutes: 60 });
  });

  it('parses every option', () => {
    const o = parseOptions([
      '--agents',
      '20',
      '--mix',
      'cmn=50,yue=50',
      '--elder-care',
      '10%',
      '--calls-per-day',
      '900',
      '--aht',
      '300',
      '--patience',
      '60',
      '--hostile-rate',
      '0',
      '--policy',
      'a.json',
      '--compare',
      'b.json',
      '--days',
      '2',
      '--hours',
      '1.5',
      '--seed',
      'abc',
      '--out',
      'r.html',
      '--tick',
      '1',
      '--sl-seconds',
      '30',
      '--callback-share',
      '0.3',
      '--callback-window',
      '90',
      '--json',
    ]);
    expect(o).toMatchObject({
      agents: 20,
      dialectMix: [
        ['cmn', 0.5],
        ['yue', 0.5],
      ],
      elderCareAgentShare: 0.1,
      callsPerDay: 900,
      ahtSeconds: 300,
      patienceSeconds: 60,
      policyFile: 'a.json',
      compareFile: 'b.json',
      days: 2,
      hours: 1.5,
      seed: 'abc',
      out: 'r.html',
      tickSeconds: 1,
      serviceLevelSeconds: 30,
      callbackShare: 0.3,
      callbackWindowMinutes: 90,
      json: true,
    });
    expect(o.hostile.rate).toBe(0);
  });

  it('keeps the demand when the staffing changes: calls follow --calls-per-day or --calls-per-agent, and the hours', () => {
    expect(parseOptions(['--agents', '20']).callsPerDay).toBe(15_000);
    expect(parseOptions(['--agents', '300', '--hours', '2']).callsPerDay).toBe(3750);
    expect(
      parseOptions(['--agents', '20', '--hours', '2', '--calls-per-agent', '75']).callsPerDay,
    ).toBe(375);
    expect(parseOptions(['--agents', '20', '--calls-per-day', '900']).callsPerDay).toBe(900);
    expect(() => parseOptions(['--calls-per-day', '9', '--calls-per-agent', '9'])).toThrow(
      /one of them/,
    );
  });

  it('reads a share as a fraction below 1 or a percentage with its sign, and refuses a bare 1 or 5', () => {
    expect(parseShare('5%', 'x')).toBe(0.05);
    expect(parseShare('0.05', 'x')).toBe(0.05);
    expect(parseShare('0', 'x')).toBe(0);
    expect(parseShare('100%', 'x')).toBe(1);
    expect(() => parseShare('1', '--hostile-rate')).toThrow(/ambiguous.*1%/);
    expect(() => parseShare('5', '--hostile-rate')).toThrow(/ambiguous.*5%/);
    expect(() => parseShare('150%', 'x')).toThrow(OptionsError);
    expect(() => parseShare('-0.1', 'x')).toThrow(OptionsError);
    expect(() => parseShare('%', 'x')).toThrow(OptionsError);
    expect(parseOptions(['--hostile-rate', '20%']).hostile.rate).toBe(0.2);
    expect(() => parseOptions(['--hostile-rate', '1'])).toThrow(OptionsError);
    expect(parseMix('cmn=3,yue=1')).toEqual([
      ['cmn', 0.75],
      ['yue', 0.25],
    ]);
    expect(() => parseMix('cmn')).toThrow(OptionsError);
  });

  it('reads the waiting, calling-again and concurrency options', () => {
    const o = parseOptions([
      '--hostile-wait-slope',
      '0.5',
      '--redial-share',
      '30%',
      '--redial-minutes',
      '5',
      '--concurrency',
      '4',
      '--extend-share',
      '0.2',
      '--shorten-share',
      '10%',
    ]);
    expect(o).toMatchObject({ extendShare: 0.2, shortenShare: 0.1 });
    const day = parseOptions(['--absence', '8%', '--forecast-error', '0.1']);
    expect(day).toMatchObject({ absenceShare: 0.08, forecastErrorCv: 0.1 });
    expect(() => parseOptions(['--forecast-error', '2'])).toThrow(OptionsError);
    expect(o.hostile.waitSlopePerMinute).toBe(0.5);
    expect(o).toMatchObject({ redialShare: 0.3, redialMinutes: 5, concurrency: 4 });
    expect(parseOptions([])).toMatchObject({ redialShare: 0, concurrency: 16 });
    expect(parseOptions([]).hostile.waitSlopePerMinute).toBe(0);
    expect(() => parseOptions(['--hostile-wait-slope', '-1'])).toThrow(OptionsError);
  });

  it('plays runs in parallel processes on request, one per core by default', () => {
    expect(parseOptions(['--parallel', '3']).parallel).toBe(3);
    expect(parseOptions([]).parallel).toBeNull();
    expect(() => parseOptions(['--parallel', '0'])).toThrow(OptionsError);
    expect(() => parseOptions(['--parallel', '1.5'])).toThrow(OptionsError);
  });

  it('plays several seeds on request', () => {
    expect(parseOptions(['--seeds', '5', '--seed', 'x'])).toMatchObject({ seeds: 5, seed: 'x' });
    expect(() => parseOptions(['--seeds', '0'])).toThrow(OptionsError);
    expect(() => parseOptions(['--seeds', '51'])).toThrow(OptionsError);
  });

  it('rejects unknown or malformed options with the usage', () => {
    expect(() => parseOptions(['--agnets', '5'])).toThrow(/unknown option/);
    expect(() => parseOptions(['--agents', '-1'])).toThrow(OptionsError);
    expect(() => parseOptions(['--days'])).toThrow(/needs a value/);
    expect(() => parseOptions(['--help'])).toThrow(/npm run simulate/);
  });
});

describe('schedule and extra-agent options', () => {
  it('reads --schedule and the extra-agent search with its tolerance and limit', () => {
    const o = parseOptions([
      '--schedule',
      '--compare',
      'x.json',
      '--find-extra-agents',
      '--extra-agents-tolerance',
      '0.5',
      '--max-extra-agents',
      '12',
      '--solver-seconds',
      '15',
    ]);
    expect(o).toMatchObject({
      schedule: true,
      findExtraAgents: true,
      extraAgentsTolerancePoints: 0.5,
      maxExtraAgents: 12,
      solverSeconds: 15,
    });
    expect(parseOptions([])).toMatchObject({ schedule: false, findExtraAgents: false });
  });

  it('refuses an extra-agent search without a second policy, and its settings without the search', () => {
    expect(() => parseOptions(['--find-extra-agents'])).toThrow(/needs --compare/);
    expect(() => parseOptions(['--max-extra-agents', '5'])).toThrow(/go with --find-extra-agents/);
    expect(() =>
      parseOptions(['--compare', 'x.json', '--find-extra-agents', '--extra-agents-tolerance', 'a']),
    ).toThrow(/service-level points/);
  });
});
