import { adherence, isAdherent, outOfAdherence } from './adherence';

const t = (hhmm: string) => Date.parse(`2026-01-05T${hhmm}:00Z`);

describe('adherence', () => {
  const shift = {
    agentId: 'a',
    start: t('08:00'),
    end: t('10:00'),
    breaks: [{ start: t('09:00'), end: t('09:15') }],
  };

  it('counts matching states per interval; break time must be spent on break', () => {
    const presence = [
      { agentId: 'a', state: 'offline', reason: null, start: t('07:00'), end: t('08:10') },
      { agentId: 'a', state: 'available', reason: null, start: t('08:10'), end: t('08:40') },
      { agentId: 'a', state: 'on_call', reason: null, start: t('08:40'), end: t('09:05') },
      { agentId: 'a', state: 'break', reason: null, start: t('09:05'), end: t('09:15') },
      { agentId: 'a', state: 'available', reason: null, start: t('09:15'), end: null },
    ];
    const rows = adherence([shift], presence, t('08:00'), t('10:00'), 30, t('10:00'));
    expect(
      rows.map((r) => [
        new Date(r.start).toISOString().slice(11, 16),
        r.scheduledMinutes,
        r.adherentMinutes,
      ]),
    ).toEqual([
      ['08:00', 30, 20],
      ['08:30', 30, 30],
      ['09:00', 30, 25], // 09:00-09:05 on call during a break: not adherent
      ['09:30', 30, 30],
    ]);
    expect(rows[0].adherence).toBeCloseTo(0.6667, 4);
  });

  it('enforced recovery and private sessions always count', () => {
    expect(isAdherent('work', 'recovery', null)).toBe(true);
    expect(isAdherent('break', 'recovery', null)).toBe(true);
    expect(isAdherent('work', 'counseling', null)).toBe(true);
    expect(isAdherent('work', 'not_ready', 'private')).toBe(true);
    expect(isAdherent('work', 'not_ready', null)).toBe(false);
    expect(isAdherent('work', 'break', null)).toBe(false);
  });

  it('does not score the future and lists who is out of adherence now', () => {
    const presence = [
      { agentId: 'a', state: 'not_ready', reason: 'coffee', start: t('08:20'), end: null },
    ];
    const rows = adherence([shift], presence, t('08:00'), t('10:00'), 30, t('08:45'));
    expect(rows.map((r) => r.scheduledMinutes)).toEqual([30, 15]);
    expect(outOfAdherence([shift], presence, t('08:45'))).toEqual([
      { agentId: 'a', expected: 'work', state: 'not_ready', since: t('08:20') },
    ]);
    expect(outOfAdherence([shift], [], t('11:00'))).toEqual([]);
  });
});
