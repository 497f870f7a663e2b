import fc from 'fast-check';
import {
  callbackMayTakeAgent,
  measures,
  median,
  retryAt,
  urgentAt,
  windowError,
} from './callback-window';

const NOW = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('callback window', () => {
  it('accepts a window in the future, at most 7 days ahead, and names what is wrong otherwise', () => {
    expect(windowError(at(10), at(70), NOW)).toBeNull();
    expect(windowError(at(0), at(1), NOW)).toBeNull();
    expect(windowError(at(70), at(10), NOW)).toBe('CALLBACK_WINDOW_INVERTED');
    expect(windowError(at(10), at(10), NOW)).toBe('CALLBACK_WINDOW_INVERTED');
    expect(windowError(at(-30), at(30), NOW)).toBe('CALLBACK_WINDOW_IN_PAST');
    expect(windowError(at(60), at(7 * 24 * 60 + 1), NOW)).toBe('CALLBACK_WINDOW_TOO_FAR');
    expect(windowError(at(60), at(7 * 24 * 60), NOW)).toBeNull();
  });

  it('rises inside its window, in the last quarter and at most 30 minutes before the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (s, len) => {
          const nb = at(s);
          const na = at(s + len);
          const u = urgentAt(nb, na).getTime();
          expect(u).toBeGreaterThanOrEqual(nb.getTime());
          expect(u).toBeLessThanOrEqual(na.getTime());
          expect(na.getTime() - u).toBeLessThanOrEqual(30 * 60_000);
          expect(na.getTime() - u).toBeLessThanOrEqual((na.getTime() - nb.getTime()) / 4);
        },
      ),
    );
    expect(urgentAt(at(0), at(240))).toEqual(at(210));
    expect(urgentAt(at(0), at(40))).toEqual(at(30));
  });

  it('retries after the delay only while the window lasts', () => {
    expect(retryAt(NOW, 15, at(60))).toEqual(at(15));
    expect(retryAt(NOW, 15, at(15))).toBeNull();
  });

  it('bounds the share of offers callbacks take only while inbound calls wait for the agent', () => {
    const waiting = { waiting: true, pastAnswerTarget: false };
    expect(callbackMayTakeAgent(0.1, 0.3, waiting)).toBe(true);
    expect(callbackMayTakeAgent(0.3, 0.3, waiting)).toBe(false);
    expect(callbackMayTakeAgent(0.9, 0.3, { waiting: false, pastAnswerTarget: false })).toBe(true);
  });

  it('keeps a promise before inbound calls only while the service level allows, unless it is about to run out', () => {
    const late = { waiting: true, pastAnswerTarget: true };
    expect(callbackMayTakeAgent(0, 0.3, late)).toBe(false);
    expect(callbackMayTakeAgent(0, 0.3, late, true)).toBe(true);
    expect(callbackMayTakeAgent(0.5, 0.3, late, true)).toBe(false); // still within the team's cap
  });

  it('measures promises kept per dialect', () => {
    const base = {
      notBefore: at(0),
      notAfter: at(60),
      attempts: 0,
      firstAttemptAt: null,
      reachedAt: null,
    };
    const out = measures(
      [
        {
          ...base,
          dialect: 'yue',
          status: 'reached',
          attempts: 1,
          firstAttemptAt: at(10),
          reachedAt: at(10),
        },
        {
          ...base,
          dialect: 'yue',
          status: 'reached',
          attempts: 3,
          firstAttemptAt: at(20),
          reachedAt: at(61),
        },
        { ...base, dialect: 'yue', status: 'missed', attempts: 2, firstAttemptAt: at(30) },
        { ...base, dialect: 'yue', status: 'open', notAfter: at(600) },
        { ...base, dialect: 'cmn', status: 'wrong_number', attempts: 1, firstAttemptAt: at(5) },
      ],
      at(120),
    );
    expect(out.map((m) => m.dialect)).toEqual(['cmn', 'yue']);
    const yue = out[1];
    expect(yue).toMatchObject({ callbacks: 4, settled: 3, reachedInWindow: 1, missed: 1 });
    expect(yue.reachedInWindowShare).toBeCloseTo(1 / 3);
    expect(yue.medianSecondsToFirstAttempt).toBe(1200);
    expect(yue.attemptsPerCallback).toBe(2);
    expect(out[0]).toMatchObject({ reachedInWindowShare: 0, attemptsPerCallback: 1 });
  });

  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
