import { addRule, ruleToEvent, selectionToRule } from './availability-rules';

describe('availability rules', () => {
  it('merges overlapping and touching hours of one weekday, keeps other days apart', () => {
    let rules = addRule([], { weekday: 1, start: '09:00', end: '12:00' });
    rules = addRule(rules, { weekday: 1, start: '11:00', end: '13:00' });
    rules = addRule(rules, { weekday: 1, start: '13:00', end: '14:00' });
    rules = addRule(rules, { weekday: 2, start: '09:00', end: '10:00' });
    expect(rules).toEqual([
      { weekday: 1, start: '09:00', end: '14:00' },
      { weekday: 2, start: '09:00', end: '10:00' },
    ]);
    expect(addRule(rules, { weekday: 3, start: '10:00', end: '09:00' })).toBe(rules);
  });

  it('maps rules to the pattern week and selections back', () => {
    expect(ruleToEvent({ weekday: 3, start: '09:00', end: '17:30' })).toEqual({
      start: '2024-01-03T09:00:00',
      end: '2024-01-03T17:30:00',
    });
    expect(ruleToEvent({ weekday: 7, start: '20:00', end: '24:00' }).end).toBe(
      '2024-01-08T00:00:00',
    );
    expect(
      selectionToRule(new Date('2024-01-03T09:00:00Z'), new Date('2024-01-03T12:30:00Z')),
    ).toEqual({
      weekday: 3,
      start: '09:00',
      end: '12:30',
    });
    expect(
      selectionToRule(new Date('2024-01-07T20:00:00Z'), new Date('2024-01-08T00:00:00Z'))?.end,
    ).toBe('24:00');
    expect(
      selectionToRule(new Date('2024-01-03T09:00:00Z'), new Date('2024-01-04T12:00:00Z')),
    ).toBeNull();
  });
});
