/**
 * The schedule solver's status in the person's language. The service reports it as English phrases
 * joined by "; " (which route found the roster, then HiGHS's own model status or why the run
 * stopped); each known phrase becomes a translation key, anything else is shown as it came.
 */
export type SolverStatusPart = { key: string; params?: Record<string, string> } | { text: string };

const PHRASES: Array<[RegExp, (m: RegExpMatchArray) => SolverStatusPart]> = [
  [/^LP rounded$/, () => ({ key: 'lpRounded' })],
  [/^LP rounded and improved$/, () => ({ key: 'lpRoundedImproved' })],
  [/^MIP rostered$/, () => ({ key: 'mipRostered' })],
  [/^MIP rostered and improved$/, () => ({ key: 'mipRosteredImproved' })],
  [/^MIP rostered \(second hand-out\) and improved$/, () => ({ key: 'mipSecondImproved' })],
  [/^stopped at the time limit$/, () => ({ key: 'timeLimit' })],
  [/^(solver )?stopped$/, () => ({ key: 'stopped' })],
  [/^solver failed: (.*)$/, (m) => ({ key: 'failed', params: { message: m[1] } })],
  [/^MIP (.+)$/, (m) => ({ key: 'mip', params: { status: m[1] } })],
];

export function solverStatusParts(status: string): SolverStatusPart[] {
  return status
    .split('; ')
    .map((phrase) => phrase.trim())
    .filter(Boolean)
    .map((phrase) => {
      for (const [pattern, part] of PHRASES) {
        const m = phrase.match(pattern);
        if (m) return part(m);
      }
      return { text: phrase };
    });
}
