import { describe, expect, it } from 'vitest';
import {
  hoursReached,
  rowsOf,
  templateProblems,
  templatesOf,
  unchangedSettings,
} from './shift-templates';

describe('shift templates', () => {
  it('reads the API in hours and writes it back in minutes, earliest first', () => {
    const rows = rowsOf([
      { start: '13:00', minutes: 540 },
      { start: '08:00', minutes: 480 },
    ]);
    expect(rows).toEqual([
      { start: '13:00', hours: 9 },
      { start: '08:00', hours: 8 },
    ]);
    expect(templatesOf([...rows, { start: '08:00', hours: 4.5 }])).toEqual([
      { start: '08:00', minutes: 270 },
      { start: '08:00', minutes: 480 },
      { start: '13:00', minutes: 540 },
    ]);
  });

  it('names each bad row: not a time, a length outside half an hour to a day or not in minutes, a repeat', () => {
    expect(
      templateProblems([
        { start: '8', hours: 8 },
        { start: '24:00', hours: 8 },
        { start: '09:00', hours: 0.25 },
        { start: '09:00', hours: 25 },
        { start: '09:00', hours: '' },
        { start: '09:00', hours: 8.001 },
        { start: '10:00', hours: 8 },
        { start: '10:00', hours: 8 },
      ]),
    ).toEqual(['start', 'start', 'length', 'length', 'length', 'length', null, 'duplicate']);
    expect(templatesOf([{ start: '10:00', hours: '' }])).toBeNull();
    expect(templatesOf([])).toEqual([]);
  });

  it('holds Save back while the form is what is stored, whatever the order of the rows', () => {
    const stored = {
      shiftTemplates: [
        { start: '08:00', minutes: 480 },
        { start: '13:00', minutes: 540 },
      ],
      consistentStartTimes: false,
    };
    const reordered = templatesOf([
      { start: '13:00', hours: 9 },
      { start: '08:00', hours: 8 },
    ]);
    expect(unchangedSettings(stored, reordered, false)).toBe(true);
    expect(unchangedSettings(stored, reordered, true)).toBe(false);
    expect(unchangedSettings(stored, templatesOf([{ start: '08:00', hours: 8 }]), false)).toBe(
      false,
    );
    expect(unchangedSettings(stored, null, false)).toBe(false);
  });
});

describe('the hours the templates reach', () => {
  it('joins overlapping and touching shifts into stretches, earliest first', () => {
    expect(
      hoursReached([
        { start: '14:00', minutes: 360 },
        { start: '08:00', minutes: 360 },
        { start: '09:00', minutes: 240 },
      ]),
    ).toEqual([{ from: '08:00', to: '20:00' }]);
    expect(
      hoursReached([
        { start: '08:00', minutes: 240 },
        { start: '16:00', minutes: 240 },
      ]),
    ).toEqual([
      { from: '08:00', to: '12:00' },
      { from: '16:00', to: '20:00' },
    ]);
  });

  it('keeps a stretch across midnight whole, and says when the day is covered', () => {
    expect(
      hoursReached([
        { start: '22:00', minutes: 480 },
        { start: '09:00', minutes: 480 },
      ]),
    ).toEqual([
      { from: '09:00', to: '17:00' },
      { from: '22:00', to: '06:00' },
    ]);
    expect(
      hoursReached([
        { start: '00:00', minutes: 480 },
        { start: '08:00', minutes: 480 },
        { start: '16:00', minutes: 480 },
      ]),
    ).toBe('all-day');
    expect(hoursReached([{ start: '06:00', minutes: 1440 }])).toBe('all-day');
  });
});
