import { DEFAULT_HOSTILE_MIX, HostileMix } from './hostile';
import { DEFAULT_DIALECT_MIX } from './workforce';

export interface SimulatorOptions {
  agents: number;
  /** Share of agents (and of calls) per dialect. */
  dialectMix: ReadonlyArray<readonly [string, number]>;
  /** Share of agents with the elder-care skill. */
  elderCareAgentShare: number;
  /** Share of Putonghua calls needing elder-care. */
  elderCareCallShare: number;
  callsPerDay: number;
  ahtSeconds: number;
  patienceSeconds: number;
  hostile: HostileMix;
  policyFile?: string;
  compareFile?: string;
  days: number;
  hours: number;
  seed: string;
  /** Days played per policy, each from its own seed (seed, seed.2, seed.3...): figures get a 95% interval. */
  seeds: number;
  out?: string;
  tickSeconds: number;
  serviceLevelSeconds: number;
  teamSize: number;
  counsellingUptake: number;
  /** Share of callers who, having hung up in the queue, ask for a callback (0: none). */
  callbackShare: number;
  /** A callback's window: from the moment the caller hangs up, this many minutes. */
  callbackWindowMinutes: number;
  /** Share of callers who, having hung up (and not asked for a callback), call again later. */
  redialShare: number;
  /** Mean minutes before they call again. */
  redialMinutes: number;
  /** Share of agents absent each day (drawn per agent and day). */
  absenceShare: number;
  /** Spread (CV) of the day's demand around the forecast: lognormal, mean 1 (0: exact). */
  forecastErrorCv: number;
  /** Share of hostile calls' recoveries the agent extends by 5 minutes. */
  extendShare: number;
  /** Share of hostile calls' recoveries a supervisor shortens to the policy's floor. */
  shortenShare: number;
  /**
   * Play a published schedule (`--schedule`): the team's forecast, staffing and a generated schedule
   * through the API, agents following their shifts, breaks and lunch. Off: everyone works all day.
   */
  schedule: boolean;
  /** The solver's time limit per team when the schedule is generated (wall seconds). */
  solverSeconds: number;
  /** Search the extra agents the lower policy needs to hold the other's service level. */
  findExtraAgents: boolean;
  /** How close (points of service level) counts as holding it. */
  extraAgentsTolerancePoints: number;
  /** The most extra agents tried (default: half the agents). */
  maxExtraAgents: number | null;
  json: boolean;
  /** Requests the simulated router and agents keep in flight at most: speed only, never the figures. */
  concurrency: number;
  /**
   * Runs (seeds, policies, extra-agent trials) played at once, each in its own process with its own
   * copy of the centre: speed only, never the figures. Null: one per core, at most 4.
   */
  parallel: number | null;
}

/** Calls an agent takes in a day at the default load: ~80-85 % occupancy with the default AHT. */
export const CALLS_PER_AGENT_PER_DAY = 75;

/** The default centre: its agents, and the calls the default demand is sized for. */
export const DEFAULT_AGENTS = 200;

export const DEFAULT_OPTIONS: SimulatorOptions = {
  agents: DEFAULT_AGENTS,
  dialectMix: DEFAULT_DIALECT_MIX,
  elderCareAgentShare: 0.2,
  elderCareCallShare: 0.15,
  callsPerDay: 200 * CALLS_PER_AGENT_PER_DAY,
  ahtSeconds: 255,
  patienceSeconds: 120,
  hostile: DEFAULT_HOSTILE_MIX,
  days: 1,
  hours: 8,
  seed: '1',
  seeds: 1,
  tickSeconds: 2,
  serviceLevelSeconds: 20,
  teamSize: 20,
  counsellingUptake: 0.5,
  callbackShare: 0,
  callbackWindowMinutes: 60,
  redialShare: 0,
  redialMinutes: 10,
  absenceShare: 0,
  forecastErrorCv: 0,
  extendShare: 0,
  shortenShare: 0,
  schedule: false,
  solverSeconds: 20,
  findExtraAgents: false,
  extraAgentsTolerancePoints: 1,
  maxExtraAgents: null,
  json: false,
  concurrency: 16,
  parallel: null,
};

export const USAGE = `npm run simulate -- [options]

  --agents N            agents (default 200)
  --mix SPEC            agents and calls per dialect, e.g. cmn=60,cmn-x-wuhan=25,yue=10,nan=5 (the default)
  --elder-care SHARE    agents with the elder-care skill (default 20%)
  --calls-per-day N     offered calls a day (default: the default centre's forecast, 15000 in
                        8 hours, pro rata for --hours; it does not follow --agents)
  --calls-per-agent N   or: this many calls per agent and 8 hours (75 loads agents ~80-85%)
  --aht SECONDS         average handle time, lognormal (default 255)
  --patience SECONDS    callers' mean patience before hanging up (default 120)
  --hostile-rate SHARE  share of calls that are hostile (default 5%); a SHARE is a fraction
                        below 1 (0.05) or a percentage with its sign (5%); a bare 1 or 5 is refused
  --hostile-wait-slope X each minute a caller waited adds X times the base rate (default 0:
                        waiting changes nothing; 0.5: hostile at twice the rate after 2 minutes)
  --policy FILE         JSON body for PUT /v1/wellbeing/policies/teams/{id} (default: the service's defaults)
  --compare FILE        a second policy, played on the same arrivals
  --days N              days (default 1)
  --hours N             length of a day (default 8)
  --seed S              the same seed gives the same result (default 1)
  --seeds N             play N seeds (S, S.2 ... S.N) and give each figure a 95% interval (default 1)
  --out FILE            write the HTML report there
  --tick SECONDS        virtual seconds per step of concurrent requests (default 2)
  --sl-seconds N        service level threshold (default 20)
  --callback-share SHARE  callers who hang up in the queue and ask for a callback instead (default 0: none)
  --callback-window MIN a callback's window from the moment the caller hung up (default 60)
  --redial-share SHARE  callers who hang up (without a callback) and call again as a new call,
                        at most twice (default 0: none)
  --redial-minutes MIN  mean minutes before they call again (default 10)
  --absence SHARE       agents absent each day, drawn per agent and day (default 0)
  --forecast-error CV   the day's calls over the forecast: lognormal, mean 1, this spread (default 0)
  --extend-share SHARE  recoveries the agent extends by 5 minutes, a minute in (default 0)
  --shorten-share SHARE recoveries a supervisor cuts to the policy's floor, two minutes in (default 0)
  --schedule            play the team's published schedule: the simulator puts the day's forecast,
                        reads the staffing (wellbeing shrinkage of the policy), generates and
                        publishes a schedule through the API; agents log on at their shift's start,
                        take its breaks and lunch, log off at its end (default: everyone all day)
  --solver-seconds N    the schedule solver's limit per team (default 20)
  --find-extra-agents   with --compare: the fewest extra agents that bring the lower policy's service
                        level within the tolerance of the other's, and their agent-hours (bisection,
                        each trial a full day on the same seeds)
  --extra-agents-tolerance POINTS  service-level points counted as holding it (default 1)
  --max-extra-agents N  the most extra agents tried (default: half of --agents)
  --json                print the summaries as JSON instead of a table
  --concurrency N       requests in flight at most (default 16); changes the speed, never the figures
  --parallel N          runs played at once, each in its own process (default: one per core, at
                        most 4); changes the speed, never the figures
`;

export class OptionsError extends Error {}

/**
 * A share: a fraction from 0 to 1 written as a decimal ("0.05"), or a percentage with its sign
 * ("5%"). A bare number above 0 and not below 1 is refused as ambiguous ("1" read as 100% surprised
 * users; "5" could be 5% or nothing valid): write "1%" or "100%", "5%" or "0.05".
 */
export function parseShare(text: string, name: string): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1) : t);
  if (t === '' || t === '%' || !Number.isFinite(n) || n < 0)
    throw new OptionsError(`${name}: expected a share such as 0.05 or 5%, got ${text}`);
  if (!percent && n >= 1)
    throw new OptionsError(
      `${name}: ${text} is ambiguous: a share is a fraction below 1 (0.05) or a percentage with its sign (${n}%)`,
    );
  const share = percent ? n / 100 : n;
  if (share > 1) throw new OptionsError(`${name}: above 100%: ${text}`);
  return share;
}

/** "cmn=60,yue=40" → [["cmn", 0.6], ["yue", 0.4]] (weights are normalised). */
export function parseMix(text: string): Array<[string, number]> {
  const entries = text.split(',').map((part) => {
    const m = /^\s*([a-z]{2,3}(?:-[a-z0-9]+)*)\s*[=:]\s*([0-9.]+)%?\s*$/i.exec(part);
    if (!m) throw new OptionsError(`--mix: expected tag=share, got "${part}"`);
    return [m[1], Number(m[2])] as [string, number];
  });
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (!(total > 0)) throw new OptionsError('--mix: the shares add up to nothing');
  return entries.map(([tag, w]) => [tag, w / total]);
}

function positiveNumber(text: string | undefined, name: string, integer = false): number {
  const n = Number(text);
  if (text === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new OptionsError(`${name}: expected a positive ${integer ? 'whole ' : ''}number`);
  return n;
}

/** Parses the command line; `--help` throws an OptionsError carrying the usage. */
export function parseOptions(argv: string[]): SimulatorOptions {
  const o: SimulatorOptions = { ...DEFAULT_OPTIONS, hostile: { ...DEFAULT_HOSTILE_MIX } };
  let callsGiven = false;
  let callsPerAgent: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new OptionsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--agents':
        o.agents = positiveNumber(value(), flag, true);
        break;
      case '--mix':
        o.dialectMix = parseMix(value());
        break;
      case '--elder-care':
        o.elderCareAgentShare = parseShare(value(), flag);
        break;
      case '--calls-per-day':
        o.callsPerDay = positiveNumber(value(), flag, true);
        callsGiven = true;
        break;
      case '--calls-per-agent':
        callsPerAgent = positiveNumber(value(), flag);
        break;
      case '--aht':
        o.ahtSeconds = positiveNumber(value(), flag);
        break;
      case '--patience':
        o.patienceSeconds = positiveNumber(value(), flag);
        break;
      case '--hostile-rate':
        o.hostile = { ...o.hostile, rate: parseShare(value(), flag) };
        break;
      case '--hostile-wait-slope': {
        const slope = Number(value());
        if (!Number.isFinite(slope) || slope < 0 || slope > 10)
          throw new OptionsError(`${flag}: expected a number from 0 to 10`);
        o.hostile = { ...o.hostile, waitSlopePerMinute: slope };
        break;
      }
      case '--policy':
        o.policyFile = value();
        break;
      case '--compare':
        o.compareFile = value();
        break;
      case '--days':
        o.days = positiveNumber(value(), flag, true);
        break;
      case '--hours':
        o.hours = positiveNumber(value(), flag);
        if (o.hours > 16) throw new OptionsError('--hours: at most 16');
        break;
      case '--seed':
        o.seed = value();
        break;
      case '--seeds':
        o.seeds = positiveNumber(value(), flag, true);
        if (o.seeds > 50) throw new OptionsError('--seeds: at most 50');
        break;
      case '--out':
        o.out = value();
        break;
      case '--tick':
        o.tickSeconds = positiveNumber(value(), flag);
        if (o.tickSeconds > 10) throw new OptionsError('--tick: at most 10 seconds');
        break;
      case '--sl-seconds':
        o.serviceLevelSeconds = positiveNumber(value(), flag);
        break;
      case '--callback-share':
        o.callbackShare = parseShare(value(), flag);
        break;
      case '--callback-window':
        o.callbackWindowMinutes = positiveNumber(value(), flag);
        if (o.callbackWindowMinutes > 24 * 60)
          throw new OptionsError('--callback-window: at most 1440 minutes');
        break;
      case '--redial-share':
        o.redialShare = parseShare(value(), flag);
        break;
      case '--redial-minutes':
        o.redialMinutes = positiveNumber(value(), flag);
        break;
      case '--absence':
        o.absenceShare = parseShare(value(), flag);
        break;
      case '--forecast-error': {
        const cv = Number(value());
        if (!Number.isFinite(cv) || cv < 0 || cv > 1)
          throw new OptionsError(`${flag}: expected a spread (CV) from 0 to 1, e.g. 0.1`);
        o.forecastErrorCv = cv;
        break;
      }
      case '--extend-share':
        o.extendShare = parseShare(value(), flag);
        break;
      case '--shorten-share':
        o.shortenShare = parseShare(value(), flag);
        break;
      case '--schedule':
        o.schedule = true;
        break;
      case '--solver-seconds':
        o.solverSeconds = positiveNumber(value(), flag, true);
        if (o.solverSeconds > 600) throw new OptionsError('--solver-seconds: at most 600');
        break;
      case '--find-extra-agents':
        o.findExtraAgents = true;
        break;
      case '--extra-agents-tolerance': {
        const points = Number(value());
        if (!Number.isFinite(points) || points < 0 || points > 50)
          throw new OptionsError(`${flag}: expected service-level points from 0 to 50, e.g. 1`);
        o.extraAgentsTolerancePoints = points;
        break;
      }
      case '--max-extra-agents':
        o.maxExtraAgents = positiveNumber(value(), flag, true);
        break;
      case '--json':
        o.json = true;
        break;
      case '--concurrency':
        o.concurrency = positiveNumber(value(), flag, true);
        break;
      case '--parallel':
        o.parallel = positiveNumber(value(), flag, true);
        break;
      case '--help':
      case '-h':
        throw new OptionsError(USAGE);
      default:
        throw new OptionsError(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  if (o.findExtraAgents && !o.compareFile)
    throw new OptionsError('--find-extra-agents: needs --compare (two policies to hold level)');
  if (
    !o.findExtraAgents &&
    (o.maxExtraAgents !== null || argv.includes('--extra-agents-tolerance'))
  )
    throw new OptionsError(
      '--max-extra-agents and --extra-agents-tolerance go with --find-extra-agents',
    );
  if (callsGiven && callsPerAgent !== null)
    throw new OptionsError('--calls-per-day and --calls-per-agent: give one of them');
  // The demand is the forecast's, not the staffing's: more agents answer the same calls faster.
  if (!callsGiven)
    o.callsPerDay = Math.round(
      (callsPerAgent === null
        ? DEFAULT_AGENTS * CALLS_PER_AGENT_PER_DAY
        : o.agents * callsPerAgent) *
        (o.hours / 8),
    );
  return o;
}
